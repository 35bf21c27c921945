"""The login form, wrapped with failure throttling."""

import unicodedata

from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from parindex.accounts.models import User
from parindex.accounts.throttling import (
    Lock,
    clear_failures,
    client_ip,
    current_lock,
    record_failure,
)


def lock_message(lock: Lock) -> str:
    return ngettext(
        "Too many failed attempts; try again in %(minutes)s minute.",
        "Too many failed attempts; try again in %(minutes)s minutes.",
        lock.minutes_left,
    ) % {"minutes": lock.minutes_left}


class ThrottledAuthenticationForm(AuthenticationForm):
    """Refuses while the account or IP is locked (even a right password), counts failures."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if not username or not self.cleaned_data.get("password"):
            return super().clean()
        ip = client_ip(self.request)
        lock = current_lock(username, ip)
        if lock is not None:
            raise ValidationError(lock_message(lock), code="throttled")
        try:
            cleaned = super().clean()
        except ValidationError as error:
            if error.code == "invalid_login":
                lock = record_failure(username, ip)
                if lock is not None:
                    raise ValidationError(lock_message(lock), code="throttled") from error
            raise
        clear_failures(username)
        return cleaned


def _same_address(a: str, b: str) -> bool:
    return (
        unicodedata.normalize("NFKC", a).casefold() == unicodedata.normalize("NFKC", b).casefold()
    )


class FirstPasswordResetForm(PasswordResetForm):
    """Django skips accounts without a usable password; ours are created that way on purpose
    (imports, the organiser's form), and this link is how those people set a first one."""

    def get_users(self, email):
        users = User._default_manager.filter(email__iexact=email, is_active=True)
        return (u for u in users if _same_address(email, u.email))
