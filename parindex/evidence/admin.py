"""Read-only admin: changes go through the services, which audit them."""

from django.contrib import admin

from parindex.evidence.models import EvidenceDocument, EvidenceFile
from parindex.readonly_admin import ReadOnlyAdmin


@admin.register(EvidenceFile)
class EvidenceFileAdmin(ReadOnlyAdmin):
    list_display = ("sha256", "content_type", "size", "created_at")
    search_fields = ("sha256",)
    list_filter = ("content_type",)


@admin.register(EvidenceDocument)
class EvidenceDocumentAdmin(ReadOnlyAdmin):
    list_display = ("title", "number", "unit", "original_name", "uploaded_by", "uploaded_at")
    list_select_related = ("unit", "uploaded_by")
    search_fields = ("search_text", "number", "file__sha256")
    raw_id_fields = ("unit", "file", "uploaded_by")
