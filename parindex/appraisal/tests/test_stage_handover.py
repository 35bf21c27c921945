"""The campaign dashboard hands the two appraisal moves to the appraisal pages: closing step 1
(which sends the notices) and approval (which writes the final layer) are never a bare
"move on"; and the self-assessment's reopen is refused once the appraisal is past step 1."""

import pytest
from django.urls import reverse

from parindex.appraisal.appraise import appraise_node
from parindex.appraisal.council import approve_campaign
from parindex.appraisal.tests.factories import CHANGE_CODE, refresh
from parindex.assessments import services
from parindex.assessments.models import AssessmentStatus, CampaignStatus


def test_the_dashboard_links_to_closing_step_1(client_for, step1, organiser):
    html = client_for(organiser).get(reverse("assessments:dashboard", args=[step1.pk])).content
    assert reverse("appraisal:close_step1", args=[step1.pk]).encode() in html


@pytest.mark.parametrize(
    ("status", "page"), [("explanation", "close_step1"), ("approved", "council")]
)
def test_a_bare_advance_to_an_appraisal_stage_is_sent_to_its_page(
    client_for, step1, organiser, status, page
):
    url = reverse("assessments:campaign_advance", args=[step1.pk])
    response = client_for(organiser).post(url, {"status": status})
    assert response["Location"] == reverse(f"appraisal:{page}", args=[step1.pk])
    assert refresh(step1.assessments.first()).campaign.status == CampaignStatus.APPRAISAL


def test_the_self_assessment_reopen_is_refused_after_approval(
    step2, appraiser, council, organiser, assessment
):
    appraise_node(appraiser, refresh(assessment), CHANGE_CODE, {}, "", 0, accept=True)
    approve_campaign(council, refresh(assessment).campaign)

    with pytest.raises(services.CampaignRefused, match="closed"):
        services.reopen_assessment(organiser, refresh(assessment), "Sửa số liệu")
    assert refresh(assessment).status == AssessmentStatus.APPROVED
