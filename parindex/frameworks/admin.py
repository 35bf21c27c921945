"""Read-only admin: criteria sets change only through the audited services and pages."""

from django.contrib import admin

from parindex.frameworks.models import FrameworkNode, FrameworkVersion
from parindex.readonly_admin import ReadOnlyAdmin


class NodeInline(admin.TabularInline):
    model = FrameworkNode
    fields = ["code", "title", "max_points", "department", "rule"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(FrameworkVersion)
class FrameworkVersionAdmin(ReadOnlyAdmin):
    list_display = ["code", "title", "year", "unit_kind", "jurisdiction", "status"]
    list_filter = ["status", "unit_kind", "year"]
    search_fields = ["search_text"]
    inlines = [NodeInline]


@admin.register(FrameworkNode)
class FrameworkNodeAdmin(ReadOnlyAdmin):
    list_display = ["code", "title", "max_points", "version"]
    list_select_related = ["version"]
    search_fields = ["code", "title"]
