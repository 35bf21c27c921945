"""Interim self-scoring during the year: a dated round of answers outside any campaign.

A round ("9 tháng", as of 30/09) belongs to one unit and one published criteria set. Its answers
are append-only revisions per leaf, like a campaign's self layer, so a correction never
overwrites what was entered; the round's figures are always the engine over its current answers.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from parindex.assessments.models import AppendOnlyError, AppendOnlyQuerySet
from parindex.frameworks.models import FrameworkVersion
from parindex.orgs.models import Unit
from parindex.textnorm import nfc


class InterimRound(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="interim_rounds")
    framework = models.ForeignKey(
        FrameworkVersion, on_delete=models.PROTECT, related_name="+", verbose_name=_("criteria set")
    )
    as_of = models.DateField(_("as of"))
    label = models.CharField(_("label"), max_length=100)  # "9 tháng", "Quý III"
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("interim round")
        verbose_name_plural = _("interim rounds")
        ordering = ["unit", "-as_of", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "framework", "as_of"], name="one_interim_round_per_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.label} ({self.as_of:%d/%m/%Y})"

    def save(self, *args, **kwargs) -> None:
        self.label = nfc(self.label)
        super().save(*args, **kwargs)


class InterimAnswer(models.Model):
    """One saved state of one leaf in one round: exactly the engine's per-unit inputs."""

    round = models.ForeignKey(InterimRound, on_delete=models.PROTECT, related_name="answers")
    node_code = models.CharField(_("criterion"), max_length=40)
    revision = models.PositiveIntegerField(_("revision"))
    inputs = models.JSONField(_("inputs"), default=dict, blank=True)
    note = models.TextField(_("note"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("saved at"), default=timezone.now)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("interim answer")
        verbose_name_plural = _("interim answers")
        ordering = ["round", "node_code", "revision"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "node_code", "revision"], name="unique_interim_revision"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.node_code} r{self.revision}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Interim answers are never changed: record a new revision.")
        self.note = nfc(self.note)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Interim answers are never deleted.")
