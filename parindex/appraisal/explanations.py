"""The unit's explanations (giải trình) of the step-1 changes, in the explanation window.

Per criterion listed in its notice, the unit writes why (mandatory text), may state the values
it stands by (prefilled with its self-assessment; the engine scores them) and may cite more
evidence. Each save is a revision of the explanation layer. The window is the server's: the
campaign at its explanation stage, from `explain_from` (when set) to the explanation deadline
in force for the unit (the campaign's, or the unit's extension). The head submits: the unit is
then "explained" (or "appraised" when it explained nothing, accepting step 1).
"""

import datetime
from collections.abc import Mapping

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from parindex.appraisal.appraise import answered_nodes
from parindex.appraisal.errors import AppraisalRefused
from parindex.appraisal.notices import latest_notice
from parindex.assessments.entries import record_entry
from parindex.assessments.evidence_links import cite_evidence
from parindex.assessments.models import (
    Assessment,
    AssessmentStatus,
    CampaignStatus,
    Deadline,
    EvidenceCitation,
    Layer,
    ScoreEntry,
)
from parindex.assessments.schedule import due_for
from parindex.audit.services import log_action
from parindex.orgs import access
from parindex.textnorm import nfc


def _when(moment: datetime.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def explanation_refusal(assessment: Assessment, now: datetime.datetime | None = None) -> str | None:
    """Why the unit cannot explain now, or None when the window is open for it (one query)."""
    now = now or timezone.now()
    campaign = assessment.campaign
    if assessment.status == AssessmentStatus.EXPLAINED:
        return _("The explanations have been submitted.")
    if assessment.status != AssessmentStatus.EXPLANATION_REQUESTED:
        return _("No explanation is requested from this unit.")
    if campaign.status != CampaignStatus.EXPLANATION:
        return _("The explanation stage of this campaign is over.")
    if campaign.explain_from and now < campaign.explain_from:
        return _("Explanations open on %(when)s.") % {"when": _when(campaign.explain_from)}
    due = due_for(assessment, Deadline.EXPLAIN)
    if due and now > due:
        return _("The deadline for explanations was %(when)s.") % {"when": _when(due)}
    return None


def requested_codes(assessment: Assessment) -> list[str]:
    """The criteria the unit's step-1 notice lists (those it may explain)."""
    notice = latest_notice(assessment)
    return [item["code"] for item in notice.items] if notice else []


def _open_for(actor, assessment: Assessment, code: str | None, now) -> Assessment:
    """The locked, fresh assessment when the actor may explain `code` now; refuses otherwise."""
    if not access.has_role(actor, assessment.unit, access.EXPLANATION_ROLES):
        raise PermissionDenied
    fresh = (
        Assessment.objects.select_for_update()
        .select_related("campaign__framework", "unit")
        .get(pk=assessment.pk)
    )
    refusal = explanation_refusal(fresh, now)
    if refusal:
        raise AppraisalRefused(refusal)
    if code is not None and code not in requested_codes(fresh):
        raise AppraisalRefused(
            _("%(code)s was not changed in step 1: there is nothing to explain.") % {"code": code}
        )
    return fresh


def record_explanation(
    actor,
    assessment: Assessment,
    code: str,
    inputs: Mapping,
    text: str,
    base_revision: int,
    *,
    na_reason: str = "",
    now: datetime.datetime | None = None,
) -> ScoreEntry:
    """Save the unit's explanation of one changed criterion (a new explanation revision)."""
    text = nfc(text or "")
    if not text:
        raise AppraisalRefused(_("Write the explanation."))
    now = now or timezone.now()
    with transaction.atomic():
        fresh = _open_for(actor, assessment, code, now)
        return record_entry(
            fresh,
            code,
            Layer.EXPLANATION,
            inputs,
            text,
            actor,
            base_revision,
            na_reason=na_reason,
            at=now,
        )


def cite_for_explanation(
    actor, assessment: Assessment, code: str, document, locator: str = "", *, now=None
) -> EvidenceCitation:
    """Cite one more document of the unit's library for a criterion it explains."""
    with transaction.atomic():
        fresh = _open_for(actor, assessment, code, now or timezone.now())
        return cite_evidence(actor, fresh, code, document, locator, layer=Layer.EXPLANATION)


@transaction.atomic
def submit_explanations(
    actor, assessment: Assessment, *, now: datetime.datetime | None = None
) -> Assessment:
    """The head hands the explanations in: explained (or appraised when none was written)."""
    if not access.has_role(actor, assessment.unit, access.EXPLANATION_SUBMIT_ROLES):
        raise PermissionDenied
    fresh = _open_for(actor, assessment, None, now or timezone.now())
    explained = sorted(answered_nodes(fresh.pk) & set(requested_codes(fresh)))
    old = fresh.status
    fresh.status = AssessmentStatus.EXPLAINED if explained else AssessmentStatus.APPRAISED
    fresh.save(update_fields=["status"])
    data = {"explained": explained, "from": old, "to": fresh.status}
    log_action(actor, "appraisal.explanations_submitted", fresh, unit=fresh.unit, data=data)
    return fresh
