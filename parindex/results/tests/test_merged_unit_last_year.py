"""A commune formed by a merger compares with the weighted results of the communes it came from."""

from decimal import Decimal

import pytest

from parindex.orgs.models import UnitPredecessor
from parindex.orgs.tests.factories import UnitFactory
from parindex.results import services
from parindex.results.summary import campaign_summary, unit_rows
from parindex.results.tests.campaigns import approved_campaign, communes, points_set


@pytest.fixture
def former(district):
    return communes(district, 3)  # X01, X02, X03


@pytest.fixture
def merged(district, former):
    unit = UnitFactory(code="M01", name="Xã Hợp Nhất", parent=district)
    UnitPredecessor.objects.create(unit=unit, predecessor=former[0], weight=Decimal("0.6"))
    UnitPredecessor.objects.create(unit=unit, predecessor=former[1], weight=Decimal("0.4"))
    return unit


@pytest.fixture
def campaigns(organiser, council, district, department, former, merged):
    framework = points_set(district, department)
    # X02's 2.1 is N/A (excluded): its maximum is 60, so its index is 40/60 = 66.67, not 40.
    x02 = {"1.1": {"value": "30"}, "1.2": {"value": "10"}, "2.1": {"na": True}}
    before = {former[0]: "77.14", former[1]: x02, former[2]: "50"}
    last = approved_campaign(organiser, council, district, framework, before, year=2021)
    services.publish(organiser, last)
    now = {merged: "70", former[2]: "55"}
    return approved_campaign(organiser, council, district, framework, now, year=2022)


def test_last_year_is_the_weighted_predecessors(campaigns, organiser):
    snapshot = services.take_final(organiser, campaigns)
    rows = {row.code: row for row in unit_rows(snapshot)}
    merged = rows["M01"]
    # By hand: total 0.6 × 77.14 + 0.4 × 40 = 62.284; index 0.6 × 77.14 + 0.4 × 66.67 = 72.952.
    assert merged.previous_total == Decimal("62.2840")
    assert merged.previous_index == Decimal("72.95")
    assert merged.previous_year == 2021
    assert merged.previous_rank is None and merged.rank_change is None
    assert merged.score_change == Decimal("70") - Decimal("72.95")
    assert merged.direction == "down"  # by score, as it has no previous rank
    assert [(p.code, p.weight, p.total, p.index) for p in merged.merged_from] == [
        ("X01", Decimal("0.6"), Decimal("77.1400"), Decimal("77.14")),
        ("X02", Decimal("0.4"), Decimal("40.0000"), Decimal("66.67")),
    ]
    assert merged.merged_note == "Last year: weighted result of Xã Số 01 (0.6), Xã Số 02 (0.4)"
    own = rows["X03"]
    assert own.previous_index == Decimal("50") and own.merged_from == ()
    assert own.previous_rank == 3 and own.rank == 2 and own.direction == "up"


def test_the_merged_unit_counts_among_those_that_fell(campaigns, organiser):
    summary = campaign_summary(services.take_final(organiser, campaigns))
    assert [u.code for u in summary.score_down.units] == ["M01"]
    assert summary.score_down.points == Decimal("2.95")
    assert [u.code for u in summary.rank_up.units] == ["X03"]  # M01 has no previous rank


def test_a_unit_without_history_has_no_previous(organiser, council, district, department):
    framework = points_set(district, department)
    (unit,) = communes(district, 1, prefix="N")
    campaign = approved_campaign(organiser, council, district, framework, {unit: "60"}, year=2022)
    (row,) = unit_rows(services.take_final(organiser, campaign))
    assert row.previous_index is None and row.direction is None
