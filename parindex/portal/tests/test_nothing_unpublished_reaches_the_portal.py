"""The portal's permission bar: nothing unpublished reaches it — for nobody logged in, and for
the organiser, the council and the units' own staff alike (the portal has no roles)."""

import datetime

from django.utils import timezone

from parindex.portal.tests.pages import (
    campaign_url,
    copy_snapshot,
    publish,
    unit_url,
)
from parindex.results.models import SnapshotKind
from parindex.results.snapshot import take_snapshot


def assert_hidden(visitors, campaign, unit_code="PY-TUONGPHU"):
    for who, client in visitors.items():
        assert client.get(campaign_url(campaign)).status_code == 404, who
        assert client.get(unit_url(campaign, unit_code)).status_code == 404, who
        index = client.get("/public/").content.decode()
        assert campaign_url(campaign) not in index, who
        search = client.get("/public/search/", {"q": "tuong"}).content.decode()
        assert unit_url(campaign, unit_code) not in search, who


def test_a_campaign_in_appraisal_is_not_public(visitors, step2):
    assert_hidden(visitors, step2)


def test_a_provisional_snapshot_is_not_public_even_if_marked_published(visitors, step2, organiser):
    publish(take_snapshot(organiser, step2, SnapshotKind.PROVISIONAL))
    assert_hidden(visitors, step2)


def test_an_approved_campaign_with_an_unpublished_final_snapshot_is_not_public(visitors, final):
    assert_hidden(visitors, final.campaign)


def test_a_snapshot_taken_after_the_published_one_is_not_shown(visitors, published):
    copy_snapshot(published, index="12.34", taken_at=timezone.now() + datetime.timedelta(hours=1))
    copy_snapshot(published, index="56.78", kind=SnapshotKind.PROVISIONAL)
    shown = f"{published.units.get(unit__code='PY-TUONGPHU').index:.2f}"

    for who, client in visitors.items():
        for url in (campaign_url(published.campaign), unit_url(published.campaign, "PY-TUONGPHU")):
            body = client.get(url).content.decode()
            assert "12.34" not in body and "56.78" not in body, who
            assert shown in body, who


def test_the_latest_published_snapshot_is_the_one_shown(client, published):
    later = copy_snapshot(published, index="12.34", taken_at=timezone.now())
    publish(later, published.published_at + datetime.timedelta(minutes=1))

    body = client.get(campaign_url(published.campaign)).content.decode()

    assert "12.34" in body


def test_a_unit_not_in_the_published_snapshot_has_no_scorecard(visitors, published):
    for who, client in visitors.items():
        for code in ("SL-PY", "SL", "PY-NOWHERE"):
            assert client.get(unit_url(published.campaign, code)).status_code == 404, who


def test_another_jurisdictions_unpublished_campaign_stays_hidden(visitors, published, elsewhere):
    assert_hidden(visitors, elsewhere, "BY-TUONGPHONG")
    # Nor is the other district's campaign or unit reachable under this campaign's URL.
    wrong = f"/public/SL-PY/2022/{elsewhere.framework.code}/"
    for who, client in visitors.items():
        assert client.get(campaign_url(published.campaign)).status_code == 200, who
        assert client.get(wrong).status_code == 404, who
        assert client.get(unit_url(published.campaign, "BY-TUONGPHONG")).status_code == 404, who


def test_a_campaign_is_found_only_under_its_own_jurisdiction_and_year(client, published):
    assert client.get("/public/SL/2022/ap-set/").status_code == 404
    assert client.get("/public/SL-PY/2021/ap-set/").status_code == 404
    assert client.get("/public/SL-PY/2022/other-set/").status_code == 404
