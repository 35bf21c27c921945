"""The register of tasks a unit was assigned by higher authorities (criterion 1.6.1 and the like).

A task's status is never stored: it follows from its deadline, its completion date and today,
so a task left open silently becomes overdue the day after its deadline without anyone saving
it. `AssignedTaskQuerySet.with_status(today)` computes the same status in SQL for filters and
counts; `AssignedTask.status_on(today)` computes it in Python for one task. Both are tested to
agree.

Deleting is a soft delete with a reason (`deleted_at/by`, `delete_reason`): the row stays and
is left out of lists, exports, counts and ratios.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from parindex.orgs.models import Department, Unit
from parindex.textnorm import fold, nfc


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE_ON_TIME = "done_on_time", _("Done on time")
    DONE_LATE = "done_late", _("Done late")
    OVERDUE = "overdue", _("Overdue")


def status_conditions(today: datetime.date) -> dict[str, Q]:
    """The SQL condition of each status on `today`; exactly one holds for any task."""
    done = Q(completed_on__isnull=False)
    late_done = done & Q(deadline__isnull=False, completed_on__gt=models.F("deadline"))
    overdue = Q(completed_on__isnull=True, deadline__isnull=False, deadline__lt=today)
    return {
        TaskStatus.DONE_LATE: late_done,
        TaskStatus.DONE_ON_TIME: done & ~late_done,
        TaskStatus.OVERDUE: overdue,
        TaskStatus.OPEN: Q(completed_on__isnull=True) & ~overdue,
    }


class AssignedTaskQuerySet(models.QuerySet):
    def alive(self) -> "AssignedTaskQuerySet":
        return self.filter(deleted_at__isnull=True)

    def with_status(self, today: datetime.date) -> "AssignedTaskQuerySet":
        """Annotate `status` as of `today`."""
        whens = [
            When(condition, then=Value(str(s))) for s, condition in status_conditions(today).items()
        ]
        return self.annotate(status=Case(*whens, output_field=models.CharField()))

    def in_status(self, status: str, today: datetime.date) -> "AssignedTaskQuerySet":
        return self.filter(status_conditions(today)[status])


class AssignedTask(models.Model):
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="assigned_tasks", verbose_name=_("unit")
    )
    document_number = models.CharField(_("document number"), max_length=80, blank=True)
    document_date = models.DateField(_("document date"), null=True, blank=True)
    issuer = models.CharField(_("issued by"), max_length=200, blank=True)
    content = models.TextField(_("content"))
    department = models.ForeignKey(
        Department,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_tasks",
        verbose_name=_("department in charge"),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True, db_index=True)
    completed_on = models.DateField(_("completion date"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    search_text = models.TextField(editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    delete_reason = models.TextField(blank=True)

    objects = AssignedTaskQuerySet.as_manager()

    class Meta:
        ordering = [models.F("deadline").asc(nulls_last=True), "id"]
        verbose_name = _("assigned task")
        verbose_name_plural = _("assigned tasks")
        indexes = [models.Index(fields=["unit", "deleted_at", "deadline"])]

    def __str__(self) -> str:
        number = f"{self.document_number}: " if self.document_number else ""
        return f"{number}{self.content[:80]}"

    def save(self, *args, **kwargs) -> None:
        self.document_number = nfc(self.document_number)
        self.issuer = nfc(self.issuer)
        self.content = nfc(self.content)
        self.notes = nfc(self.notes)
        self.search_text = fold(f"{self.document_number} {self.issuer} {self.content}")
        super().save(*args, **kwargs)

    def status_on(self, today: datetime.date) -> str:
        if self.completed_on is not None:
            if self.deadline is not None and self.completed_on > self.deadline:
                return TaskStatus.DONE_LATE
            return TaskStatus.DONE_ON_TIME
        if self.deadline is not None and self.deadline < today:
            return TaskStatus.OVERDUE
        return TaskStatus.OPEN

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class RegisterFeed(models.Model):
    """A campaign's criterion whose inputs come from the units' registers (on-time ratio)."""

    campaign = models.OneToOneField(
        "assessments.Campaign", on_delete=models.CASCADE, related_name="register_feed"
    )
    node_code = models.CharField(_("criterion"), max_length=40)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("register feed")
        verbose_name_plural = _("register feeds")

    def __str__(self) -> str:
        return f"{self.campaign} → {self.node_code}"


class SentTaskReminder(models.Model):
    """One reminder about one task's deadline to one person: sent once per deadline."""

    task = models.ForeignKey(AssignedTask, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    deadline = models.DateField()
    sent_on = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["task", "user", "deadline"], name="unique_task_reminder"
            )
        ]

    def __str__(self) -> str:
        return f"{self.task_id} {self.deadline} → {self.user_id}"
