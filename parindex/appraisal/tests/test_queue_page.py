"""The queue page: rows side by side with the self-score and its evidence, filters by unit,
field and status, a per-row htmx save whose answer is the row itself, Enter saving the row
(the first submit button is "Save"), and a plain POST that works without JavaScript."""

import io
import re

import pytest
from django.urls import reverse

from parindex.appraisal.appraise import appraise_node
from parindex.appraisal.tests.factories import refresh, start_step1, submit_by
from parindex.assessments.evidence_links import cite_evidence
from parindex.assessments.models import Layer, ScoreEntry
from parindex.evidence.services import EvidenceMetadata, upload_evidence
from parindex.evidence.tests.samples import pdf_bytes

HTMX = {"HTTP_HX_REQUEST": "true"}


def _rows(html: str) -> list[str]:
    return re.findall(r'<form id="(r\d+-\d+)" class="qrow', html)


def _get(client, campaign, **params):
    return client.get(reverse("appraisal:queue", args=[campaign.pk]), params).content.decode()


def test_a_row_shows_self_score_note_and_evidence_preview(
    client_for, campaign, organiser, appraiser, reporter, head, commune, assessment
):
    document = upload_evidence(
        actor=reporter,
        unit=commune,
        stream=io.BytesIO(pdf_bytes()),
        file_name="ke-hoach.pdf",
        metadata=EvidenceMetadata(title="Kế hoạch CCHC năm 2022"),
    ).document
    cite_evidence(reporter, refresh(assessment), "1.1", document, "trang 2")
    submit_by(reporter, head, assessment)
    step1 = start_step1(organiser, refresh(assessment).campaign)

    html = _get(client_for(appraiser), step1, unit=assessment.pk, field="1")
    row = html[html.index(f'id="r{assessment.pk}-1"') :]
    row = row[: row.index("</form>")]
    assert "Xã Tường Phù" in row and "Tiêu chí 1.1" in row
    assert "Giải trình: chưa có văn bản" in row  # the unit's note
    assert reverse("evidence:preview", args=[document.pk]) in row and "trang 2" in row
    # Enter in a field submits with the first submit button: "Save", then "Accept".
    assert row.index('value="save"') < row.index('value="accept"')
    assert 'type="text" name="reason"' in row


def test_filters_by_unit_field_and_status(
    client_for, step1, appraiser, assessment, other_assessment
):
    appraise_node(appraiser, refresh(assessment), "1.1", {"value": False}, "Chưa ban hành", 0)
    appraise_node(appraiser, refresh(assessment), "1.2", {}, "", 0, accept=True)
    client = client_for(appraiser)

    assert len(_rows(_get(client, step1))) == 10
    assert len(_rows(_get(client, step1, unit=other_assessment.pk))) == 5
    assert _rows(_get(client, step1, status="changed")) == [f"r{assessment.pk}-1"]
    assert _rows(_get(client, step1, status="accepted")) == [f"r{assessment.pk}-2"]
    assert len(_rows(_get(client, step1, status="pending"))) == 8
    assert _rows(_get(client, step1, field="2")) == []


def test_an_htmx_save_answers_with_the_row(client_for, step1, appraiser, assessment):
    url = reverse("appraisal:appraise", args=[assessment.pk, "1.1"])
    data = {"value": "false", "reason": "Chưa ban hành", "base_revision": "0", "action": "save"}
    response = client_for(appraiser).post(url, data, **HTMX)

    html = response.content.decode()
    assert html.lstrip().startswith("{% load") is False and f'id="r{assessment.pk}-0"' not in html
    assert f'id="r{assessment.pk}-1" class="qrow status-changed saved"' in html
    assert 'name="base_revision" value="1"' in html
    assert ScoreEntry.objects.get(layer=Layer.STEP1).note == "Chưa ban hành"


def test_a_refusal_keeps_what_was_typed(client_for, step1, appraiser, assessment):
    url = reverse("appraisal:appraise", args=[assessment.pk, "1.1"])
    data = {"value": "false", "reason": "", "base_revision": "0", "action": "save"}
    html = client_for(appraiser).post(url, data, **HTMX).content.decode()

    assert "Give the reason for changing the self-score." in html
    assert 'value="false" checked' in html and "saved" not in html.split(">")[0]
    assert not ScoreEntry.objects.filter(layer=Layer.STEP1).exists()


@pytest.mark.parametrize("action", ["accept", "save"])
def test_without_javascript_a_post_saves_and_returns_to_the_queue(
    client_for, step1, appraiser, assessment, action
):
    url = reverse("appraisal:appraise", args=[assessment.pk, "1.2"])
    data = {"value": "2022-01-20", "reason": "", "base_revision": "0", "action": action}
    response = client_for(appraiser).post(url, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("appraisal:queue", args=[step1.pk])
    assert ScoreEntry.objects.get(layer=Layer.STEP1).note == "accepted"
