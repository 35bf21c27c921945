from django.contrib import admin

from parindex.assigned_tasks.models import AssignedTask, RegisterFeed, SentTaskReminder
from parindex.readonly_admin import ReadOnlyAdmin


@admin.register(AssignedTask)
class AssignedTaskAdmin(ReadOnlyAdmin):
    list_display = (
        "unit",
        "document_number",
        "deadline",
        "completed_on",
        "department",
        "deleted_at",
    )
    list_filter = ("department",)
    search_fields = ("document_number", "content")


@admin.register(RegisterFeed)
class RegisterFeedAdmin(ReadOnlyAdmin):
    list_display = ("campaign", "node_code", "created_by", "created_at")


@admin.register(SentTaskReminder)
class SentTaskReminderAdmin(ReadOnlyAdmin):
    list_display = ("task", "user", "deadline", "sent_on")
