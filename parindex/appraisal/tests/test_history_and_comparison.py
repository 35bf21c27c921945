"""The per-node history lists every layer's every revision with author, time and reason; the
comparison shows self vs step 1 vs final with the reasons and totals from the engine."""

import re

from django.urls import reverse

from parindex.appraisal.appraise import appraise_node
from parindex.appraisal.council import approve_campaign
from parindex.appraisal.tests.factories import CHANGE_CODE, EXPLANATION_TEXT, refresh


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_history_shows_every_layer_as_its_own_row(
    client_for, step2, appraiser, council, organiser, assessment
):
    appraise_node(appraiser, refresh(assessment), CHANGE_CODE, {"value": True}, "Văn bản hợp lệ", 0)
    approve_campaign(council, refresh(assessment).campaign)

    url = reverse("appraisal:history", args=[assessment.pk, CHANGE_CODE])
    html = client_for(organiser).get(url).content.decode()
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>", html)
    assert rows == [
        "Self-assessment",
        "Appraisal step 1",
        "Explanation",
        "Appraisal step 2",
        "Final",
    ]
    text = _text(html)
    assert "Chưa ban hành kế hoạch" in text and EXPLANATION_TEXT in text
    assert "Văn bản hợp lệ" in text and "step2 r1: Văn bản hợp lệ" in text
    for author in ("Lò Văn Báo Cáo", "Đinh Thị Thẩm Định", "Cầm Văn Hội Đồng"):
        assert author in text


def test_the_comparison_shows_the_three_totals_and_the_reasons(
    client_for, step2, appraiser, council, assessment
):
    appraise_node(appraiser, refresh(assessment), CHANGE_CODE, {}, "", 0, accept=True)
    html = client_for(council).get(reverse("appraisal:compare", args=[assessment.pk])).content
    text = _text(html.decode())
    # Self 8.65 (see COMPLETE_ANSWERS); step 1 took 0.5 off 1.1; step 2 kept step 1.
    assert re.search(r"Self-score 8\.65 · Step 1 8\.15 · Final 8\.15 / 9\.3", text), text
    assert "provisional" in text
    assert "Chưa ban hành kế hoạch" in text and EXPLANATION_TEXT in text
