from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from parindex.textnorm import fold, nfc


class User(AbstractUser):
    """A person who logs in. What they may do comes from their memberships (orgs.Membership)."""

    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    language = models.CharField(
        _("language"), max_length=8, blank=True, choices=[("vi", "Tiếng Việt"), ("en", "English")]
    )
    search_text = models.CharField(max_length=400, editable=False, default="", db_index=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.username

    def save(self, *args, **kwargs) -> None:
        self.full_name = nfc(self.full_name)
        self.search_text = fold(f"{self.username} {self.full_name} {self.email}")
        super().save(*args, **kwargs)


class LoginAttempt(models.Model):
    """A failed login, kept in the database so every worker and node counts the same failures.

    `username` is stored folded (lower-case, accent-free) so "Admin" and "admin" count as one
    account. A successful login deletes that account's rows; old rows are pruned as they age.
    """

    username = models.CharField(max_length=150, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("failed login")
        verbose_name_plural = _("failed logins")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.username} from {self.ip} at {self.at:%Y-%m-%d %H:%M:%S}"
