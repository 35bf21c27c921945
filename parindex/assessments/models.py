"""Campaigns, one assessment per assessed unit, deadline extensions, score layers, citations.

Score layers are data (architecture.md): every save of a node is a new `ScoreEntry` row — self,
step 1, explanation, step 2, final — with its author, time and reason. A row is never updated or
deleted; the current value of a layer is the row with the highest `revision` for its
(assessment, node_code, layer). The unique constraint on those four columns is what makes two
people saving the same node at once fail safely: the second insert of the same revision loses.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from parindex.frameworks.models import POINTS, FrameworkVersion
from parindex.orgs.models import Unit
from parindex.textnorm import nfc


class AppendOnlyError(Exception):
    """An attempt to change or delete a row of an append-only history."""


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Self-assessment open")
    APPRAISAL = "appraisal", _("Appraisal (step 1)")
    EXPLANATION = "explanation", _("Explanations")
    FINAL_APPRAISAL = "final_appraisal", _("Final appraisal (step 2)")
    APPROVED = "approved", _("Approved by the council")
    PUBLISHED = "published", _("Published")


# The order a campaign moves through; advancing skips nothing.
CAMPAIGN_FLOW: tuple[str, ...] = tuple(CampaignStatus.values)


class AssessmentStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted")
    LATE = "late", _("Submitted late")
    IN_APPRAISAL = "in_appraisal", _("In appraisal")
    EXPLANATION_REQUESTED = "explanation_requested", _("Explanation requested")
    EXPLAINED = "explained", _("Explained")
    APPRAISED = "appraised", _("Appraised")
    APPROVED = "approved", _("Approved")


# While an assessment is in one of these, its unit may still change its self layer.
SELF_EDITABLE_STATUSES = frozenset({AssessmentStatus.NOT_STARTED, AssessmentStatus.IN_PROGRESS})


class Layer(models.TextChoices):
    SELF = "self", _("Self-assessment")
    STEP1 = "step1", _("Appraisal step 1")
    EXPLANATION = "explanation", _("Explanation")
    STEP2 = "step2", _("Appraisal step 2")
    FINAL = "final", _("Final")


# Later layers override earlier ones when the scores of a stage are put together.
LAYER_ORDER: tuple[str, ...] = tuple(Layer.values)


class Deadline(models.TextChoices):
    """Deadlines that can be extended for one unit."""

    SUBMIT = "submit_due", _("Self-assessment submission")
    EXPLAIN = "explain_due", _("Explanations")


class Campaign(models.Model):
    jurisdiction = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="campaigns", verbose_name=_("jurisdiction")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=300)
    framework = models.ForeignKey(
        FrameworkVersion,
        on_delete=models.PROTECT,
        related_name="campaigns",
        verbose_name=_("criteria set"),
    )
    # The schedule (schedule.py states the order). Times are aware, shown in TIME_ZONE.
    self_open = models.DateTimeField(_("self-assessment opens"))
    submit_due = models.DateTimeField(_("submission deadline"))
    step1_due = models.DateTimeField(_("step-1 appraisal due"), null=True, blank=True)
    notice_on = models.DateTimeField(_("step-1 notice"), null=True, blank=True)
    explain_from = models.DateTimeField(_("explanations open"), null=True, blank=True)
    explain_due = models.DateTimeField(_("explanations due"), null=True, blank=True)
    step2_due = models.DateTimeField(_("step-2 appraisal due"), null=True, blank=True)
    council_on = models.DateTimeField(_("council meeting"), null=True, blank=True)
    publish_on = models.DateTimeField(_("publication"), null=True, blank=True)
    # Grouping bands, highest first: [{"label": "A", "min": "90"}, …] (the framework's default).
    groups = models.JSONField(_("groups"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=CampaignStatus, default=CampaignStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "title", "id"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "framework", "year"], name="unique_campaign_per_set_year"
            ),
            models.CheckConstraint(
                condition=models.Q(submit_due__gt=models.F("self_open")),
                name="campaign_submit_after_open",
                violation_error_message=_("The submission deadline must be after the opening."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.title = nfc(self.title)
        super().save(*args, **kwargs)


class Assessment(models.Model):
    """One assessed unit in one campaign."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="assessments")
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("unit")
    )
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=AssessmentStatus,
        default=AssessmentStatus.NOT_STARTED,
        db_index=True,
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept once the status moves on to appraisal: seed 003 names the late units in the report.
    late = models.BooleanField(_("submitted late"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["campaign", "unit__path", "unit__code"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], name="unique_assessment_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit.name} — {self.campaign.title}"

    @property
    def locked(self) -> bool:
        """True once submitted: the unit's self layer can no longer change (until reopened)."""
        return self.status not in SELF_EDITABLE_STATUSES


class DeadlineExtension(models.Model):
    """A later deadline for one unit; the newest row for a deadline is the one in force."""

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="extensions")
    deadline = models.CharField(
        _("deadline"), max_length=20, choices=Deadline, default=Deadline.SUBMIT
    )
    new_due = models.DateTimeField(_("new deadline"))
    reason = models.TextField(_("reason"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(_("granted at"), default=timezone.now)

    class Meta:
        ordering = ["assessment", "deadline", "granted_at", "id"]
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")

    def __str__(self) -> str:
        return f"{self.assessment_id} {self.deadline} → {self.new_due:%Y-%m-%d %H:%M}"


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Score entries are never changed: record a new revision.")

    def delete(self):
        raise AppendOnlyError("Score entries are never deleted.")

    def bulk_update(self, objs, *args, **kwargs):
        raise AppendOnlyError("Score entries are never changed: record a new revision.")


class ScoreEntry(models.Model):
    """One saved state of one leaf in one layer: inputs, engine points, note, N/A claim."""

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="entries")
    # A code of the campaign's frozen framework version: versions never change, so codes hold.
    node_code = models.CharField(_("criterion"), max_length=40)
    layer = models.CharField(_("layer"), max_length=20, choices=Layer)
    revision = models.PositiveIntegerField(_("revision"))
    # Exactly the engine's per-unit input dict for this leaf ({} = answer cleared).
    inputs = models.JSONField(_("inputs"), default=dict, blank=True)
    points = models.DecimalField(_("points"), **POINTS)
    explanation = models.TextField(_("how the points were reached"), blank=True)
    # The unit's explanation (self, explanation layers) or the appraiser's reason (step 1/2).
    note = models.TextField(_("note"), blank=True)
    na_claimed = models.BooleanField(_("not applicable claimed"), default=False)
    na_reason = models.TextField(_("why not applicable"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("saved at"), default=timezone.now)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["assessment", "node_code", "layer", "revision"]
        verbose_name = _("score entry")
        verbose_name_plural = _("score entries")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "node_code", "layer", "revision"],
                name="unique_entry_revision",
            ),
            models.CheckConstraint(condition=models.Q(revision__gte=1), name="entry_revision_1"),
        ]
        indexes = [models.Index(fields=["assessment", "layer"], name="entry_assessment_layer")]

    def __str__(self) -> str:
        return f"{self.node_code} {self.layer} r{self.revision}: {self.points}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Score entries are never changed: record a new revision.")
        self.note, self.na_reason = nfc(self.note), nfc(self.na_reason)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Score entries are never deleted.")

    @property
    def answered(self) -> bool:
        return bool(self.inputs)


class EvidenceCitation(models.Model):
    """A document of the unit's library cited for one node, with the page/section that proves it.

    Withdrawing a citation keeps the row (who cited what, and when it was withdrawn).
    """

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="citations")
    node_code = models.CharField(_("criterion"), max_length=40)
    layer = models.CharField(_("layer"), max_length=20, choices=Layer, default=Layer.SELF)
    document = models.ForeignKey(
        "evidence.EvidenceDocument", on_delete=models.PROTECT, related_name="citations"
    )
    locator = models.CharField(_("page or section"), max_length=200, blank=True)
    cited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    cited_at = models.DateTimeField(_("cited at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["assessment", "node_code", "cited_at", "id"]
        verbose_name = _("evidence citation")
        verbose_name_plural = _("evidence citations")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "node_code", "layer", "document"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="unique_active_citation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.node_code}: {self.document_id} {self.locator}".strip()


class SelfScore(models.Model):
    """The engine's figures for an assessment's current self layer, kept for the dashboard.

    Derived data, not a score layer: the entries are the record, and this row is recomputed
    from them (self_scores.py) in the same transaction as every self save, so the dashboard
    reads 200 units' self-scores instead of fetching ~14,000 entries and scoring each unit.
    `framework` and `year` say what it was computed under; a row that does not match its
    campaign (or is missing) is not trusted and the dashboard scores that unit itself.
    """

    assessment = models.OneToOneField(
        Assessment, on_delete=models.CASCADE, primary_key=True, related_name="self_score"
    )
    framework = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    total = models.DecimalField(**POINTS)
    maximum = models.DecimalField(**POINTS)
    index = models.DecimalField(max_digits=7, decimal_places=2, null=True)  # None: nothing to scale
    answered = models.PositiveIntegerField()  # leaves the unit answers that have an answer
    leaves = models.PositiveIntegerField()  # leaves the unit answers (survey ones left out)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("self-score summary")
        verbose_name_plural = _("self-score summaries")

    def __str__(self) -> str:
        return f"{self.assessment_id}: {self.total} / {self.maximum}"
