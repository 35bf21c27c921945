"""Result snapshots: a campaign's scores frozen with the criteria set and inputs they came from.

A snapshot is computed only by the engine (results/snapshot.py) and never edited: a new
computation is a new snapshot, so a figure once shown or published can be recomputed and
explained later from the snapshot's own `inputs` and framework version. Provisional snapshots
are taken while appraisal runs; the final one after the council approves; publishing marks a
final snapshot published (the portal shows only those).

Per-node figures are JSON maps keyed by node code (decimal strings) rather than one row per node:
a national campaign has ~500,000 node scores, and every reader wants a unit's nodes together.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from parindex.assessments.models import AppendOnlyError, AppendOnlyQuerySet, Assessment, Campaign
from parindex.frameworks.models import POINTS, FrameworkVersion
from parindex.orgs.models import Unit

INDEX = {"max_digits": 7, "decimal_places": 2}


class SnapshotKind(models.TextChoices):
    PROVISIONAL = "provisional", _("Provisional")
    FINAL = "final", _("Final")


class ResultSnapshot(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="snapshots")
    kind = models.CharField(_("kind"), max_length=20, choices=SnapshotKind)
    framework = models.ForeignKey(
        FrameworkVersion, on_delete=models.PROTECT, related_name="+", verbose_name=_("criteria set")
    )
    # Which score layers the inputs were read from, e.g. "final" or "self+step1+step2".
    source = models.CharField(_("scores taken from"), max_length=60)
    groups = models.JSONField(_("groups"), default=list)  # [{label, min}] as used for grouping
    summary = models.JSONField(_("summary"), default=dict, blank=True)  # cross-unit figures
    taken_at = models.DateTimeField(_("taken at"))
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("result snapshot")
        verbose_name_plural = _("result snapshots")
        ordering = ["-taken_at", "-pk"]
        indexes = [models.Index(fields=["campaign", "kind", "-taken_at"])]

    def __str__(self) -> str:
        return f"{self.campaign} — {self.get_kind_display()} {self.taken_at:%Y-%m-%d %H:%M}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class UnitResult(models.Model):
    """One unit's figures in one snapshot. Rows are never changed after the snapshot is taken."""

    snapshot = models.ForeignKey(ResultSnapshot, on_delete=models.PROTECT, related_name="units")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="+")
    # What the figures were computed from: {leaf code: engine inputs}, and per leaf the score
    # entry it came from ("step2 r1").
    inputs = models.JSONField(_("inputs"), default=dict)
    sources = models.JSONField(_("sources"), default=dict)
    # {node code: "points"} and {node code: "maximum after N/A"} for every node of the set;
    # {node code: status} only where it is not "scored"; {leaf code: "points"} self-assessed.
    points = models.JSONField(_("points"), default=dict)
    maxima = models.JSONField(_("maxima"), default=dict)
    statuses = models.JSONField(_("statuses"), default=dict)
    self_points = models.JSONField(_("self-assessed points"), default=dict)
    # {leaf code: reason} of the appraisal layers that changed the node (step 1, step 2).
    reasons = models.JSONField(_("appraisal reasons"), default=dict)
    total = models.DecimalField(_("total"), **POINTS)
    maximum = models.DecimalField(_("maximum"), **POINTS)
    index = models.DecimalField(_("index"), null=True, **INDEX)  # as published (2 places)
    rank = models.PositiveIntegerField(_("rank"), null=True)
    group = models.CharField(_("group"), max_length=40, blank=True)
    # The unit's previous campaign of the same kind, or the weighted result of the units it was
    # formed from: {"year", "campaign", "total", "index", "rank", "merged_from": [...]}; null
    # when there is none.
    previous = models.JSONField(_("previous result"), null=True, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit result")
        verbose_name_plural = _("unit results")
        ordering = ["snapshot", "rank", "unit__code"]
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "unit"], name="one_result_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.index}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError("A unit result is never changed: take a new snapshot.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("A unit result is never deleted.")

    def points_of(self, code: str) -> Decimal:
        return Decimal(self.points[code])

    def maximum_of(self, code: str) -> Decimal:
        return Decimal(self.maxima[code])


class FinalBundle(models.Model):
    """What the council's approval made final for one unit, in one row (results/bundles.py).

    Written by the approval in the transaction that writes the `final` layer's entries, so a
    final snapshot reads one row per unit instead of four layers × every leaf. Each approval
    (again after a reopen) adds a row; the newest is current. Never changed.
    """

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("approved at"))
    # As UnitResult stores them: {leaf: engine inputs} (answered leaves), {leaf: "step2 r1: …"},
    # {leaf: "points"} self-assessed, {leaf: reason} of the appraisal steps.
    inputs = models.JSONField(_("inputs"), default=dict)
    sources = models.JSONField(_("sources"), default=dict)
    self_points = models.JSONField(_("self-assessed points"), default=dict)
    reasons = models.JSONField(_("appraisal reasons"), default=dict)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("final bundle")
        verbose_name_plural = _("final bundles")
        indexes = [models.Index(fields=["assessment", "-id"], name="bundle_assessment_newest")]

    def __str__(self) -> str:
        return f"{self.assessment} {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError("A final bundle is never changed: the council approves again.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("A final bundle is never deleted.")
