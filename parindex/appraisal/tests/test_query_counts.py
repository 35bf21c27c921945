"""The queue and the council pages run a fixed number of queries whatever the number of units
and criteria (architecture.md: constant queries per page)."""

import pytest
from django.urls import reverse

from parindex.appraisal.queue_views import ROWS_PER_PAGE
from parindex.appraisal.services import assign_by_department
from parindex.appraisal.tests.factories import departmental_set, submit_without_people
from parindex.assessments import services
from parindex.assessments.models import CampaignStatus
from parindex.assessments.tests.factories import schedule
from parindex.orgs.tests.factories import UnitFactory

# session, user, memberships, campaign, assignments, units in scope, entries, citations
QUEUE_QUERIES = 8
# session, user, memberships, campaign, assessments, entries
COUNCIL_QUERIES = 6


def _campaign(organiser, district, department, units: int):
    communes = [UnitFactory(parent=district) for _ in range(units)]
    campaign = services.create_campaign(
        organiser,
        jurisdiction=district,
        framework=departmental_set(district, {"1": department, "2": department}),
        year=2022,
        title="Chỉ số CCHC",
        schedule=schedule(),
        units=communes,
    )
    services.advance_campaign(organiser, campaign, CampaignStatus.OPEN)
    for assessment in campaign.assessments.select_related("campaign__framework", "unit"):
        submit_without_people(assessment)
    campaign = services.advance_campaign(organiser, campaign, CampaignStatus.APPRAISAL)
    assign_by_department(organiser, campaign)
    return campaign


@pytest.mark.parametrize("units", [2, 12])
def test_the_queue(
    client_for, django_assert_max_num_queries, organiser, appraiser, district, department, units
):
    campaign = _campaign(organiser, district, department, units)
    client = client_for(appraiser)
    with django_assert_max_num_queries(QUEUE_QUERIES):
        response = client.get(reverse("appraisal:queue", args=[campaign.pk]))
    html = response.content.decode()
    assert html.count('class="qrow') == min(units * 10, ROWS_PER_PAGE)
    assert f"{units * 10} rows" in html


@pytest.mark.parametrize("units", [2, 12])
def test_the_council_page(
    client_for, django_assert_max_num_queries, organiser, council, district, department, units
):
    campaign = _campaign(organiser, district, department, units)
    client = client_for(council)
    with django_assert_max_num_queries(COUNCIL_QUERIES):
        response = client.get(reverse("appraisal:council", args=[campaign.pk]))
    assert response.content.decode().count("/compare/") == units
