"""Django admin for accounts and the failed-login log."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from parindex.accounts.models import LoginAttempt, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (None, {"fields": ("full_name", "phone", "language")}),
    )
    list_display = ["username", "full_name", "email", "is_active", "is_staff"]
    search_fields = ["username", "full_name", "email", "search_text"]


@admin.register(LoginAttempt)
class LoginAttemptAdmin(admin.ModelAdmin):
    list_display = ["at", "username", "ip"]
    search_fields = ["username", "ip"]
    readonly_fields = ["at", "username", "ip"]
