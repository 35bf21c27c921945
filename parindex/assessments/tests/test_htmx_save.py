"""Saving one node from the page: htmx gets the node's result plus out-of-band subtotals,
total, index and progress that match the engine; invalid input is shown and nothing saved;
a stale save is answered with the whole node as it now is; without JavaScript a plain POST
saves and redirects back to the node."""

import re

from django.urls import reverse

from parindex.assessments.criteria import criteria_for, evaluate
from parindex.assessments.layers import current_layer, inputs_of
from parindex.assessments.models import Layer, ScoreEntry
from parindex.assessments.templatetags.assessments_tags import index, points

HTMX = {"HTTP_HX_REQUEST": "true"}


def _save(client, assessment, code: str, data: dict, **headers):
    url = reverse("assessments:save_node", args=[assessment.pk, code])
    return client.post(url, {"base_revision": "0", **data}, **headers)


def _engine(assessment):
    criteria = criteria_for(assessment.campaign.framework)
    entries = current_layer(assessment.pk, Layer.SELF)
    return evaluate(criteria, inputs_of(entries), assessment.campaign.year)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", html)


def test_a_save_returns_the_node_result_and_oob_totals_matching_the_engine(
    client_for, reporter, assessment
):
    response = _save(client_for(reporter), assessment, "1.3", {"num": "9", "den": "10"}, **HTMX)

    html = _text(response.content.decode())
    result = _engine(assessment)
    node = result.node("1.3")
    field = result.node("1")
    assert response.status_code == 200
    assert 'id="n3-result"' in html and node.explanation in html
    assert f"{points(node.points)} / {points(node.maximum)}" in html
    assert 'name="base_revision" value="1"' in html
    assert (
        f'id="pts-n0" hx-swap-oob="true">{points(field.points)} / {points(field.maximum)}' in html
    )
    assert 'id="answered-n0" hx-swap-oob="true">1/5 answered' in html
    assert 'id="totals" class="totals-bar" hx-swap-oob="true"' in html
    assert f"<strong>{points(result.total)}</strong> / {points(result.maximum)}" in html
    assert f"<strong>{index(result.index_rounded)}</strong>" in html
    assert '<progress max="10" value="1">' in html
    assert "saved at" in html


def test_every_ancestor_subtotal_is_updated(client_for, reporter, assessment):
    response = _save(client_for(reporter), assessment, "2.4", {"value": "3"}, **HTMX)
    html = response.content.decode()
    field_two = criteria_for(assessment.campaign.framework).framework.by_code["2"]
    assert f'id="pts-n{field_two.position}" hx-swap-oob="true"' in html
    assert 'id="pts-n0"' not in html  # field 1 did not change


def test_an_input_the_engine_refuses_is_shown_and_nothing_is_saved(
    client_for, reporter, assessment
):
    response = _save(client_for(reporter), assessment, "1.3", {"num": "12", "den": "10"}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Not saved:" in html and "numerator 12 is greater than denominator 10" in html
    assert not ScoreEntry.objects.exists()


def test_a_half_typed_ratio_asks_for_the_other_part(client_for, reporter, assessment):
    response = _save(client_for(reporter), assessment, "1.3", {"num": "12"}, **HTMX)
    assert "both the numerator and the denominator" in response.content.decode()
    assert not ScoreEntry.objects.exists()


def test_a_stale_save_is_answered_with_the_whole_node_as_it_now_is(
    client_for, reporter, head, assessment
):
    _save(client_for(reporter), assessment, "1.1", {"value": "true"}, **HTMX)
    response = _save(client_for(head), assessment, "1.1", {"value": "false"}, **HTMX)

    html = response.content.decode()
    assert response["HX-Retarget"] == "#n1" and response["HX-Reswap"] == "outerHTML"
    assert '<section class="leaf" id="n1"' in html
    assert 'value="true" checked' in html  # the reporter's answer, not the head's
    assert "after you opened it" in html
    assert ScoreEntry.objects.get().inputs == {"value": True}


def test_without_javascript_a_plain_post_saves_and_redirects_to_the_node(
    client_for, reporter, assessment
):
    response = _save(client_for(reporter), assessment, "1.1", {"value": "true", "note": "Có"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/campaigns/assessments/{assessment.pk}/?field=1#n1")
    assert ScoreEntry.objects.get().note == "Có"


def test_without_javascript_an_error_comes_back_as_a_message(client_for, reporter, assessment):
    client = client_for(reporter)
    _save(client, assessment, "1.3", {"num": "12", "den": "10"})
    page = client.get(reverse("assessments:assessment", args=[assessment.pk])).content.decode()
    assert "1.3 was not saved:" in page


def test_a_code_not_in_the_set_is_not_found(client_for, reporter, assessment):
    response = _save(client_for(reporter), assessment, "9.9", {"value": "1"}, **HTMX)
    assert response.status_code == 404


def test_a_field_or_criterion_with_children_takes_no_answer(client_for, reporter, assessment):
    response = _save(client_for(reporter), assessment, "1", {"value": "1"}, **HTMX)
    assert "not a scored criterion" in response.content.decode()
    assert not ScoreEntry.objects.exists()
