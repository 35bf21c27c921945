"""Council approval, the final layer, and reopening an approved unit.

Final = step 2 where it exists, else step 1, else the self-score. It is materialised as `final`
layer entries when the council approves, so every final score is a record with its author (the
approving member), time and the reason it came from ("step2 r1: …"). Approval locks the
campaign's scores: no stage accepts a save after it. An organiser can take one approved unit
back for correction, with a reason; its appraisers then record step 2 again and the council
approves the unit once more (new final revisions; the earlier ones stay).
"""

import datetime
from collections.abc import Iterable, Mapping

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from parindex.appraisal.errors import AppraisalRefused
from parindex.assessments.criteria import criteria_for, evaluate
from parindex.assessments.layers import current_entries, inputs_of
from parindex.assessments.models import (
    SELF_EDITABLE_STATUSES,
    Assessment,
    AssessmentStatus,
    Campaign,
    CampaignStatus,
    Layer,
    ScoreEntry,
)
from parindex.audit.services import log_action
from parindex.orgs import access
from parindex.results.bundles import record_final_bundles
from parindex.textnorm import nfc

# The layers the final score is taken from, lowest priority first (explanations are claims).
SOURCE_LAYERS = (Layer.SELF, Layer.STEP1, Layer.STEP2)


def final_sources(by_layer: Mapping[str, Mapping[str, ScoreEntry]]) -> dict[str, ScoreEntry]:
    """Per leaf, the entry its final score comes from."""
    merged: dict[str, ScoreEntry] = {}
    for layer in SOURCE_LAYERS:
        merged.update(by_layer.get(layer, {}))
    return merged


def source_note(source: ScoreEntry) -> str:
    """Where a final score came from, stable text: "step2 r1: the reason"."""
    origin = f"{source.layer} r{source.revision}"
    return f"{origin}: {source.note}" if source.note else origin


def _final_entries(actor, assessment: Assessment, by_layer, now) -> list[ScoreEntry]:
    criteria = criteria_for(assessment.campaign.framework)
    sources = final_sources(by_layer)
    result = evaluate(criteria, inputs_of(sources), assessment.campaign.year)
    existing = by_layer.get(Layer.FINAL, {})
    entries = []
    for node in criteria.entered_leaves:
        source = sources.get(node.code)
        if source is None:
            continue
        note, previous = nfc(source_note(source)), existing.get(node.code)
        if previous and previous.inputs == source.inputs and previous.note == note:
            continue  # already final with this value and reason
        entries.append(
            ScoreEntry(
                assessment=assessment,
                node_code=node.code,
                layer=Layer.FINAL,
                revision=previous.revision + 1 if previous else 1,
                inputs=source.inputs,
                points=result.node(node.code).points,
                explanation=result.node(node.code).explanation,
                note=note,
                na_claimed=source.na_claimed,
                na_reason=source.na_reason,
                author=actor,
                created_at=now,
            )
        )
    return entries


def _finalise(actor, assessments: Iterable[Assessment], now: datetime.datetime) -> None:
    """Final entries for each unit, and the unit approved; one audit entry per unit."""
    assessments = list(assessments)
    layers = current_entries([a.pk for a in assessments], [*SOURCE_LAYERS, Layer.FINAL])
    written = {}
    for assessment in assessments:
        entries = _final_entries(actor, assessment, layers.get(assessment.pk, {}), now)
        ScoreEntry.objects.bulk_create(entries)
        written[assessment.pk] = entries
        old, assessment.status = assessment.status, AssessmentStatus.APPROVED
        assessment.save(update_fields=["status"])
        data = {"from": old, "final_entries": len(entries)}
        log_action(actor, "appraisal.approved", assessment, unit=assessment.unit, data=data)
    # What the final snapshot reads, one row per unit, written with the final entries.
    record_final_bundles(assessments, layers, written, now)


def _locked_assessments(campaign: Campaign, **filters) -> list[Assessment]:
    query = Assessment.objects.select_for_update().filter(campaign=campaign, **filters)
    assessments = list(query.exclude(status__in=SELF_EDITABLE_STATUSES).select_related("unit"))
    for assessment in assessments:
        assessment.campaign = campaign
    return assessments


@transaction.atomic
def approve_campaign(actor, campaign: Campaign, *, now: datetime.datetime | None = None):
    """The council approves: every submitted unit's final layer is written and the campaign's
    scores are locked. Refused while a unit's explanations still await step 2."""
    if not access.may_approve(actor, campaign):
        raise PermissionDenied
    campaign = Campaign.objects.select_for_update().select_related("framework").get(pk=campaign.pk)
    if campaign.status != CampaignStatus.FINAL_APPRAISAL:
        raise AppraisalRefused(_("The council approves a campaign after step 2 only."))
    assessments = _locked_assessments(campaign)
    waiting = [a.unit.name for a in assessments if a.status == AssessmentStatus.EXPLAINED]
    if waiting:
        raise AppraisalRefused(
            _("Step 2 is not finished for: %(units)s.") % {"units": ", ".join(sorted(waiting))}
        )
    _finalise(actor, assessments, now or timezone.now())
    old, campaign.status = campaign.status, CampaignStatus.APPROVED
    campaign.save(update_fields=["status"])
    data = {"from": old, "to": campaign.status, "units": len(assessments)}
    log_action(actor, "campaign.status_changed", campaign, unit=campaign.jurisdiction, data=data)
    return campaign


@transaction.atomic
def reopen_unit(actor, assessment: Assessment, reason: str) -> Assessment:
    """An organiser takes one approved unit back for correction (reason required, audited)."""
    if not access.may_manage_assessment(actor, assessment):
        raise PermissionDenied
    reason = nfc(reason or "")
    if not reason:
        raise AppraisalRefused(_("A reason is required."))
    fresh = (
        Assessment.objects.select_for_update()
        .select_related("campaign", "unit")
        .get(pk=assessment.pk)
    )
    if fresh.campaign.status != CampaignStatus.APPROVED or fresh.status != (
        AssessmentStatus.APPROVED
    ):
        raise AppraisalRefused(
            _("Only an approved unit of a campaign not yet published can be reopened.")
        )
    fresh.status = AssessmentStatus.APPRAISED
    fresh.save(update_fields=["status"])
    data = {"from": AssessmentStatus.APPROVED, "to": fresh.status}
    log_action(actor, "appraisal.unit_reopened", fresh, unit=fresh.unit, reason=reason, data=data)
    return fresh


@transaction.atomic
def approve_unit(actor, assessment: Assessment, *, now: datetime.datetime | None = None):
    """The council approves a reopened unit again: new final revisions where values changed."""
    campaign = assessment.campaign
    if not access.may_approve(actor, campaign):
        raise PermissionDenied
    campaign = Campaign.objects.select_related("framework").get(pk=campaign.pk)
    found = _locked_assessments(campaign, pk=assessment.pk, status=AssessmentStatus.APPRAISED)
    if campaign.status != CampaignStatus.APPROVED or not found:
        raise AppraisalRefused(_("This unit is not waiting for the council's approval."))
    _finalise(actor, found, now or timezone.now())
    return found[0]
