"""Closing step 1: each unit's notice lists exactly the criteria whose step-1 points differ
from its self points, with the reason; it is stored and e-mailed to the unit's reporters and
head; units with changes are asked to explain, the others are appraised; all audited."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from parindex.appraisal.appraise import appraise_node
from parindex.appraisal.errors import AppraisalRefused
from parindex.appraisal.models import Notice
from parindex.appraisal.notices import close_step1
from parindex.appraisal.tests.factories import refresh
from parindex.assessments.models import AssessmentStatus, CampaignStatus
from parindex.audit.models import AuditEntry


@pytest.fixture
def appraised(step1, appraiser, justice_appraiser, assessment):
    """Tường Phù: 1.1 changed (0.5 → 0), 1.3 inputs changed to the same points, 2.1 changed
    (1 → 0.5), 1.2 accepted. Tường Tiến: nothing recorded."""
    fresh = refresh(assessment)
    appraise_node(appraiser, fresh, "1.1", {"value": False}, "Chưa ban hành kế hoạch", 0)
    appraise_node(appraiser, fresh, "1.2", {}, "", 0, accept=True)
    appraise_node(appraiser, fresh, "1.3", {"value": {"num": "19", "den": "20"}}, "Số liệu lại", 0)
    appraise_node(justice_appraiser, fresh, "2.1", {"value": "dat"}, "Chỉ đạt yêu cầu", 0)
    return step1


def test_the_notice_lists_exactly_the_changed_criteria_with_reasons(
    appraised, organiser, assessment, other_assessment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        close_step1(organiser, appraised)

    notice = Notice.objects.get(assessment=assessment)
    assert notice.items == [
        {
            "code": "1.1",
            "title": "Tiêu chí 1.1",
            "self_points": "0.5",
            "step1_points": "0",
            "reason": "Chưa ban hành kế hoạch",
            "appraiser": "Đinh Thị Thẩm Định",
        },
        {
            "code": "2.1",
            "title": "Tiêu chí 2.1",
            "self_points": "1",
            "step1_points": "0.5",
            "reason": "Chỉ đạt yêu cầu",
            "appraiser": "Sa Văn Tư Pháp",
        },
    ]
    assert Notice.objects.get(assessment=other_assessment).items == []


def test_statuses_move_and_the_campaign_goes_to_explanations(
    appraised, organiser, assessment, other_assessment
):
    close_step1(organiser, appraised)

    assert refresh(assessment).status == AssessmentStatus.EXPLANATION_REQUESTED
    assert refresh(other_assessment).status == AssessmentStatus.APPRAISED
    assert refresh(assessment).campaign.status == CampaignStatus.EXPLANATION
    sent = AuditEntry.objects.get(action="appraisal.notice_sent", object_id=str(assessment.pk))
    assert sent.data["changed"] == ["1.1", "2.1"] and sent.actor == organiser
    assert AuditEntry.objects.filter(action="campaign.status_changed", data__to="explanation")


def test_the_notice_is_emailed_to_the_units_reporter_and_head_only(
    appraised, organiser, reporter, head, outsider, other_head, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        close_step1(organiser, appraised)

    to_commune = [m for m in mail.outbox if "Tường Phù" in m.subject]
    assert sorted(m.to[0] for m in to_commune) == ["head@example.test", "reporter@example.test"]
    body = to_commune[0].body
    assert "1.1 Tiêu chí 1.1: 0.5 → 0" in body and "Chưa ban hành kế hoạch" in body
    assert "2.1" in body and "1.3" not in body
    assert "/appraisal/assessments/" in body
    to_other = [m for m in mail.outbox if "Tường Tiến" in m.subject]
    assert sorted(m.to[0] for m in to_other) == [
        "other_head@example.test",
        "outsider@example.test",
    ]
    assert "nothing needs to be explained" in to_other[0].body
    assert Notice.objects.get(assessment__unit__code="PY-TUONGPHU").recipients == [
        "head@example.test",
        "reporter@example.test",
    ]


def test_no_mail_leaves_before_the_commit(appraised, organiser):
    close_step1(organiser, appraised)  # the test transaction never commits
    assert mail.outbox == []


def test_only_the_organiser_and_only_at_step_1(appraised, organiser, council, appraiser):
    for who in (council, appraiser):
        with pytest.raises(PermissionDenied):
            close_step1(who, appraised)
    close_step1(organiser, appraised)
    with pytest.raises(AppraisalRefused):
        close_step1(organiser, refresh(appraised.assessments.first()).campaign)
    assert Notice.objects.count() == 2
