"""A change against last year is shown only when last year's figures were published: the
results core may compare with an earlier campaign's unpublished final snapshot."""

import datetime

from parindex.portal.tests.pages import campaign_url, copy_snapshot, publish, unit_url


def previous_from(snapshot) -> dict:
    return {
        "year": 2021,
        "campaign": snapshot.campaign_id,
        "snapshot": snapshot.pk,
        "total": "5",
        "maximum": "10",
        "index": "40.00",
        "rank": 2,
        "merged_from": [],
    }


def current_with(published, previous) -> object:
    """A later published snapshot whose units all show 60.00, compared with `previous`."""
    later = published.published_at + datetime.timedelta(minutes=1)
    return publish(copy_snapshot(published, index="60.00", previous=previous), later)


def changes(client, snapshot) -> list:
    ranking = client.get(campaign_url(snapshot.campaign)).context["ranking"]
    card = client.get(unit_url(snapshot.campaign, "PY-TUONGPHU")).context["card"]
    return [row.score_change for row in ranking] + [card.unit.score_change]


def test_a_change_against_a_published_result_is_shown(client, published):
    current = current_with(published, previous_from(published))

    assert changes(client, current) == [20, 20, 20]
    assert "+20.00" in client.get(campaign_url(current.campaign)).content.decode()


def test_a_change_against_an_unpublished_result_is_not_shown(client, published):
    unpublished = copy_snapshot(published, index="40.00")
    current = current_with(published, previous_from(unpublished))

    assert changes(client, current) == [None, None, None]
    body = client.get(unit_url(current.campaign, "PY-TUONGPHU")).content.decode()
    assert "40.00" not in body and "40,00" not in body and "2021" not in body


def test_a_merged_units_weighted_last_year_is_not_shown(client, published):
    merged = {**previous_from(published), "campaign": None, "snapshot": None, "rank": None}
    current = current_with(published, merged)

    assert changes(client, current) == [None, None, None]
