"""Council approval writes the final layer — step 2 where it exists, else step 1, else self —
as records with the approving member, the time and where each value came from; it is refused
while explanations await step 2; afterwards no stage accepts a save."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from parindex.appraisal.appraise import appraise_node
from parindex.appraisal.council import approve_campaign
from parindex.appraisal.errors import AppraisalRefused
from parindex.appraisal.tests.factories import CHANGE_CODE, refresh
from parindex.assessments.entries import EntryRefused, record_self_entry
from parindex.assessments.layers import current_layer
from parindex.assessments.models import AssessmentStatus, CampaignStatus, Layer
from parindex.audit.models import AuditEntry


@pytest.fixture
def appraised(step2, appraiser, justice_appraiser, assessment):
    """1.1: step 1 "no" (0), explained, step 2 "yes" (0.5). 2.1: step 1 "dat" (0.5), not
    explained. Everything else: the self-score."""
    fresh = refresh(assessment)
    appraise_node(appraiser, fresh, CHANGE_CODE, {"value": True}, "Văn bản hợp lệ", 0)
    return step2


def test_approval_is_refused_while_explanations_await_step_2(step2, council):
    with pytest.raises(AppraisalRefused, match="Step 2 is not finished for: Xã Tường Phù"):
        approve_campaign(council, step2)


def test_the_final_layer_takes_step_2_else_step_1_else_self(
    appraised, council, assessment, other_assessment
):
    at = timezone.now()
    approve_campaign(council, appraised, now=at)

    final = current_layer(assessment.pk, Layer.FINAL)
    own = current_layer(assessment.pk, Layer.SELF)
    assert len(final) == 10
    assert final[CHANGE_CODE].inputs == {"value": True}
    assert final[CHANGE_CODE].note == "step2 r1: Văn bản hợp lệ"
    assert final["1.2"].note == "self r1: Giải trình: chưa có văn bản"
    assert all(final[c].points == own[c].points for c in own)
    assert {e.author for e in final.values()} == {council}
    assert {e.created_at for e in final.values()} == {at}
    other_final = current_layer(other_assessment.pk, Layer.FINAL)
    assert len(other_final) == 10


def test_a_step_1_change_not_explained_is_final(
    step1, organiser, appraiser, justice_appraiser, council, assessment
):
    from parindex.appraisal.notices import close_step1
    from parindex.assessments import services

    appraise_node(justice_appraiser, refresh(assessment), "2.1", {"value": "dat"}, "Chỉ đạt", 0)
    close_step1(organiser, refresh(assessment).campaign)  # the unit never explains
    services.advance_campaign(
        organiser, refresh(assessment).campaign, CampaignStatus.FINAL_APPRAISAL
    )
    approve_campaign(council, refresh(assessment).campaign)

    final = current_layer(assessment.pk, Layer.FINAL)
    assert str(final["2.1"].points) == "0.5000" and final["2.1"].note == "step1 r1: Chỉ đạt"


def test_approval_locks_every_score_and_is_audited(
    appraised, council, appraiser, reporter, assessment
):
    approve_campaign(council, appraised)

    fresh = refresh(assessment)
    assert fresh.status == AssessmentStatus.APPROVED
    assert fresh.campaign.status == CampaignStatus.APPROVED
    with pytest.raises(AppraisalRefused, match="not open"):
        appraise_node(appraiser, fresh, CHANGE_CODE, {"value": False}, "Xem lại", 1)
    with pytest.raises(EntryRefused):
        record_self_entry(reporter, fresh, "1.2", {"value": "2022-01-01"}, "", 1)
    changed = AuditEntry.objects.get(action="campaign.status_changed", data__to="approved")
    assert changed.actor == council and changed.data["units"] == 2
    assert AuditEntry.objects.filter(action="appraisal.approved").count() == 2


@pytest.mark.parametrize("who", ["organiser", "appraiser", "viewer", "head"])
def test_only_the_council_approves(request, appraised, who):
    with pytest.raises(PermissionDenied):
        approve_campaign(request.getfixturevalue(who), appraised)
