"""The portal's own layout: phone viewport, its own stylesheet, the language switch, and no
staff navigation or login-only link — whoever is looking."""

from parindex.portal.tests.pages import campaign_url, unit_url

STAFF_ADDRESSES = (
    "/units/",
    "/criteria/",
    "/campaigns/",
    "/appraisal/",
    "/evidence/",
    "/results/",
    "/reports/",
    "/login/",
    "/logout/",
    "/admin/",
)


def test_every_page_is_the_portals_own_for_anyone(client, client_for, organiser, published):
    urls = (
        "/public/",
        "/public/search/?q=tuong",
        campaign_url(published.campaign),
        unit_url(published.campaign, "PY-TUONGPHU"),
    )
    for visitor in (client, client_for(organiser)):
        for url in urls:
            body = visitor.get(url).content.decode()
            assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in body
            assert "css/portal.css" in body and "css/parindex.css" not in body
            assert 'action="/i18n/setlang/"' in body
            for address in STAFF_ADDRESSES:
                assert f'href="{address}' not in body, (url, address)
            assert "organiser" not in body  # no user name, no user menu


def test_the_index_lists_published_campaigns_by_jurisdiction(client, published):
    body = client.get("/public/").content.decode()

    assert "Huyện Phù Yên" in body
    assert campaign_url(published.campaign) in body
    assert published.campaign.title in body
