"""Vietnamese by default for an anonymous visitor; the VI/EN switch works without logging in
and brings the visitor back to the page they were on."""

from django.test import Client

from parindex.portal.tests.pages import campaign_url


def test_an_anonymous_visitor_switches_to_english_and_back(settings, published):
    settings.LANGUAGE_CODE = "vi"
    client = Client(enforce_csrf_checks=True)
    url = campaign_url(published.campaign)

    page = client.get(url)
    assert '<html lang="vi">' in page.content.decode()
    token = page.cookies["csrftoken"].value

    for language in ("en", "vi"):
        response = client.post(
            "/i18n/setlang/",
            {"language": language, "next": url, "csrfmiddlewaretoken": token},
        )
        assert response.status_code == 302 and response["Location"] == url
        assert f'<html lang="{language}">' in client.get(url).content.decode()
