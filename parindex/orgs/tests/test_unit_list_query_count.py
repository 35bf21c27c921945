"""The unit list costs the same number of queries with 5 or 50 units."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from parindex.orgs.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def queries_for_list(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("orgs:unit_list")).status_code == 200
    return len(captured)


def test_same_query_count_for_5_and_50_units(client_for, organiser, district):
    client = client_for(organiser)
    for n in range(4):
        UnitFactory(code=f"A{n}", parent=district)
    with_5 = queries_for_list(client)
    for n in range(45):
        parent = district if n % 3 else UnitFactory(code=f"B{n}", parent=district)
        UnitFactory(code=f"C{n}", parent=parent)
    assert queries_for_list(client) == with_5


def test_same_query_count_for_the_user_list(client_for, organiser, commune):
    from parindex.orgs.tests.factories import MembershipFactory

    client = client_for(organiser)

    def count():
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("orgs:user_list"))
        return len(captured)

    MembershipFactory(unit=commune)
    few = count()
    for _ in range(20):
        MembershipFactory(unit=commune)
    assert count() == few
