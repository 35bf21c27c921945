"""Appraising one leaf of one unit: step 1 (against the self-score) and step 2 (the answered
explanations), each a new revision of its layer through `record_entry` (base_revision: a stale
save is refused with the current value).

Accepting records the value under review unchanged, with the note "accepted". Any other value
needs a reason: step 1 when it differs from the self-score, step 2 when it differs from step 1.

Status moves, each audited in the save's transaction: the first step-1 save puts a submitted
unit "in appraisal"; the step-2 save that settles a unit's last answered explanation makes it
"appraised".

Dates are enforced: once the campaign's step-1 (step-2) due date has passed, saves of that step
are refused until the organiser moves the date in the campaign's schedule. A unit the council
took back after approval (`reopened`) is corrected whatever the dates.
"""

import datetime
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from parindex.appraisal.errors import AppraisalRefused
from parindex.assessments.criteria import criteria_for
from parindex.assessments.entries import record_entry
from parindex.assessments.layers import current_entries_query
from parindex.assessments.models import (
    Assessment,
    AssessmentStatus,
    CampaignStatus,
    Layer,
    ScoreEntry,
)
from parindex.audit.services import log_action
from parindex.orgs import access
from parindex.textnorm import nfc

# Stored as the note of an accepted value (shown translated): stable text, whatever the language.
ACCEPTED_NOTE = "accepted"

STEP1 = Layer.STEP1.value
STEP2 = Layer.STEP2.value
# Submitted units whose step 1 is open while the campaign is at step 1.
IN_STEP1 = frozenset(
    {AssessmentStatus.SUBMITTED, AssessmentStatus.LATE, AssessmentStatus.IN_APPRAISAL}
)
IN_STEP2 = frozenset({AssessmentStatus.EXPLAINED, AssessmentStatus.APPRAISED})
APPRAISAL_LAYERS = (Layer.SELF, Layer.STEP1, Layer.EXPLANATION, Layer.STEP2)

PENDING, ACCEPTED, CHANGED = "pending", "accepted", "changed"


def reopened(assessment: Assessment) -> bool:
    """An approved campaign with this unit taken back for correction (council.reopen_unit)."""
    return (
        assessment.campaign.status == CampaignStatus.APPROVED
        and assessment.status == AssessmentStatus.APPRAISED
    )


def open_step(assessment: Assessment) -> str | None:
    """The layer appraisers may write for this unit now, or None."""
    campaign_status = assessment.campaign.status
    if campaign_status == CampaignStatus.APPRAISAL and assessment.status in IN_STEP1:
        return STEP1
    if campaign_status == CampaignStatus.FINAL_APPRAISAL and assessment.status in IN_STEP2:
        return STEP2
    if reopened(assessment):
        return STEP2
    return None


STEP_DUE = {STEP1: "step1_due", STEP2: "step2_due"}  # the Campaign date closing each step


def step_closed(assessment: Assessment, layer: str, now: datetime.datetime) -> str | None:
    """Why `layer` takes no save at `now` because its due date has passed, or None."""
    if reopened(assessment):
        return None
    due = getattr(assessment.campaign, STEP_DUE[layer])
    if due is None or now <= due:
        return None
    when = formats.date_format(timezone.localtime(due), "DATETIME_FORMAT")
    if layer == STEP1:
        message = _(
            "Step-1 appraisal closed on %(when)s. Nothing was saved; the organiser can move "
            "the step-1 date in the campaign's schedule."
        )
    else:
        message = _(
            "Step-2 appraisal closed on %(when)s. Nothing was saved; the organiser can move "
            "the step-2 date in the campaign's schedule."
        )
    return message % {"when": when}


def _canonical(value: object) -> object:
    """Inputs compared by meaning: 9 = "9" = "9.0"; a checklist's ticks in any order."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float | Decimal | str):
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            return str(value).strip()
        return str(number.normalize()) if number.is_finite() else str(value)
    if isinstance(value, Mapping):
        return {str(key): _canonical(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        items = [_canonical(item) for item in value]
        return sorted(items) if all(isinstance(i, str) for i in items) else items
    return value


def same_inputs(first: Mapping | None, second: Mapping | None) -> bool:
    return _canonical(dict(first or {})) == _canonical(dict(second or {}))


def baseline(layer: str, entries: Mapping[str, ScoreEntry]) -> ScoreEntry | None:
    """The value a step reviews: the self-score for step 1, step 1 (else self) for step 2."""
    if layer == STEP1:
        return entries.get(Layer.SELF)
    return entries.get(Layer.STEP1) or entries.get(Layer.SELF)


def row_status(layer: str, entries: Mapping[str, ScoreEntry]) -> str:
    """pending (no value yet in the step), accepted (the reviewed value kept), or changed."""
    current = entries.get(layer)
    if current is None:
        return PENDING
    reviewed = baseline(layer, entries)
    return ACCEPTED if same_inputs(current.inputs, reviewed and reviewed.inputs) else CHANGED


def node_entries(assessment_id: int, code: str) -> dict[str, ScoreEntry]:
    """{layer: current entry} of one node of one unit (one query)."""
    query = current_entries_query([assessment_id], APPRAISAL_LAYERS).filter(node_code=code)
    return {entry.layer: entry for entry in query.select_related("author")}


def answered_nodes(assessment_id: int) -> set[str]:
    """Codes the unit explained (an explanation entry with text)."""
    return set(
        current_entries_query([assessment_id], [Layer.EXPLANATION])
        .exclude(note="")
        .values_list("node_code", flat=True)
    )


def _value_to_record(
    layer: str, entries: Mapping[str, ScoreEntry], inputs: Mapping, reason: str, accept: bool
) -> tuple[dict, str, str]:
    """(inputs, note, na_reason) to record; AppraisalRefused when a change has no reason."""
    reviewed = baseline(layer, entries)
    reviewed_inputs = dict(reviewed.inputs) if reviewed else {}
    if accept:
        return reviewed_inputs, reason or ACCEPTED_NOTE, reviewed.na_reason if reviewed else ""
    if same_inputs(inputs, reviewed_inputs):
        return dict(inputs), reason or ACCEPTED_NOTE, ""
    if not reason:
        if layer == STEP1:
            raise AppraisalRefused(_("Give the reason for changing the self-score."))
        raise AppraisalRefused(_("Give the reason for changing the step-1 score."))
    return dict(inputs), reason, ""


def _check_node(assessment: Assessment, code: str, layer: str) -> None:
    criteria = criteria_for(assessment.campaign.framework)
    node = criteria.framework.by_code.get(code)
    if node is None or not criteria.is_entered(node):
        raise AppraisalRefused(
            _("%(code)s is not a scored criterion of this set.") % {"code": code}
        )
    if layer == STEP2 and not reopened(assessment) and code not in answered_nodes(assessment.pk):
        raise AppraisalRefused(
            _("The unit did not explain %(code)s: step 2 appraises answered criteria only.")
            % {"code": code}
        )


def _move_status(actor, assessment: Assessment, to_status: str, action: str) -> None:
    old, assessment.status = assessment.status, to_status
    assessment.save(update_fields=["status"])
    data = {"from": old, "to": to_status}
    log_action(actor, action, assessment, unit=assessment.unit, data=data)


def _after_save(actor, assessment: Assessment, layer: str) -> None:
    if layer == STEP1 and assessment.status != AssessmentStatus.IN_APPRAISAL:
        _move_status(actor, assessment, AssessmentStatus.IN_APPRAISAL, "appraisal.started")
    elif (
        layer == STEP2
        and assessment.status == AssessmentStatus.EXPLAINED
        and not answered_nodes(assessment.pk) - step2_nodes(assessment.pk)
    ):
        _move_status(actor, assessment, AssessmentStatus.APPRAISED, "appraisal.step2_done")


def step2_nodes(assessment_id: int) -> set[str]:
    return set(
        current_entries_query([assessment_id], [Layer.STEP2]).values_list("node_code", flat=True)
    )


def appraise_node(
    actor,
    assessment: Assessment,
    code: str,
    inputs: Mapping,
    reason: str,
    base_revision: int,
    *,
    accept: bool = False,
    na_reason: str = "",
    now: datetime.datetime | None = None,
) -> ScoreEntry:
    """Record the appraiser's value for one leaf in the open step (step 1 or step 2).

    PermissionDenied unless assigned; AppraisalRefused when no step is open for the unit, its
    due date has passed, the node is not appraisable now, or a change has no reason;
    EntryError from record_entry (RevisionConflict carries the current value).
    """
    if not access.may_appraise(actor, assessment, code):
        raise PermissionDenied
    reason = nfc(reason or "")
    with transaction.atomic():
        fresh = (
            Assessment.objects.select_for_update()
            .select_related("campaign__framework", "unit")
            .get(pk=assessment.pk)
        )
        layer = open_step(fresh)
        if layer is None:
            raise AppraisalRefused(_("Appraisal is not open for this unit now."))
        closed = step_closed(fresh, layer, now or timezone.now())
        if closed:
            raise AppraisalRefused(closed)
        _check_node(fresh, code, layer)
        entries = node_entries(fresh.pk, code)
        values, note, kept_na_reason = _value_to_record(layer, entries, inputs, reason, accept)
        entry = record_entry(
            fresh,
            code,
            layer,
            values,
            note,
            actor,
            base_revision,
            na_reason=kept_na_reason or na_reason,
        )
        _after_save(actor, fresh, layer)
    assessment.status = fresh.status
    return entry
