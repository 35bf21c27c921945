"""Organisers extend one unit's deadline and reopen a submitted unit, each with a reason and
an audit entry; nobody else can."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from parindex.assessments import services
from parindex.assessments.entries import record_self_entry
from parindex.assessments.models import AssessmentStatus, DeadlineExtension
from parindex.assessments.schedule import due_for
from parindex.assessments.submission import submit_assessment
from parindex.assessments.tests.factories import answer_everything
from parindex.audit.models import AuditEntry


def _later(assessment, days: int) -> datetime.datetime:
    return assessment.campaign.submit_due + datetime.timedelta(days=days)


def test_an_extension_moves_the_deadline_of_one_unit_only(organiser, assessment, other_assessment):
    services.extend_deadline(organiser, assessment, _later(assessment, 5), "Mất điện")

    assert due_for(assessment) == _later(assessment, 5)
    assert due_for(other_assessment) == other_assessment.campaign.submit_due
    entry = AuditEntry.objects.get(action="assessment.deadline_extended")
    assert entry.reason == "Mất điện" and entry.unit == assessment.unit
    assert entry.data["old"] == assessment.campaign.submit_due.isoformat()


def test_a_submission_before_the_extended_deadline_is_not_late(
    organiser, reporter, head, assessment
):
    services.extend_deadline(organiser, assessment, _later(assessment, 5), "Lũ quét")
    answer_everything(reporter, assessment)
    done = submit_assessment(head, assessment, now=_later(assessment, 4))
    assert done.status == AssessmentStatus.SUBMITTED and not done.late


@pytest.mark.parametrize("reason", ["", "   "])
def test_an_extension_needs_a_reason(organiser, assessment, reason):
    with pytest.raises(services.CampaignRefused):
        services.extend_deadline(organiser, assessment, _later(assessment, 5), reason)
    assert not DeadlineExtension.objects.exists()


def test_only_organisers_extend(head, council, assessment):
    for user in (head, council):
        with pytest.raises(PermissionDenied):
            services.extend_deadline(user, assessment, _later(assessment, 5), "Xin gia hạn")


def test_reopen_unlocks_keeps_the_entries_and_audits_the_old_submission(
    organiser, reporter, head, assessment
):
    answer_everything(reporter, assessment)
    submitted = submit_assessment(head, assessment)
    entries = assessment.entries.count()

    reopened = services.reopen_assessment(organiser, submitted, "Sai số liệu 1.3")

    assert reopened.status == AssessmentStatus.IN_PROGRESS and not reopened.locked
    assert assessment.entries.count() == entries
    audit = AuditEntry.objects.get(action="assessment.reopened")
    assert audit.reason == "Sai số liệu 1.3" and audit.actor == organiser
    assert audit.data["from"] == AssessmentStatus.SUBMITTED
    assert audit.data["submitted_at"] == submitted.submitted_at.isoformat()
    record_self_entry(reporter, reopened, "1.1", {"value": False}, "Sửa", 1)  # editable again


def test_reopen_needs_a_reason_an_organiser_and_a_locked_unit(
    organiser, reporter, head, assessment
):
    with pytest.raises(services.CampaignRefused, match="not locked"):
        services.reopen_assessment(organiser, assessment, "Lý do")
    answer_everything(reporter, assessment)
    submit_assessment(head, assessment)
    with pytest.raises(services.CampaignRefused):
        services.reopen_assessment(organiser, assessment, " ")
    with pytest.raises(PermissionDenied):
        services.reopen_assessment(head, assessment, "Lý do")
    assert not AuditEntry.objects.filter(action="assessment.reopened").exists()


def test_no_extension_for_a_unit_that_has_submitted(organiser, reporter, head, assessment):
    answer_everything(reporter, assessment)
    submit_assessment(head, assessment)
    with pytest.raises(services.CampaignRefused, match="reopen"):
        services.extend_deadline(organiser, assessment, _later(assessment, 5), "Muộn")
