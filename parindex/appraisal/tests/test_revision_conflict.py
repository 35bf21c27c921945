"""Two appraisers on one node: the second save, made from what they saw before the first, is
refused with a clear message and the current value — in the service and in the queue row."""

import pytest
from django.urls import reverse

from parindex.appraisal.appraise import appraise_node
from parindex.appraisal.services import assign
from parindex.appraisal.tests.factories import refresh
from parindex.assessments.entries import RevisionConflict
from parindex.assessments.models import Layer, ScoreEntry


@pytest.fixture
def shared(step1, organiser, justice_appraiser):
    assign(organiser, step1, justice_appraiser, "1.1")
    return step1


def test_the_second_save_from_a_stale_revision_is_refused(
    shared, appraiser, justice_appraiser, assessment
):
    appraise_node(appraiser, refresh(assessment), "1.1", {"value": False}, "Chưa ban hành", 0)
    with pytest.raises(RevisionConflict) as refused:
        appraise_node(justice_appraiser, refresh(assessment), "1.1", {}, "", 0, accept=True)

    assert refused.value.current.inputs == {"value": False}
    assert "Đinh Thị Thẩm Định" in refused.value.message and "0 points" in refused.value.message
    assert ScoreEntry.objects.filter(layer=Layer.STEP1, node_code="1.1").count() == 1


def test_the_row_shows_the_message_and_the_current_value(
    shared, appraiser, justice_appraiser, assessment, client_for
):
    appraise_node(appraiser, refresh(assessment), "1.1", {"value": False}, "Chưa ban hành", 0)
    url = reverse("appraisal:appraise", args=[assessment.pk, "1.1"])
    response = client_for(justice_appraiser).post(
        url,
        {"value": "true", "reason": "", "base_revision": "0", "action": "save"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "after you opened it. Your change was not saved" in html
    assert 'name="base_revision" value="1"' in html
    assert 'value="false" checked' in html  # the saved "no", not the "yes" that was typed
    assert "Chưa ban hành" in html
