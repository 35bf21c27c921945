"""The server enforces the schedule: no self-score before the opening, in a draft or closed
campaign, or after submission; after the deadline the unit may still save (and submit late)."""

import datetime

import pytest
from django.utils import timezone

from parindex.assessments import services
from parindex.assessments.entries import EntryRefused, record_self_entry
from parindex.assessments.models import CampaignStatus, ScoreEntry
from parindex.assessments.submission import submit_assessment
from parindex.assessments.tests.factories import answer_everything, published_set, schedule


def test_before_the_opening_a_save_is_refused_with_the_date(reporter, assessment):
    opening = assessment.campaign.self_open
    with pytest.raises(EntryRefused, match="opens on"):
        record_self_entry(
            reporter, assessment, "1.1", {"value": True}, "", 0,
            now=opening - datetime.timedelta(minutes=1),
        )  # fmt: skip
    assert not ScoreEntry.objects.exists()


def test_a_draft_campaign_takes_no_answers(organiser, reporter, district, commune):
    campaign = services.create_campaign(
        organiser,
        jurisdiction=district,
        framework=published_set(district, 10),
        year=2022,
        title="Nháp",
        schedule=schedule(),
        units=[commune],
    )
    assessment = campaign.assessments.get()
    with pytest.raises(EntryRefused, match="not been opened"):
        record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 0)


def test_after_the_deadline_a_unit_that_has_not_submitted_may_still_save(reporter, assessment):
    late = assessment.campaign.submit_due + datetime.timedelta(days=3)
    entry = record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 0, now=late)
    assert entry.created_at == late


def test_after_submission_the_self_layer_is_locked(reporter, head, assessment):
    answer_everything(reporter, assessment)
    submit_assessment(head, assessment)

    with pytest.raises(EntryRefused, match="locked"):
        record_self_entry(reporter, assessment, "1.1", {"value": False}, "", 1)


def test_once_the_campaign_is_past_appraisal_self_scores_are_closed(
    organiser, reporter, assessment
):
    campaign = assessment.campaign
    for stage in (CampaignStatus.APPRAISAL, CampaignStatus.EXPLANATION):
        campaign = services.advance_campaign(organiser, campaign, stage)
    assessment.campaign = campaign
    with pytest.raises(EntryRefused, match="closed"):
        record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 0, now=timezone.now())
