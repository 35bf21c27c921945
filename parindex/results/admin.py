"""Read-only admin: snapshots are taken and published through results.services, which audit."""

from django.contrib import admin

from parindex.readonly_admin import ReadOnlyAdmin
from parindex.results.models import ResultSnapshot, UnitResult


@admin.register(ResultSnapshot)
class ResultSnapshotAdmin(ReadOnlyAdmin):
    list_display = ("campaign", "kind", "source", "taken_at", "taken_by", "published_at")
    list_filter = ("kind",)
    list_select_related = ("campaign", "taken_by")
    raw_id_fields = ("campaign", "framework", "taken_by", "published_by")
    exclude = ("summary",)  # tens of thousands of characters at national scale


@admin.register(UnitResult)
class UnitResultAdmin(ReadOnlyAdmin):
    list_display = ("unit", "snapshot", "total", "maximum", "index", "rank", "group")
    list_select_related = ("unit", "snapshot__campaign")
    raw_id_fields = ("snapshot", "unit", "assessment")
    fields = ("snapshot", "unit", "assessment", "total", "maximum", "index", "rank", "group")
