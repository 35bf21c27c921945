"""An organiser reopens one approved unit only with a reason (audited); its appraisers then
correct step 2 on any assigned criterion, and the council approves it again: new final
revisions, the earlier ones kept."""

import pytest
from django.core.exceptions import PermissionDenied

from parindex.appraisal.appraise import appraise_node
from parindex.appraisal.council import approve_campaign, approve_unit, reopen_unit
from parindex.appraisal.errors import AppraisalRefused
from parindex.appraisal.tests.factories import CHANGE_CODE, refresh
from parindex.assessments.models import AssessmentStatus, Layer, ScoreEntry
from parindex.audit.models import AuditEntry


@pytest.fixture
def approved(step2, appraiser, council, assessment):
    appraise_node(appraiser, refresh(assessment), CHANGE_CODE, {"value": True}, "Hợp lệ", 0)
    approve_campaign(council, refresh(assessment).campaign)
    return refresh(assessment)


def test_a_reason_is_required(approved, organiser):
    with pytest.raises(AppraisalRefused, match="reason"):
        reopen_unit(organiser, approved, "   ")
    assert refresh(approved).status == AssessmentStatus.APPROVED


def test_reopening_is_audited_with_its_reason(approved, organiser):
    reopen_unit(organiser, approved, "Phát hiện sai sót số liệu 1.4")
    entry = AuditEntry.objects.get(action="appraisal.unit_reopened")
    assert entry.reason == "Phát hiện sai sót số liệu 1.4" and entry.actor == organiser
    assert refresh(approved).status == AssessmentStatus.APPRAISED


@pytest.mark.parametrize("who", ["council", "appraiser", "head"])
def test_only_the_organiser_reopens(request, approved, who):
    with pytest.raises(PermissionDenied):
        reopen_unit(request.getfixturevalue(who), approved, "Vì…")


def test_correction_and_second_approval_keep_the_first_final(
    approved, organiser, appraiser, council
):
    reopen_unit(organiser, approved, "Phát hiện sai sót số liệu 1.4")
    appraise_node(
        appraiser, refresh(approved), "1.4", {"value": {"num": "70", "den": "100"}}, "Sai số", 0
    )
    approve_unit(council, refresh(approved))

    finals = ScoreEntry.objects.filter(assessment=approved, node_code="1.4", layer=Layer.FINAL)
    assert [(e.revision, str(e.points)) for e in finals.order_by("revision")] == [
        (1, "0.9500"),
        (2, "0.0000"),
    ]
    assert (
        ScoreEntry.objects.filter(assessment=approved, layer=Layer.FINAL, revision=2).count() == 1
    )
    assert refresh(approved).status == AssessmentStatus.APPROVED


def test_a_unit_not_approved_cannot_be_reopened_here(step2, organiser, assessment):
    with pytest.raises(AppraisalRefused, match="Only an approved unit"):
        reopen_unit(organiser, refresh(assessment), "Vì…")
