"""Read-only admin: every change goes through the services, which audit it."""

from django.contrib import admin

from parindex.appraisal.models import Assignment, Notice, SentReminder
from parindex.readonly_admin import ReadOnlyAdmin


@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyAdmin):
    list_display = [
        "campaign",
        "node_code",
        "appraiser",
        "department",
        "assigned_at",
        "withdrawn_at",
    ]
    list_filter = ["campaign"]


@admin.register(Notice)
class NoticeAdmin(ReadOnlyAdmin):
    list_display = ["assessment", "kind", "created_at", "created_by"]


@admin.register(SentReminder)
class SentReminderAdmin(ReadOnlyAdmin):
    list_display = ["campaign", "user", "deadline", "due", "sent_at"]
