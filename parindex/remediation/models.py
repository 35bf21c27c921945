"""Remediation plans: the lost points of one unit in one campaign turned into tasks.

A plan is built from one result snapshot and remembers it, so the points lost it quotes can
always be traced to the published (or provisional) figures. A task covers one node or several
nodes grouped (7.3.2 and 7.3.3 in seed 004); `lost` keeps each node's points lost exactly as
the snapshot had them. A task's status moves only through services.change_status, which writes
an append-only `TaskStatusChange` (who, when, why) and an audit entry in the same transaction.
Edits carry a `version`: a form holding an older one is refused, never applied over someone
else's change.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from parindex.assessments.models import AppendOnlyError, Campaign
from parindex.evidence.models import EvidenceDocument
from parindex.frameworks.models import POINTS
from parindex.orgs.models import Department, Unit
from parindex.results.models import ResultSnapshot
from parindex.textnorm import nfc


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANNOT_FIX = "cannot_fix", _("Cannot fix")


# Statuses in which a task still waits for work: past its deadline, it is overdue.
PENDING_STATUSES = frozenset({TaskStatus.OPEN, TaskStatus.IN_PROGRESS})


def overdue_condition(today: datetime.date) -> Q:
    """The SQL form of `RemediationTask.is_overdue_on(today)`."""
    return Q(deadline__lt=today, status__in=PENDING_STATUSES)


class RemediationPlan(models.Model):
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="remediation_plans", verbose_name=_("unit")
    )
    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="remediation_plans"
    )
    snapshot = models.ForeignKey(
        ResultSnapshot,
        on_delete=models.PROTECT,
        related_name="remediation_plans",
        verbose_name=_("built from the results of"),
    )
    title = models.CharField(_("subject (trích yếu)"), max_length=500)
    # The official letter's header and signature (seed 004): issuing body, số/ký hiệu, place.
    issuing_body = models.CharField(_("issuing body"), max_length=200, blank=True)
    reference = models.CharField(_("number and symbol (số/ký hiệu)"), max_length=100, blank=True)
    place = models.CharField(_("place"), max_length=100, blank=True)
    letter_date = models.DateField(_("date of the letter"), null=True, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=100, blank=True)
    signer_name = models.CharField(_("signer's name"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("remediation plan")
        verbose_name_plural = _("remediation plans")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        for name in ("title", "issuing_body", "reference", "place", "signer_title", "signer_name"):
            setattr(self, name, nfc(getattr(self, name) or ""))
        super().save(*args, **kwargs)


class RemediationTask(models.Model):
    plan = models.ForeignKey(RemediationPlan, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveIntegerField(default=0)
    field_code = models.CharField(_("field"), max_length=40)
    # {node code: points lost as a decimal string}, in criteria-set order; one or several nodes.
    lost = models.JSONField(_("points lost per node"))
    titles = models.JSONField(_("node titles"), default=dict)  # {node code: title}
    points_lost = models.DecimalField(_("points lost"), **POINTS)
    department = models.ForeignKey(
        Department,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="remediation_tasks",
        verbose_name=_("responsible department"),
    )
    limitation = models.TextField(_("limitation (hạn chế)"), blank=True)
    remedy = models.TextField(_("remedy"), blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=TaskStatus, default=TaskStatus.OPEN, db_index=True
    )
    status_reason = models.TextField(_("reason"), blank=True)
    note = models.TextField(_("department's note"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["plan", "position", "id"]
        verbose_name = _("remediation task")
        verbose_name_plural = _("remediation tasks")
        constraints = [
            models.CheckConstraint(
                condition=Q(points_lost__gte=0), name="remediation_points_lost_not_negative"
            )
        ]

    def __str__(self) -> str:
        return ", ".join(self.codes)

    def save(self, *args, **kwargs) -> None:
        self.limitation, self.remedy = nfc(self.limitation), nfc(self.remedy)
        self.status_reason, self.note = nfc(self.status_reason), nfc(self.note)
        super().save(*args, **kwargs)

    @property
    def codes(self) -> list[str]:
        return list(self.lost)

    @property
    def nodes(self) -> list[tuple[str, str, Decimal]]:
        """(code, title, points lost) of each node the task covers."""
        return [(code, self.titles.get(code, ""), Decimal(v)) for code, v in self.lost.items()]

    def lost_of(self, code: str) -> Decimal:
        return Decimal(self.lost[code])

    def is_overdue_on(self, today: datetime.date) -> bool:
        return (
            self.deadline is not None and self.deadline < today and self.status in PENDING_STATUSES
        )


class TaskStatusChange(models.Model):
    """One status change of a task: append-only, the task's history of who did what and why."""

    task = models.ForeignKey(RemediationTask, on_delete=models.CASCADE, related_name="changes")
    from_status = models.CharField(max_length=20, choices=TaskStatus)
    to_status = models.CharField(max_length=20, choices=TaskStatus)
    reason = models.TextField(_("reason"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_name = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(_("time"))

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.task} {self.from_status} → {self.to_status}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError("A status change is never edited.")
        self.reason = nfc(self.reason)
        super().save(*args, **kwargs)


class TaskEvidence(models.Model):
    """A document of the unit's evidence library given as proof that a task was done."""

    task = models.ForeignKey(RemediationTask, on_delete=models.CASCADE, related_name="evidence")
    document = models.ForeignKey(EvidenceDocument, on_delete=models.PROTECT, related_name="+")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["task", "document"], name="unique_task_evidence")
        ]

    def __str__(self) -> str:
        return f"{self.task}: {self.document}"
