"""On a phone-wide screen the ranking table scrolls sideways inside its own box while the page
itself never does, and the scorecard and search stay usable."""

import pytest

from parindex.portal.tests.pages import campaign_url, unit_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE_OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_a_phone_reads_the_ranking_and_a_scorecard(page, published, settings):
    settings.LANGUAGE_CODE = "vi"
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(campaign_url(published.campaign))

    assert page.evaluate(PAGE_OVERFLOW) <= 0
    box = page.locator("#ranking .table-scroll")
    widths = box.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert widths[0] > widths[1], widths  # wider than the screen: it scrolls in its box
    box.evaluate("el => { el.scrollLeft = 200; }")
    assert box.evaluate("el => el.scrollLeft") > 0
    assert page.locator("canvas[data-chart]").count() == 2

    page.get_by_role("link", name="Xã Tường Phù").first.click()
    page.wait_for_url(f"**{unit_url(published.campaign, 'PY-TUONGPHU')}")
    assert page.evaluate(PAGE_OVERFLOW) <= 0
    assert page.locator("html").get_attribute("lang") == "vi"

    page.goto("/public/search/?q=tuong+phu")
    assert page.evaluate(PAGE_OVERFLOW) <= 0
    assert "Tường Phù" in page.locator("main table").inner_text()
