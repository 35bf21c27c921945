"""Accent-insensitive unit search over published results only ("tuong phu" finds Tường Phù),
on the folded column, so SQLite and PostgreSQL answer alike."""

import pytest

from parindex.portal.tests.pages import unit_url


def names(response) -> list[str]:
    return [row.unit.name for row in response.context["rows"]]


@pytest.mark.parametrize("q", ["tuong phu", "TƯỜNG PHÙ", "Tường  phù", "phu tuong", "py-tuongphu"])
def test_a_unit_is_found_with_or_without_accents(client, published, q):
    response = client.get("/public/search/", {"q": q})

    assert names(response) == ["Xã Tường Phù"]
    assert unit_url(published.campaign, "PY-TUONGPHU") in response.content.decode()


def test_one_word_finds_every_published_unit_that_has_it(client, published):
    response = client.get("/public/search/", {"q": "tuong"})

    assert sorted(names(response)) == ["Xã Tường Phù", "Xã Tường Tiến"]
    row = response.context["rows"][0]
    assert f"{row.index:.2f}" in response.content.decode()


def test_units_of_an_unpublished_snapshot_are_never_found(client, final):
    response = client.get("/public/search/", {"q": "tuong"})

    assert names(response) == []
    assert "Xã Tường" not in response.content.decode()


def test_units_of_another_unpublished_campaign_are_never_found(client, published, elsewhere):
    response = client.get("/public/search/", {"q": "tuong phong"})

    assert names(response) == []
    assert "Tường Phong" not in response.content.decode()


def test_a_one_letter_query_asks_for_more(client, published):
    response = client.get("/public/search/", {"q": "t"})

    assert names(response) == []
    assert "at least two letters" in response.content.decode()


def test_the_search_page_without_a_query_lists_nothing(client, published):
    response = client.get("/public/search/")

    assert response.status_code == 200 and names(response) == []
