"""Submitting: every blocking node is listed; only the head submits; a late submission is
accepted and recorded as late with its time; the submission is audited."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from parindex.assessments.entries import record_self_entry
from parindex.assessments.models import AssessmentStatus
from parindex.assessments.submission import (
    SubmissionBlocked,
    assessment_blockers,
    submit_assessment,
)
from parindex.assessments.tests.factories import COMPLETE_ANSWERS, answer_everything
from parindex.audit.models import AuditEntry


def test_an_empty_assessment_lists_every_leaf_as_missing(assessment):
    blockers = assessment_blockers(assessment)
    assert [b.code for b in blockers] == list(COMPLETE_ANSWERS)
    assert {b.kind for b in blockers} == {"missing"}


def test_blockers_name_missing_answers_explanations_and_na_reasons(reporter, assessment):
    answer_everything(reporter, assessment)
    record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 1)  # note taken away
    record_self_entry(reporter, assessment, "1.3", {"na": True}, "", 1)  # N/A, no reason
    record_self_entry(reporter, assessment, "2.4", {}, "Giải trình", 1)  # answer cleared

    kinds = {b.code: b.kind for b in assessment_blockers(assessment)}
    assert kinds == {
        "1.1": "no_evidence_or_explanation",
        "1.3": "na_without_reason",
        "2.4": "missing",
    }


def test_na_with_a_reason_needs_no_other_explanation(reporter, assessment):
    answer_everything(reporter, assessment)
    record_self_entry(reporter, assessment, "1.3", {"na": True}, "", 1, na_reason="Không có")
    assert assessment_blockers(assessment) == []


def test_submission_with_blockers_is_refused_and_changes_nothing(reporter, head, assessment):
    record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 0)
    with pytest.raises(SubmissionBlocked) as blocked:
        submit_assessment(head, assessment)
    assert len(blocked.value.blockers) == len(COMPLETE_ANSWERS)
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.IN_PROGRESS and assessment.submitted_at is None


def test_the_reporter_cannot_submit(reporter, assessment):
    answer_everything(reporter, assessment)
    with pytest.raises(PermissionDenied):
        submit_assessment(reporter, assessment)


def test_on_time_submission_locks_and_is_audited(reporter, head, assessment):
    answer_everything(reporter, assessment)
    done = submit_assessment(head, assessment)

    assert done.status == AssessmentStatus.SUBMITTED and not done.late
    assert done.locked and done.submitted_by == head and done.submitted_at is not None
    entry = AuditEntry.objects.get(action="assessment.submitted")
    assert entry.actor == head and entry.data["late"] is False


def test_a_late_submission_is_accepted_and_recorded_as_late_with_its_time(
    reporter, head, assessment
):
    answer_everything(reporter, assessment)
    when = assessment.campaign.submit_due + datetime.timedelta(days=2, hours=3)
    done = submit_assessment(head, assessment, now=when)

    assert done.status == AssessmentStatus.LATE and done.late
    assert done.submitted_at == when
    assert AuditEntry.objects.get(action="assessment.submitted").data["late"] is True


def test_submitting_twice_is_refused(reporter, head, assessment):
    answer_everything(reporter, assessment)
    submit_assessment(head, assessment)
    with pytest.raises(Exception, match="locked"):
        submit_assessment(head, assessment)
