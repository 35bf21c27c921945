"""The page shows every field's summary and renders the leaves of one field: the one asked for
(?field=, a field's or a leaf's code) or else the first with unanswered leaves; the others load
theirs from the field view as they open (htmx). Deep links name the field, so they land on the
leaf without JavaScript."""

import re

from django.urls import reverse

from parindex.assessments.entries import record_self_entry
from parindex.assessments.tests.factories import COMPLETE_ANSWERS, answer_everything

HTMX = {"HTTP_HX_REQUEST": "true"}


def _page(client, assessment, query: str = "") -> str:
    url = reverse("assessments:assessment", args=[assessment.pk])
    return client.get(url + query).content.decode()


def _open_fields(html: str) -> list[str]:
    opened = r'<details class="node depth-0 field" id="(n\d+)" data-last="\d+" open>'
    return re.findall(opened, html)


def test_every_field_is_summarised_and_the_first_unfinished_one_is_open(
    client_for, reporter, assessment
):
    for code in ("1.1", "1.2", "1.3", "1.4", "1.5"):
        record_self_entry(reporter, assessment, code, COMPLETE_ANSWERS[code], "", 0)
    html = _page(client_for(reporter), assessment)

    assert _open_fields(html) == ["n6"]  # field 1 is finished: field 2 is where to go on
    assert 'id="answered-n0">5/5 answered' in html and 'id="answered-n6">0/5 answered' in html
    assert 'id="pts-n0">' in html and 'id="pts-n6">' in html
    assert 'id="n7-result"' in html and 'id="n1-result"' not in html
    field_one = reverse("assessments:field", args=[assessment.pk, "1"])
    assert f'hx-get="{field_one}" hx-trigger="toggle once" hx-target="find .field-body"' in html
    assert 'href="?field=1#n0"' in html  # without JavaScript


def test_a_field_or_a_leaf_asked_for_is_rendered_open(client_for, reporter, assessment):
    client = client_for(reporter)
    assert _open_fields(_page(client, assessment, "?field=2")) == ["n6"]
    assert _open_fields(_page(client, assessment, "?field=2.3")) == ["n6"]
    assert _open_fields(_page(client, assessment, "?field=9")) == ["n0"]  # unknown: the default


def test_with_every_leaf_answered_no_field_is_open(client_for, reporter, assessment):
    answer_everything(reporter, assessment)
    html = _page(client_for(reporter), assessment)
    assert _open_fields(html) == [] and 'class="leaf"' not in html


def test_a_field_view_gives_its_leaves_and_refreshes_its_summary_and_the_totals(
    client_for, reporter, assessment
):
    record_self_entry(reporter, assessment, "2.4", {"value": "3"}, "", 0)
    url = reverse("assessments:field", args=[assessment.pk, "2"])
    html = client_for(reporter).get(url, **HTMX).content.decode()

    leaves = re.findall(r'<section class="leaf" id="(n\d+)"', html)
    assert leaves == ["n7", "n8", "n9", "n10", "n11"]
    assert 'id="pts-n6" hx-swap-oob="true">' in html
    assert 'id="answered-n6" hx-swap-oob="true">1/5 answered' in html
    assert 'id="totals" class="totals-bar" hx-swap-oob="true"' in html
    assert 'hx-post="' in html and "csrfmiddlewaretoken" in html


def test_a_field_view_without_htmx_is_the_page_with_that_field_open(
    client_for, reporter, assessment
):
    url = reverse("assessments:field", args=[assessment.pk, "2"])
    response = client_for(reporter).get(url)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/campaigns/assessments/{assessment.pk}/?field=2#n6")


def test_only_fields_have_a_field_view(client_for, reporter, assessment):
    client = client_for(reporter)
    for code in ("2.1", "9"):
        url = reverse("assessments:field", args=[assessment.pk, code])
        assert client.get(url, **HTMX).status_code == 404


def test_what_is_still_missing_links_to_the_leaf_with_its_field_open(client_for, head, assessment):
    client = client_for(head)
    submit = client.get(reverse("assessments:submit", args=[assessment.pk])).content.decode()
    link = re.search(r'<a href="([^"]+)">2\.4</a>', submit).group(1)
    assert link == reverse("assessments:assessment", args=[assessment.pk]) + "?field=2#n10"
    html = client.get(link.split("#")[0]).content.decode()
    assert _open_fields(html) == ["n6"] and '<section class="leaf" id="n10"' in html
