"""Who appraises what, the notices sent to units, and the reminders already sent.

Scores themselves are not here: step 1, explanations, step 2 and the final score are layers of
`assessments.ScoreEntry` (append-only). These models keep the appraisal's own records, and like
the layers they are never overwritten: an assignment is withdrawn (the row stays), a notice is
written once, a reminder row is the proof it was sent.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from parindex.assessments.models import Assessment, Campaign
from parindex.orgs.models import Department


class Assignment(models.Model):
    """`appraiser` appraises the leaves at or below `node_code` (a field, criterion or leaf)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="assignments")
    appraiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="appraisal_assignments",
        verbose_name=_("appraiser"),
    )
    node_code = models.CharField(_("criterion"), max_length=40)
    # Set when the assignment came from the department that owns the node.
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(_("assigned at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["campaign", "node_code", "assigned_at", "id"]
        verbose_name = _("appraisal assignment")
        verbose_name_plural = _("appraisal assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "appraiser", "node_code"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="unique_active_assignment",
            )
        ]

    def __str__(self) -> str:
        return f"{self.node_code} → {self.appraiser_id}"


class NoticeKind(models.TextChoices):
    STEP1 = "step1", _("Step-1 appraisal results")


class Notice(models.Model):
    """What a unit was told, as it was told: the changed nodes with their reasons, and to whom.

    `items`: [{"code", "title", "self_points", "step1_points", "reason", "appraiser"}], points as
    exact decimal text. Written once when step 1 closes.
    """

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="notices")
    kind = models.CharField(_("kind"), max_length=20, choices=NoticeKind, default=NoticeKind.STEP1)
    items = models.JSONField(_("changed criteria"), default=list, blank=True)
    recipients = models.JSONField(_("e-mailed to"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.assessment_id}"


class SentReminder(models.Model):
    """One reminder e-mail about one deadline in force, to one person: sent once."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    deadline = models.CharField(_("deadline"), max_length=20)  # a Campaign date field name
    due = models.DateTimeField(_("due"))
    sent_on = models.DateField(_("sent on"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "user", "deadline", "due"], name="unique_reminder"
            )
        ]

    def __str__(self) -> str:
        return f"{self.deadline} {self.due:%Y-%m-%d} → {self.user_id}"
