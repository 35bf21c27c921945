"""The register page and the index cost the same number of queries for 3 tasks or 60, one
department or six, with the criterion panel shown."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from parindex.assigned_tasks.feed import set_feed
from parindex.assigned_tasks.tests.conftest import make_task
from parindex.orgs.tests.factories import DepartmentFactory

D = datetime.date
MAX_QUERIES = 14


def _fill(unit, district, count: int, departments: int) -> None:
    chosen = [DepartmentFactory(jurisdiction=district) for _ in range(departments)]
    for n in range(count):
        make_task(
            unit,
            department=chosen[n % departments],
            deadline=D(2022, 1 + n % 12, 1),
            completed_on=D(2022, 1 + n % 12, 1) if n % 3 else None,
            document_number=f"{n}/UBND",
        )


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url_name", ["register", "index"])
def test_queries_do_not_grow_with_the_register(
    client_for, reporter, organiser, commune, district, campaign, url_name
):
    set_feed(organiser, campaign, "1.3")
    client = client_for(reporter if url_name == "register" else organiser)
    url = reverse(f"assigned_tasks:{url_name}", args=[commune.pk] if url_name == "register" else [])
    _fill(commune, district, 3, 1)
    small = _queries(client, url)
    _fill(commune, district, 60, 6)
    large = _queries(client, url)
    assert small == large <= MAX_QUERIES


def test_an_htmx_filter_returns_the_table_only(client_for, reporter, commune, district):
    _fill(commune, district, 6, 2)
    url = reverse("assigned_tasks:register", args=[commune.pk])
    response = client_for(reporter).get(url, {"status": "overdue"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="task-table">') and "<html" not in page
    assert page.count('class="status-overdue"') == 2 and "2 tasks" in page
