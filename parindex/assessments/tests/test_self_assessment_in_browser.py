"""In Chromium: a reporter answers nodes and the points, subtotal, total and progress bar change
in place (htmx, no page load); an answer the engine refuses shows its reason and is not saved;
a closed field loads its leaves when opened, and a link to one of its leaves opens it."""

import re
import time

import pytest

from parindex.assessments import assessment_views
from parindex.assessments.models import ScoreEntry
from parindex.orgs.tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def english_page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def _log_in(page, username: str) -> None:
    page.goto("/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/$"))


@pytest.fixture
def slow_first_save(monkeypatch):
    """The first save of node 2.2 takes half a second, as on a slow link or a busy server."""
    real, calls = assessment_views.record_self_entry, []

    def slowed(actor, assessment, node_code, *args, **kwargs):
        if node_code == "2.2" and not calls:
            calls.append(node_code)
            time.sleep(0.5)
        return real(actor, assessment, node_code, *args, **kwargs)

    monkeypatch.setattr(assessment_views, "record_self_entry", slowed)


def test_answers_update_points_and_totals_in_place(
    english_page, slow_first_save, reporter, assessment
):
    page = english_page
    _log_in(page, "reporter")
    page.goto(f"/campaigns/assessments/{assessment.pk}/")
    page.evaluate("window.stillTheSamePage = true")

    assert page.locator("#n6 .leaf").count() == 0  # field 2 is closed, its leaves not loaded
    page.locator("#n1 input[name=value][value=true]").check()
    page.wait_for_function("document.querySelector('#n1-result').innerText.includes('0.5 / 0.5')")
    assert page.locator("#pts-n0").inner_text() == "0.5 / 4"
    assert page.locator("#answered-n0").inner_text() == "1/5 answered"
    assert "Self-score 0.5 / 9.3" in page.locator("#totals").inner_text()
    assert page.locator("#totals progress").get_attribute("value") == "1"

    page.fill("#n3 input[name=num]", "9")
    page.fill("#n3 input[name=den]", "10")
    page.locator("#n3 input[name=den]").dispatch_event("change")
    page.wait_for_function("document.querySelector('#pts-n0').innerText === '1.5 / 4'")
    assert page.locator("#n3 input[name=base_revision]").input_value() == "1"

    page.fill("#n4 input[name=num]", "12")
    page.fill("#n4 input[name=den]", "10")
    page.locator("#n4 input[name=den]").dispatch_event("change")
    # Leaving the numerator saves too early ("type both"); the denominator's save is queued
    # behind it, carries the revision of the moment, and ends with the engine's refusal.
    page.wait_for_function(
        "document.querySelector('#n4-result').innerText.includes('greater than denominator 10')"
    )
    assert "Not saved" in page.locator("#n4-result").inner_text()

    page.locator("#n6 > summary").click()  # field 2 opens and loads its leaves
    page.locator("#n8 input[name=ev_late]").wait_for()
    assert page.locator("#n6").get_attribute("open") is not None

    # Two inputs of one node typed in quick succession while the first save is slow: the second
    # save waits for the first and starts from its revision (htmx queues requests per form),
    # so it is neither refused as a conflict nor lost.
    page.fill("#n8 input[name=ev_late]", "2")
    page.fill("#n8 input[name=ev_reprimand]", "0")
    page.locator("#n8 input[name=ev_reprimand]").dispatch_event("change")
    page.wait_for_function("document.querySelector('#n8 [name=base_revision]').value === '2'")
    assert "after you opened it" not in page.locator("#n8").inner_text()
    assert page.locator("#answered-n6").inner_text() == "1/5 answered"

    assert page.evaluate("window.stillTheSamePage") is True  # no reload happened
    saved = ScoreEntry.objects.order_by("node_code", "revision")
    assert [(e.node_code, e.revision) for e in saved] == [
        ("1.1", 1),
        ("1.3", 1),
        ("2.2", 1),
        ("2.2", 2),
    ]
    assert saved.last().inputs == {"value": {"late": "2", "reprimand": "0"}}


def test_a_link_to_a_leaf_of_a_closed_field_opens_it(english_page, reporter, assessment):
    page = english_page
    _log_in(page, "reporter")
    page.goto(f"/campaigns/assessments/{assessment.pk}/#n9")  # 2.3, in field 2 (closed)
    page.locator("#n9 input[name=item]").first.wait_for()
    assert page.locator("#n6").get_attribute("open") is not None
    assert page.locator("#n0").get_attribute("open") is not None  # the first unfinished field
    page.locator("#n9 input[name=none]").check()
    page.wait_for_function("document.querySelector('#answered-n6').innerText === '1/5 answered'")
    assert ScoreEntry.objects.get().node_code == "2.3"
