"""Appraisal dates are enforced by the server: after the step-1 (step-2) due date a save of that
step is refused with a clear message and nothing is stored, until the organiser moves the date
in the campaign's schedule; a unit the council took back after approval is corrected anyway."""

import datetime

import pytest

from parindex.appraisal.appraise import appraise_node
from parindex.appraisal.council import approve_campaign, reopen_unit
from parindex.appraisal.errors import AppraisalRefused
from parindex.appraisal.tests.factories import CHANGE_CODE, refresh
from parindex.assessments import services
from parindex.assessments.models import Layer, ScoreEntry

HOUR = datetime.timedelta(hours=1)


def test_a_step_1_save_after_its_due_date_is_refused(step1, appraiser, assessment):
    late = step1.step1_due + HOUR
    with pytest.raises(AppraisalRefused, match="Step-1 appraisal closed on") as refused:
        appraise_node(appraiser, refresh(assessment), "1.3", {}, "", 0, accept=True, now=late)

    assert "move the step-1 date" in refused.value.message
    assert not ScoreEntry.objects.filter(layer=Layer.STEP1).exists()


def test_up_to_the_due_date_a_step_1_save_is_taken(step1, appraiser, assessment):
    entry = appraise_node(
        appraiser, refresh(assessment), "1.3", {}, "", 0, accept=True, now=step1.step1_due
    )
    assert entry.layer == Layer.STEP1


def test_once_the_organiser_moves_the_date_the_save_is_taken(
    step1, organiser, appraiser, assessment
):
    late = step1.step1_due + HOUR
    services.update_campaign(organiser, step1, step1_due=step1.step1_due + 2 * HOUR)

    entry = appraise_node(appraiser, refresh(assessment), "1.3", {}, "", 0, accept=True, now=late)
    assert entry.layer == Layer.STEP1


def test_a_step_2_save_after_its_due_date_is_refused(step2, appraiser, assessment):
    late = step2.step2_due + HOUR
    with pytest.raises(AppraisalRefused, match="Step-2 appraisal closed on"):
        appraise_node(appraiser, refresh(assessment), CHANGE_CODE, {}, "", 0, now=late)
    assert not ScoreEntry.objects.filter(layer=Layer.STEP2).exists()


def test_a_unit_taken_back_after_approval_is_corrected_after_the_dates(
    step2, organiser, appraiser, council, assessment
):
    appraise_node(appraiser, refresh(assessment), CHANGE_CODE, {"value": True}, "Hợp lệ", 0)
    approve_campaign(council, refresh(assessment).campaign)
    reopen_unit(organiser, refresh(assessment), "Phát hiện sai sót số liệu 1.4")

    late = step2.step2_due + 30 * 24 * HOUR
    entry = appraise_node(
        appraiser,
        refresh(assessment),
        "1.4",
        {"value": {"num": "70", "den": "100"}},
        "Sai",
        0,
        now=late,
    )
    assert entry.layer == Layer.STEP2
