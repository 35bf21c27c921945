"""The results pages show the snapshot's figures: ranking with filters, sorting and last year's
arrows; the organisers' actions say what the services refused; the query count of the results
page and the scorecard does not grow with the number of units."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from parindex.assessments.models import CampaignStatus
from parindex.results import services
from parindex.results.models import ResultSnapshot, SnapshotKind
from parindex.results.tests.campaigns import approved_campaign, communes, points_set


@pytest.fixture
def framework(district, department):
    return points_set(district, department)


@pytest.fixture
def two_years(organiser, council, district, framework):
    """A01 and A02: 80 and 70 in 2021 (published), 60 and 90 in 2022 (final snapshot)."""
    first, second = communes(district, 2, prefix="A")
    before = approved_campaign(
        organiser, council, district, framework, {first: "80", second: "70"}, year=2021
    )
    services.publish(organiser, before, "Quyết định 2021")
    now = approved_campaign(
        organiser, council, district, framework, {first: "60", second: "90"}, year=2022
    )
    services.take_final(organiser, now)
    return now


def _page(client, campaign, **params):
    return client.get(reverse("results:campaign", args=[campaign.pk]), params)


def test_the_ranking_shows_last_years_arrows(client_for, organiser, two_years):
    page = _page(client_for(organiser), two_years)
    rows = page.context["rows"]
    assert [(r.code, r.rank, r.rank_change) for r in rows] == [("A02", 1, 1), ("A01", 2, -1)]
    html = page.content.decode()
    assert html.count('class="change up"') == 2  # A02: index and rank
    assert html.count('class="change down"') == 2  # A01: index and rank
    assert "+20.00" in html and "-20.00" in html
    assert "Final results (not yet published)" in html


def test_the_ranking_filters_by_group_and_sorts(client_for, organiser, two_years):
    client = client_for(organiser)
    assert [r.code for r in _page(client, two_years, group="A").context["rows"]] == ["A02"]
    assert [r.code for r in _page(client, two_years, sort="-code").context["rows"]] == [
        "A02",
        "A01",
    ]
    assert [r.code for r in _page(client, two_years, sort="change").context["rows"]] == [
        "A01",
        "A02",
    ]


def test_htmx_gets_only_the_ranking_table(client_for, organiser, two_years):
    url = reverse("results:campaign", args=[two_years.pk])
    response = client_for(organiser).get(url, {"group": "B"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="ranking"') and "<html" not in html
    assert "A01" not in html and "A02" not in html  # 60 is C, 90 is A


def test_no_snapshot_yet(client_for, organiser, step2):
    html = _page(client_for(organiser), step2).content.decode()
    assert "No result snapshot has been taken for this campaign yet." in html


def test_a_refused_final_snapshot_shows_the_services_message(client_for, organiser, step2):
    with pytest.raises(services.SnapshotRefused) as refused:
        services.take_final(organiser, step2)
    url = reverse("results:take", args=[step2.pk, SnapshotKind.FINAL])
    page = client_for(organiser).post(url, follow=True)
    assert f'<li class="msg-error">{escape(refused.value.message)}</li>' in page.content.decode()
    assert not ResultSnapshot.objects.filter(campaign=step2).exists()


def test_a_provisional_snapshot_is_shown_as_provisional(client_for, organiser, step2):
    url = reverse("results:take", args=[step2.pk, SnapshotKind.PROVISIONAL])
    page = client_for(organiser).post(url, follow=True)
    html = page.content.decode()
    assert "Provisional snapshot taken: 2 units." in html
    assert "Provisional results" in html and "Not for publication." in html


def test_publishing_needs_a_reason_then_publishes(client_for, organiser, approved):
    client = client_for(organiser)
    url = reverse("results:publish", args=[approved.pk])
    assert "Publishing cannot be undone." in client.get(url).content.decode()

    refused = client.post(url, {"reason": "  "})
    assert refused.status_code == 400
    assert not ResultSnapshot.objects.filter(published_at__isnull=False).exists()

    page = client.post(url, {"reason": "Quyết định số 12/QĐ-UBND"}, follow=True)
    snapshot = ResultSnapshot.objects.get(campaign=approved)
    assert snapshot.is_published and snapshot.kind == SnapshotKind.FINAL
    approved.refresh_from_db()
    assert approved.status == CampaignStatus.PUBLISHED
    html = page.content.decode()
    assert "Results published." in html and "Published results" in html


def test_publishing_before_approval_shows_the_refusal(client_for, organiser, step2):
    url = reverse("results:publish", args=[step2.pk])
    page = client_for(organiser).post(url, {"reason": "Quyết định"}, follow=True)
    assert "Only a campaign approved by the council can be published." in page.content.decode()


def _queries(client, url: str) -> int:
    client.get(url)  # warm the per-process criteria-set cache
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_query_counts_do_not_grow_with_units(
    client_for, organiser, council, district, framework, django_assert_num_queries
):
    units = communes(district, 6, prefix="Q")
    small = approved_campaign(
        organiser, council, district, framework, dict.fromkeys(units[:2], "75"), year=2021
    )
    large = approved_campaign(
        organiser,
        council,
        district,
        framework,
        dict(zip(units, ["95", "80", "72", "60", "55", "40"], strict=True)),
        year=2022,
    )
    services.take_final(organiser, small)
    services.take_final(organiser, large)
    client = client_for(organiser)
    for name, args in (("campaign", []), ("scorecard", [units[0].code]), ("criteria", [])):
        expected = _queries(client, reverse(f"results:{name}", args=[small.pk, *args]))
        with django_assert_num_queries(expected):
            client.get(reverse(f"results:{name}", args=[large.pk, *args]))


def test_a_department_owner_reads_the_losses_of_its_criteria(client_for, dept_owner, approved):
    services.take_final(approved.created_by, approved)
    url = reverse("results:criteria", args=[approved.pk])
    page = client_for(dept_owner).get(url, {"department": "NV", "level": "leaves"})
    losses = page.context["losses"]
    assert losses and {loss.department_name for loss in losses} == {"Phòng Nội vụ"}
    assert all(loss.code.startswith("1.") and loss.is_leaf for loss in losses)
    totals = [loss.lost_total for loss in losses]
    assert totals == sorted(totals, reverse=True)
    assert "Xã Tường" not in page.content.decode()  # figures per criterion, no unit named
