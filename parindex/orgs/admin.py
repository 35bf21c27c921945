"""Django admin for system administrators; organisers use the app's own pages."""

from django.contrib import admin

from parindex.orgs.models import Department, Membership, Unit, UnitPredecessor


class PredecessorInline(admin.TabularInline):
    model = UnitPredecessor
    fk_name = "unit"
    autocomplete_fields = ["predecessor"]
    extra = 0


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "parent", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["code", "name", "search_text"]
    autocomplete_fields = ["parent"]
    inlines = [PredecessorInline]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "jurisdiction", "unit"]
    search_fields = ["code", "name", "search_text"]
    autocomplete_fields = ["jurisdiction", "unit"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "unit", "department"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__search_text", "unit__code", "unit__search_text"]
    autocomplete_fields = ["user", "unit", "department"]
