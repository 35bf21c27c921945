"""Submitting a self-assessment: what blocks it, and the submission itself (head only).

The rule provinces impose: every criterion the unit answers has an answer; one without evidence
carries an explanation; N/A is claimed with a reason. A submission after the deadline in force
(the campaign's, or the unit's extension) is accepted and recorded as late with its time.
"""

import datetime
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from parindex.assessments.criteria import CriteriaSet, criteria_for, evaluate, is_answered
from parindex.assessments.entries import EntryRefused, self_entry_refusal
from parindex.assessments.evidence_links import nodes_with_evidence
from parindex.assessments.layers import current_layer, inputs_of
from parindex.assessments.models import Assessment, AssessmentStatus, Layer, ScoreEntry
from parindex.assessments.schedule import due_for
from parindex.audit.services import log_action
from parindex.orgs import access


@dataclass(frozen=True)
class Blocker:
    code: str
    title: str
    kind: str  # "missing" | "no_evidence_or_explanation" | "na_without_reason"
    message: str


class SubmissionBlocked(Exception):
    def __init__(self, blockers: list[Blocker]) -> None:
        super().__init__(f"{len(blockers)} criteria block the submission")
        self.blockers = blockers


def blockers_for(
    criteria: CriteriaSet,
    entries: Mapping[str, ScoreEntry],
    evidenced: Collection[str],
    year: int,
) -> list[Blocker]:
    """Every node that keeps the assessment from being submitted, in tree order."""
    result = evaluate(criteria, inputs_of(entries), year)
    blockers = []
    for node in criteria.entered_leaves:
        entry = entries.get(node.code)
        if entry is None or not is_answered(result, node):
            kind, message = "missing", _("No answer yet.")
        elif entry.na_claimed and not entry.na_reason:
            kind, message = "na_without_reason", _("Not applicable is claimed without a reason.")
        elif not entry.na_claimed and not entry.note and node.code not in evidenced:
            kind = "no_evidence_or_explanation"
            message = _("Cite an evidence document or write an explanation.")
        else:
            continue
        blockers.append(Blocker(node.code, node.title, kind, message))
    return blockers


def assessment_blockers(assessment: Assessment) -> list[Blocker]:
    """The blockers of one assessment's current self layer (three queries)."""
    return blockers_for(
        criteria_for(assessment.campaign.framework),
        current_layer(assessment.pk, Layer.SELF),
        nodes_with_evidence(assessment.pk, Layer.SELF),
        assessment.campaign.year,
    )


@transaction.atomic
def submit_assessment(
    actor, assessment: Assessment, *, now: datetime.datetime | None = None
) -> Assessment:
    """The head submits: the self layer locks; late when after the deadline in force.

    PermissionDenied unless the actor heads the unit; EntryRefused when closed or already
    submitted; SubmissionBlocked listing every blocking node.
    """
    if not access.may_submit_assessment(actor, assessment):
        raise PermissionDenied
    now = now or timezone.now()
    fresh = (
        Assessment.objects.select_for_update()
        .select_related("campaign__framework", "unit")
        .get(pk=assessment.pk)
    )
    refusal = self_entry_refusal(fresh, now)
    if refusal:
        raise EntryRefused(refusal)
    blockers = assessment_blockers(fresh)
    if blockers:
        raise SubmissionBlocked(blockers)
    return record_submission(actor, fresh, now)


def record_submission(actor, assessment: Assessment, now: datetime.datetime) -> Assessment:
    """Mark `assessment` submitted at `now` (late when after the deadline in force); audited.

    No permission, schedule or completeness check: submit_assessment makes them. Imports of
    past years and the demo call this directly, like record_entry for answers.
    """
    due = due_for(assessment)
    assessment.late = due is not None and now > due
    assessment.status = AssessmentStatus.LATE if assessment.late else AssessmentStatus.SUBMITTED
    assessment.submitted_at, assessment.submitted_by = now, actor
    assessment.save(update_fields=["late", "status", "submitted_at", "submitted_by"])
    data = {"late": assessment.late, "due": due.isoformat() if due else None}
    log_action(actor, "assessment.submitted", assessment, unit=assessment.unit, data=data)
    return assessment
