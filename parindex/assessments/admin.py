"""Read-only admin: every change goes through the services, which check the rules and audit."""

from django.contrib import admin

from parindex.assessments.models import (
    Assessment,
    Campaign,
    DeadlineExtension,
    EvidenceCitation,
    ScoreEntry,
)
from parindex.readonly_admin import ReadOnlyAdmin


@admin.register(Campaign)
class CampaignAdmin(ReadOnlyAdmin):
    list_display = ("title", "year", "jurisdiction", "framework", "status", "submit_due")
    list_filter = ("status", "year")
    list_select_related = ("jurisdiction", "framework")


@admin.register(Assessment)
class AssessmentAdmin(ReadOnlyAdmin):
    list_display = ("unit", "campaign", "status", "submitted_at", "late")
    list_filter = ("status", "late")
    list_select_related = ("unit", "campaign")
    raw_id_fields = ("unit", "campaign", "submitted_by")


@admin.register(ScoreEntry)
class ScoreEntryAdmin(ReadOnlyAdmin):
    list_display = (
        "assessment",
        "node_code",
        "layer",
        "revision",
        "points",
        "author",
        "created_at",
    )
    list_filter = ("layer",)
    list_select_related = ("assessment__unit", "author")
    raw_id_fields = ("assessment", "author")


@admin.register(DeadlineExtension)
class DeadlineExtensionAdmin(ReadOnlyAdmin):
    list_display = ("assessment", "deadline", "new_due", "granted_by", "granted_at")
    raw_id_fields = ("assessment", "granted_by")


@admin.register(EvidenceCitation)
class EvidenceCitationAdmin(ReadOnlyAdmin):
    list_display = ("assessment", "node_code", "layer", "document", "locator", "withdrawn_at")
    raw_id_fields = ("assessment", "document", "cited_by", "withdrawn_by")
