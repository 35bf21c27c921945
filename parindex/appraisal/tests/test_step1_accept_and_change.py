"""Step 1: accepting records the self value unchanged with the note "accepted"; a change needs
a reason; the first save puts the unit "in appraisal" (audited); nothing is saved when step 1
is not open."""

from decimal import Decimal

import pytest

from parindex.appraisal.appraise import ACCEPTED_NOTE, appraise_node, row_status
from parindex.appraisal.appraise import node_entries as entries_of
from parindex.appraisal.errors import AppraisalRefused
from parindex.appraisal.tests.factories import refresh
from parindex.assessments.models import AssessmentStatus, Layer, ScoreEntry
from parindex.audit.models import AuditEntry


def test_accepting_records_the_self_value_with_the_note_accepted(step1, appraiser, assessment):
    entry = appraise_node(appraiser, refresh(assessment), "1.3", {}, "", 0, accept=True)

    own = entries_of(assessment.pk, "1.3")[Layer.SELF]
    assert entry.layer == Layer.STEP1 and entry.revision == 1
    assert entry.inputs == own.inputs and entry.points == own.points
    assert entry.note == ACCEPTED_NOTE and entry.author == appraiser
    assert row_status(Layer.STEP1, entries_of(assessment.pk, "1.3")) == "accepted"


def test_saving_the_self_value_unchanged_is_an_acceptance(step1, appraiser, assessment):
    own = entries_of(assessment.pk, "1.3")[Layer.SELF]
    entry = appraise_node(
        appraiser, refresh(assessment), "1.3", {"value": {"num": "9.0", "den": 10}}, "", 0
    )
    assert entry.note == ACCEPTED_NOTE and entry.points == own.points


def test_a_change_without_a_reason_is_refused_and_nothing_saved(step1, appraiser, assessment):
    with pytest.raises(AppraisalRefused, match="reason"):
        appraise_node(
            appraiser, refresh(assessment), "1.3", {"value": {"num": "7", "den": "10"}}, " ", 0
        )
    assert not ScoreEntry.objects.filter(layer=Layer.STEP1).exists()


def test_a_change_with_a_reason_is_scored_by_the_engine(step1, appraiser, assessment):
    entry = appraise_node(
        appraiser,
        refresh(assessment),
        "1.3",
        {"value": {"num": "7", "den": "10"}},
        "Biên bản kiểm tra chỉ có 7/10 đơn vị",
        0,
    )
    assert entry.points == Decimal(0)  # 70% is in the 0–80% band
    assert entry.note == "Biên bản kiểm tra chỉ có 7/10 đơn vị"
    assert row_status(Layer.STEP1, entries_of(assessment.pk, "1.3")) == "changed"


def test_the_first_save_puts_the_unit_in_appraisal_audited(step1, appraiser, assessment):
    appraise_node(appraiser, refresh(assessment), "1.1", {}, "", 0, accept=True)
    appraise_node(appraiser, refresh(assessment), "1.2", {}, "", 0, accept=True)

    assert refresh(assessment).status == AssessmentStatus.IN_APPRAISAL
    started = AuditEntry.objects.filter(action="appraisal.started")
    assert [(e.data["from"], e.data["to"]) for e in started] == [("submitted", "in_appraisal")]
    assert (
        AuditEntry.objects.filter(action="assessment.entry_saved", data__layer="step1").count() == 2
    )


def test_nothing_is_saved_before_step_1_opens(
    campaign, appraiser, organiser, reporter, head, assessment
):
    from parindex.appraisal.services import assign_by_department
    from parindex.appraisal.tests.factories import submit_by

    submit_by(reporter, head, assessment)
    assign_by_department(organiser, campaign)  # the campaign is still at self-assessment
    with pytest.raises(AppraisalRefused, match="not open"):
        appraise_node(appraiser, refresh(assessment), "1.1", {}, "", 0, accept=True)
