"""Step 2 appraises only what the unit explained; a value other than step 1 needs a reason;
the unit is appraised once every explained criterion has a step-2 value."""

import pytest

from parindex.appraisal.appraise import ACCEPTED_NOTE, appraise_node
from parindex.appraisal.errors import AppraisalRefused
from parindex.appraisal.queue import build_queue
from parindex.appraisal.tests.factories import (
    CHANGE_CODE,
    CHANGE_INPUTS,
    change_and_close,
    refresh,
)
from parindex.assessments.models import AssessmentStatus, Layer
from parindex.audit.models import AuditEntry


def test_the_queue_holds_the_explained_criteria_only(step2, appraiser, justice_appraiser):
    rows = build_queue(appraiser, step2).rows
    assert [(row.assessment.unit.code, row.node.code, row.layer) for row in rows] == [
        ("PY-TUONGPHU", CHANGE_CODE, Layer.STEP2)
    ]
    assert rows[0].entries[Layer.EXPLANATION].note.startswith("Đã ban hành")
    assert build_queue(justice_appraiser, step2).rows == []


def test_a_criterion_the_unit_did_not_explain_is_refused(step2, appraiser, assessment):
    with pytest.raises(AppraisalRefused, match="answered criteria only"):
        appraise_node(appraiser, refresh(assessment), "1.2", {}, "", 0, accept=True)


def test_a_value_other_than_step_1_needs_a_reason(step2, appraiser, assessment):
    with pytest.raises(AppraisalRefused, match="step-1 score"):
        appraise_node(appraiser, refresh(assessment), CHANGE_CODE, {"value": True}, "", 0)

    entry = appraise_node(
        appraiser, refresh(assessment), CHANGE_CODE, {"value": True}, "Văn bản hợp lệ", 0
    )
    assert entry.layer == Layer.STEP2 and str(entry.points) == "0.5"
    assert refresh(assessment).status == AssessmentStatus.APPRAISED
    done = AuditEntry.objects.get(action="appraisal.step2_done")
    assert done.data == {"from": "explained", "to": "appraised"}


def test_keeping_step_1_needs_no_reason(step2, appraiser, assessment):
    entry = appraise_node(appraiser, refresh(assessment), CHANGE_CODE, {}, "", 0, accept=True)
    assert entry.inputs == CHANGE_INPUTS and entry.note == ACCEPTED_NOTE


def test_step_2_waits_for_its_stage(step1, organiser, appraiser, reporter, head, assessment):
    from parindex.appraisal.explanations import record_explanation

    change_and_close(organiser, appraiser, assessment)
    record_explanation(reporter, refresh(assessment), CHANGE_CODE, {"value": True}, "Vì…", 0)
    with pytest.raises(AppraisalRefused, match="not open"):
        appraise_node(appraiser, refresh(assessment), CHANGE_CODE, {}, "", 0, accept=True)
