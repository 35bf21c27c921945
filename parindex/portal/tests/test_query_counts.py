"""The portal's pages cost the same number of queries for 2 units as for 6."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from parindex.portal.tests.pages import add_units, campaign_url, unit_url


def queries(client, urls) -> list[int]:
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    return counts


def test_query_count_does_not_grow_with_the_units(client, published):
    urls = [
        "/public/",
        "/public/search/?q=xa",
        campaign_url(published.campaign),
        unit_url(published.campaign, "PY-TUONGPHU"),
    ]
    queries(client, urls)  # the criteria set is loaded once per process, then cached
    with_two = queries(client, urls)

    add_units(published, 4)
    assert published.units.count() == 6
    with_six = queries(client, urls)

    assert len(client.get("/public/search/?q=xa").context["rows"]) == 6
    assert with_six == with_two
    assert max(with_two) <= 8, with_two
