"""The self-assessment page and the dashboard run a fixed number of queries whatever the size
of the criteria set and the number of units (architecture.md: constant queries per page)."""

import random

import pytest
from django.urls import reverse

from parindex.assessments.answer_samples import sample_answer
from parindex.assessments.criteria import criteria_for
from parindex.assessments.entries import record_entry, record_self_entry
from parindex.assessments.tests.factories import open_campaign
from parindex.orgs.tests.factories import UnitFactory

PAGE_QUERIES = 7  # session, user, memberships, assessment, extension, entries, citations
FIELD_QUERIES = 6  # the page's but the extension: a field's leaves (htmx, as it opens)
SAVE_QUERIES = 20  # the above, the locked row, revision, insert, audit, self-score, savepoints
DASHBOARD_QUERIES = 7  # session, user, memberships, campaign, assessments, entries, extensions


def _fill(assessment, user) -> None:
    rng = random.Random(7)
    criteria = criteria_for(assessment.campaign.framework)
    for node in criteria.entered_leaves:
        inputs = sample_answer(criteria.rule_of(node.code), rng)
        record_self_entry(user, assessment, node.code, inputs, "Giải trình", 0)


@pytest.mark.parametrize("leaves", [10, 60])
def test_the_self_assessment_page(
    client_for, django_assert_max_num_queries, organiser, reporter, district, commune, leaves
):
    campaign = open_campaign(organiser, district, [commune], leaves=leaves)
    assessment = campaign.assessments.get()
    _fill(assessment, reporter)
    client = client_for(reporter)
    url = reverse("assessments:assessment", args=[assessment.pk])
    with django_assert_max_num_queries(PAGE_QUERIES):
        response = client.get(url + "?field=2")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="node depth-0 field"') == leaves // 5  # every field's summary
    assert html.count('class="leaf"') == 5  # the leaves of field 2 only


@pytest.mark.parametrize("leaves", [10, 60])
def test_a_fields_leaves(
    client_for, django_assert_max_num_queries, organiser, reporter, district, commune, leaves
):
    campaign = open_campaign(organiser, district, [commune], leaves=leaves)
    assessment = campaign.assessments.get()
    _fill(assessment, reporter)
    client = client_for(reporter)
    url = reverse("assessments:field", args=[assessment.pk, "2"])
    with django_assert_max_num_queries(FIELD_QUERIES):
        response = client.get(url, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="leaf"') == 5 and 'id="n7-result"' in html


@pytest.mark.parametrize("leaves", [10, 60])
def test_an_htmx_save(
    client_for, django_assert_max_num_queries, organiser, reporter, district, commune, leaves
):
    campaign = open_campaign(organiser, district, [commune], leaves=leaves)
    assessment = campaign.assessments.get()
    _fill(assessment, reporter)
    url = reverse("assessments:save_node", args=[assessment.pk, "1.1"])
    client = client_for(reporter)
    with django_assert_max_num_queries(SAVE_QUERIES):
        response = client.post(
            url, {"value": "false", "base_revision": "1"}, HTTP_HX_REQUEST="true"
        )
    assert "saved at" in response.content.decode()


@pytest.mark.parametrize("units", [3, 30])
def test_the_dashboard(
    client_for, django_assert_max_num_queries, organiser, reporter, district, units
):
    communes = [UnitFactory(parent=district) for _ in range(units)]
    campaign = open_campaign(organiser, district, communes, leaves=10)
    for assessment in campaign.assessments.all()[:3]:
        for code, value in (("1.1", {"value": True}), ("2.4", {"value": "3"})):
            record_entry(assessment, code, "self", value, "", organiser, 0)
    client = client_for(organiser)
    url = reverse("assessments:dashboard", args=[campaign.pk])
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        response = client.get(url + "?sort=-index")
    assert response.content.decode().count("<tr>") == units + 1
