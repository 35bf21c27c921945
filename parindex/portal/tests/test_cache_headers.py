"""Published pages may be cached five minutes, varying by cookie (the language choice lives
there); nothing else from the portal carries a public cache header."""

from parindex.portal.tests.pages import campaign_url, unit_url


def assert_public(response):
    assert response.status_code == 200
    assert sorted(response["Cache-Control"].split(", ")) == ["max-age=300", "public"]
    assert "Cookie" in response["Vary"]


def test_published_pages_are_publicly_cacheable(client, published):
    for url in (
        "/public/",
        "/public/search/?q=tuong",
        campaign_url(published.campaign),
        unit_url(published.campaign, "PY-TUONGPHU"),
    ):
        assert_public(client.get(url))


def test_a_refused_page_is_not_cacheable(client, final):
    for url in (campaign_url(final.campaign), unit_url(final.campaign, "PY-TUONGPHU")):
        response = client.get(url)
        assert response.status_code == 404
        assert "public" not in response.get("Cache-Control", "")
    response = client.post("/public/")
    assert response.status_code == 405
    assert "public" not in response.get("Cache-Control", "")
