"""In Chromium: the vendored Chart.js draws every chart of the results page and the scorecard
from its JSON, a filter swaps the ranking in place, and a phone-wide screen needs no sideways
scrolling of the page (wide tables scroll inside their own box)."""

import re

import pytest

from parindex.orgs.tests.factories import TEST_PASSWORD
from parindex.results import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone_page(chromium, live_server):
    context = chromium.new_context(
        base_url=live_server.url, locale="en-GB", viewport={"width": 375, "height": 740}
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def _log_in(page, username: str) -> None:
    page.goto("/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/$"))


def _drawn(page) -> list[str]:
    page.wait_for_function("document.querySelectorAll('canvas[data-chart]').length > 0")
    page.wait_for_load_state("load")
    return page.eval_on_selector_all(
        "canvas[data-chart]",
        "canvases => canvases.map(c => c.dataset.drawn === '1' && !!Chart.getChart(c)"
        " ? 'drawn' : c.dataset.chart)",
    )


def _overflow(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_charts_are_drawn_and_the_page_fits_a_phone(phone_page, approved, organiser, commune):
    services.take_final(organiser, approved)
    page = phone_page
    _log_in(page, organiser.username)

    page.goto(f"/results/campaign/{approved.pk}/")
    assert _drawn(page) == ["drawn", "drawn"]
    assert _overflow(page) <= 0

    page.select_option("select[name=group]", "D")
    page.wait_for_function("!document.querySelector('#ranking').textContent.includes('Tường')")
    assert "No unit matches." in page.locator("#ranking").inner_text()

    page.goto(f"/results/campaign/{approved.pk}/unit/{commune.code}/")
    assert _drawn(page) == ["drawn"]
    assert _overflow(page) <= 0

    page.goto(f"/results/campaign/{approved.pk}/criteria/")
    assert _drawn(page) == ["drawn"]
    assert _overflow(page) <= 0
