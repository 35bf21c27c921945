"""Every results page and download for every role, inside and outside its scope, before and
after publication: 200 (302 for an action that worked) for those allowed, 403 for those who see
the campaign or unit without the right, 404 for those who cannot see it, login for anonymous.

The scorecard is Tường Phù's (the cast's `commune`): its reporter and head read it once
published; `outsider` (Tường Tiến's reporter) never does."""

import pytest
from django.urls import reverse

from parindex.results import services
from parindex.testing.roles import CAST, expect

READERS = {"organiser", "council", "viewer"}
UNIT = {"reporter", "head"}
STAFF = {"appraiser", "dept_owner"}


# Who sees the campaign at all (403 rather than 404): its district staff and its units' people.
SEES_CAMPAIGN = READERS | STAFF | UNIT | {"outsider"}
CAMPAIGN_PAGE = expect(READERS, SEES_CAMPAIGN)
CRITERIA_PAGE = expect(READERS | {"dept_owner"}, SEES_CAMPAIGN)
ORGANISER_ONLY = expect({"organiser"}, SEES_CAMPAIGN)
# Tường Phù's scorecard: the outsider does not see that unit, so 404.
SCORECARD_UNPUBLISHED = expect(READERS, STAFF | UNIT)
SCORECARD_PUBLISHED = expect(READERS | UNIT, STAFF)

# (url name, arguments, method, expected before publication, expected after)
CASES = [
    ("campaign", "campaign", "get", CAMPAIGN_PAGE, CAMPAIGN_PAGE),
    ("ranking_xlsx", "campaign", "get", CAMPAIGN_PAGE, CAMPAIGN_PAGE),
    ("groups_xlsx", "campaign", "get", CAMPAIGN_PAGE, CAMPAIGN_PAGE),
    ("fields_xlsx", "campaign", "get", CAMPAIGN_PAGE, CAMPAIGN_PAGE),
    ("criteria", "campaign", "get", CRITERIA_PAGE, CRITERIA_PAGE),
    ("criteria_xlsx", "campaign", "get", CRITERIA_PAGE, CRITERIA_PAGE),
    ("scorecard", "unit", "get", SCORECARD_UNPUBLISHED, SCORECARD_PUBLISHED),
    ("radar_xlsx", "unit", "get", SCORECARD_UNPUBLISHED, SCORECARD_PUBLISHED),
    ("publish", "campaign", "get", ORGANISER_ONLY, ORGANISER_ONLY),
    ("take", "provisional", "post", expect({"organiser"}, SEES_CAMPAIGN, ok=302), None),
]


def _url(name: str, target: str, campaign, commune) -> str:
    args = {
        "campaign": [campaign.pk],
        "unit": [campaign.pk, commune.code],
        "provisional": [campaign.pk, "provisional"],
    }[target]
    return reverse(f"results:{name}", args=args)


def _statuses(clients, method: str, url: str) -> dict[str, int]:
    return {role: getattr(client, method)(url).status_code for role, client in clients.items()}


@pytest.fixture
def clients(cast, client_for):
    return {role: client_for(user) for role, user in cast.items()}


@pytest.fixture
def final(approved, organiser):
    """The approved campaign with its final snapshot taken, not published."""
    services.take_final(organiser, approved)
    return approved


# One campaign per publication state for all the pages (building it is the slow part); the
# assertion compares every page's statuses at once, so a failure shows each page that differs.


def test_before_publication(clients, final, commune):
    got = {
        name: _statuses(clients, method, _url(name, target, final, commune))
        for name, target, method, _before, _after in CASES
    }
    assert got == {case[0]: case[3] for case in CASES}


def test_after_publication(clients, approved, organiser, commune):
    services.publish(organiser, approved, "Quyết định số 12/QĐ-UBND")
    got = {
        name: _statuses(clients, method, _url(name, target, approved, commune))
        for name, target, method, _before, after in CASES
        if after
    }
    assert got == {case[0]: case[4] for case in CASES if case[4]}


def test_anonymous_visitors_are_sent_to_the_login_page(client, final, commune):
    for name, target, method, _before, _after in CASES:
        response = getattr(client, method)(_url(name, target, final, commune))
        assert response.status_code == 302 and "/login/" in response["Location"], name


def test_a_unit_never_sees_another_units_scorecard(
    client_for, reporter, approved, organiser, other_commune
):
    url = reverse("results:scorecard", args=[approved.pk, other_commune.code])
    services.take_final(organiser, approved)
    assert client_for(reporter).get(url).status_code == 404
    services.publish(organiser, approved, "Quyết định số 12/QĐ-UBND")
    assert client_for(reporter).get(url).status_code == 404


def test_a_unit_reads_only_the_published_snapshot(client_for, head, approved, organiser, commune):
    unpublished = services.take_final(organiser, approved)
    services.take_final(organiser, approved)  # the newer final one is what gets published
    published = services.publish(organiser, approved, "Quyết định số 12/QĐ-UBND")
    newer = services.take_provisional(organiser, approved)
    url = reverse("results:scorecard", args=[approved.pk, commune.code])
    client = client_for(head)

    page = client.get(url)
    assert published != unpublished
    assert page.status_code == 200 and page.context["snapshot"] == published
    assert "Published results" in page.content.decode()
    for other in (unpublished, newer):
        assert client.get(url, {"snapshot": other.pk}).status_code == 404


def test_a_snapshot_of_another_campaign_is_not_found(client_for, organiser, final, commune):
    url = reverse("results:campaign", args=[final.pk])
    assert client_for(organiser).get(url, {"snapshot": 999999}).status_code == 404
    assert client_for(organiser).get(url, {"snapshot": "x"}).status_code == 404


def test_a_unit_outside_the_campaign_is_not_found(client_for, organiser, final, district):
    url = reverse("results:scorecard", args=[final.pk, district.code])
    assert client_for(organiser).get(url).status_code == 404


def test_the_index_lists_what_each_role_may_open(clients, final, organiser, commune, other_commune):
    campaign_url = reverse("results:campaign", args=[final.pk])
    criteria_url = reverse("results:criteria", args=[final.pk])
    own_url = reverse("results:scorecard", args=[final.pk, commune.code])
    other_url = reverse("results:scorecard", args=[final.pk, other_commune.code])

    def links(role: str) -> set[str]:
        response = clients[role].get(reverse("results:index"))
        assert response.status_code == 200
        html = response.content.decode()
        urls = (campaign_url, criteria_url, own_url, other_url)
        return {url for url in urls if f'href="{url}"' in html}

    assert {role: links(role) for role in CAST} == {
        **{role: {campaign_url, criteria_url} for role in READERS},
        "dept_owner": {criteria_url},
        **{role: set() for role in {"reporter", "head", "appraiser", "outsider", "stranger"}},
    }
    services.publish(organiser, final, "Quyết định số 12/QĐ-UBND")
    assert links("reporter") == links("head") == {own_url}
    assert links("outsider") == {other_url}
    assert links("stranger") == set()
