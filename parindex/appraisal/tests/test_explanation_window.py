"""Explanations: only the unit, only for criteria in its notice, only inside the window the
server keeps (campaign at its explanation stage, from `explain_from` to the deadline in force,
an extension included); the text is mandatory; the head submits."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied

from parindex.appraisal.errors import AppraisalRefused
from parindex.appraisal.explanations import (
    cite_for_explanation,
    record_explanation,
    submit_explanations,
)
from parindex.appraisal.tests.factories import CHANGE_CODE, change_and_close, refresh
from parindex.assessments import services
from parindex.assessments.models import (
    AssessmentStatus,
    Deadline,
    EvidenceCitation,
    Layer,
)
from parindex.audit.models import AuditEntry
from parindex.evidence.services import EvidenceMetadata, upload_evidence
from parindex.evidence.tests.samples import pdf_bytes

DAY = datetime.timedelta(days=1)


@pytest.fixture
def explaining(step1, organiser, appraiser, assessment):
    change_and_close(organiser, appraiser, assessment)
    return refresh(assessment)


def _explain(user, assessment, text="Đã ban hành Kế hoạch số 12/KH-UBND", **kwargs):
    return record_explanation(user, assessment, CHANGE_CODE, {"value": True}, text, 0, **kwargs)


def test_the_unit_explains_a_changed_criterion(explaining, reporter):
    entry = _explain(reporter, explaining)
    assert entry.layer == Layer.EXPLANATION and entry.author == reporter
    assert entry.note == "Đã ban hành Kế hoạch số 12/KH-UBND" and str(entry.points) == "0.5"


def test_the_text_is_mandatory(explaining, reporter):
    with pytest.raises(AppraisalRefused, match="Write the explanation"):
        _explain(reporter, explaining, text="  ")


def test_only_criteria_listed_in_the_notice(explaining, reporter):
    with pytest.raises(AppraisalRefused, match="nothing to explain"):
        record_explanation(reporter, explaining, "1.2", {"value": "2022-01-20"}, "Vì…", 0)


@pytest.mark.parametrize("who", ["outsider", "appraiser", "organiser", "council"])
def test_nobody_else_explains(request, explaining, who):
    with pytest.raises(PermissionDenied):
        _explain(request.getfixturevalue(who), explaining)


def test_refused_before_the_window_opens(explaining, organiser, reporter):
    opens = explaining.campaign.step1_due + datetime.timedelta(hours=1)
    services.update_campaign(organiser, explaining.campaign, explain_from=opens)
    with pytest.raises(AppraisalRefused, match="open on"):
        _explain(reporter, refresh(explaining))
    assert _explain(reporter, refresh(explaining), now=opens + datetime.timedelta(hours=1))


def test_refused_after_the_deadline_unless_extended(explaining, organiser, reporter):
    after = explaining.campaign.explain_due + datetime.timedelta(minutes=1)
    with pytest.raises(AppraisalRefused, match="deadline for explanations was"):
        _explain(reporter, explaining, now=after)

    services.extend_deadline(
        organiser, explaining, after + DAY, "Mất điện", deadline=Deadline.EXPLAIN
    )
    assert _explain(reporter, refresh(explaining), now=after)


def test_more_evidence_is_cited_in_the_explanation_layer(explaining, reporter, commune):
    document = upload_evidence(
        actor=reporter,
        unit=commune,
        stream=io.BytesIO(pdf_bytes()),
        file_name="ke-hoach.pdf",
        metadata=EvidenceMetadata(title="Kế hoạch CCHC 2022"),
    ).document
    citation = cite_for_explanation(reporter, explaining, CHANGE_CODE, document, "trang 2")
    assert citation.layer == Layer.EXPLANATION
    assert EvidenceCitation.objects.filter(layer=Layer.EXPLANATION).count() == 1


def test_the_head_submits_the_unit_is_explained(explaining, reporter, head):
    _explain(reporter, explaining)
    with pytest.raises(PermissionDenied):
        submit_explanations(reporter, explaining)

    submit_explanations(head, explaining)

    assert refresh(explaining).status == AssessmentStatus.EXPLAINED
    audit = AuditEntry.objects.get(action="appraisal.explanations_submitted")
    assert audit.data["explained"] == [CHANGE_CODE]
    with pytest.raises(AppraisalRefused, match="have been submitted"):
        _explain(reporter, refresh(explaining))


def test_submitting_without_any_explanation_accepts_step_1(explaining, head):
    submit_explanations(head, explaining)
    assert refresh(explaining).status == AssessmentStatus.APPRAISED


def test_a_unit_without_changes_has_nothing_to_explain(explaining, other_assessment, other_head):
    with pytest.raises(AppraisalRefused, match="No explanation is requested"):
        record_explanation(other_head, refresh(other_assessment), "1.1", {}, "…", 0)
