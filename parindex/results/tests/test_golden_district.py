"""Seed 003's shape: 27 communes, 4/16/7 in groups B/C/D, a tie, three late, and last year.

The figures expected are worked out by hand from the totals below (the set's maximum is 100, so
a unit's index is its total); a second test checks every stored figure against the engine run
again over the snapshot's own inputs.
"""

from decimal import Decimal

import pytest

from parindex.assessments.criteria import criteria_for
from parindex.results import services
from parindex.results.summary import campaign_summary, unit_rows
from parindex.results.tests.campaigns import approved_campaign, communes, points_set
from parindex.scoring import Context, field_statistics, index_spread, score_units

# 2022 totals (= index), seed 003's order: B, then C (with a tie at 60), then D.
THIS_YEAR = [
    "77.14", "75", "72.5", "71",
    "68", "66", "65", "64", "63", "62", "61", "60", "60", "58", "57", "56", "55", "54", "52", "50",
    "49.99", "45", "42", "40", "35", "33", "30",
]  # fmt: skip
# 2021: X01 higher than now (fell), X02..X04 lower (rose), the rest the same but X27 (fell).
LAST_YEAR = ["80", "70", "70", "70", *THIS_YEAR[4:26], "31.64"]
LATE = (3, 20, 27)


@pytest.fixture
def units(district):
    return communes(district, 27)


@pytest.fixture
def framework(district, department):
    return points_set(district, department)


@pytest.fixture
def last_year(organiser, council, district, framework, units):
    campaign = approved_campaign(
        organiser, council, district, framework, dict(zip(units, LAST_YEAR, strict=True)), year=2021
    )
    return services.publish(organiser, campaign)


@pytest.fixture
def this_year(organiser, council, district, framework, units, last_year):
    late = [units[n - 1] for n in LATE]
    return approved_campaign(
        organiser,
        council,
        district,
        framework,
        dict(zip(units, THIS_YEAR, strict=True)),
        year=2022,
        late=late,
    )


def test_groups_shares_and_ties(this_year, organiser):
    summary = campaign_summary(services.take_final(organiser, this_year))
    groups = {group.label: group for group in summary.groups}
    assert [(g.label, g.count, g.share) for g in summary.groups] == [
        ("A", 0, Decimal("0.0")),
        ("B", 4, Decimal("14.8")),
        ("C", 16, Decimal("59.3")),
        ("D", 7, Decimal("25.9")),
    ]
    assert [u.code for u in groups["B"].units] == ["X01", "X02", "X03", "X04"]
    assert groups["D"].units[-1].name == "Xã Số 27"

    rows = unit_rows(services.latest_snapshot(this_year))
    ranks = {row.code: row.rank for row in rows}
    assert ranks["X12"] == ranks["X13"] == 12 and ranks["X14"] == 14
    assert [row.code for row in rows][:2] == ["X01", "X02"]


def test_the_overall_figures(this_year, organiser):
    summary = campaign_summary(services.take_final(organiser, this_year))
    total = sum(Decimal(value) for value in THIS_YEAR)
    assert summary.units == 27
    assert summary.average_index == (total / 27).quantize(Decimal("0.01"))  # 1521.63 / 27
    assert summary.average_index == Decimal("56.36")
    assert summary.index.highest == Decimal("77.14") and summary.index.lowest == Decimal("30")
    assert summary.index.gap == Decimal("47.14")
    assert [u.code for u in summary.index.highest_units] == ["X01"]
    assert summary.index.above_average == 15  # 77.14 … 57; 56 is below 56.3567
    # Last year: highest 80, lowest 31.64 → gap 48.36, narrowed by 1.22.
    assert summary.previous_gap == Decimal("48.36")
    assert summary.gap_change == Decimal("-1.22")
    assert summary.previous_year == 2021
    assert [u.code for u in summary.late] == ["X03", "X20", "X27"]
    assert all(late.submitted_at > this_year.submit_due for late in summary.late)


def test_rose_and_fell_against_last_year(this_year, organiser):
    summary = campaign_summary(services.take_final(organiser, this_year))
    assert summary.compared == 27
    assert [u.code for u in summary.score_up.units] == ["X02", "X03", "X04"]
    assert summary.score_up.points == Decimal("5") + Decimal("2.5") + Decimal("1")
    assert [u.code for u in summary.score_down.units] == ["X01", "X27"]
    assert summary.score_down.points == Decimal("2.86") + Decimal("1.64")
    assert len(summary.score_same.units) == 22
    # Last year X02..X04 tied at 70 (rank 2); now 2, 3, 4.
    assert [u.code for u in summary.rank_up.units] == []
    assert [u.code for u in summary.rank_down.units] == ["X03", "X04"]
    rows = {row.code: row for row in unit_rows(services.latest_snapshot(this_year))}
    assert rows["X04"].previous_rank == 2 and rows["X04"].rank_change == -2
    assert rows["X04"].direction == "down"
    assert rows["X02"].direction == "kept" and rows["X02"].score_change == Decimal("5")
    assert rows["X01"].previous_index == Decimal("80") and rows["X01"].previous_year == 2021


def test_every_stored_figure_is_the_engines(this_year, organiser):
    snapshot = services.take_final(organiser, this_year)
    framework = criteria_for(snapshot.framework).framework
    inputs = {row.unit.code: row.inputs for row in snapshot.units.select_related("unit")}
    engine = score_units(framework, inputs, Context(year=2022), strict=False)
    results = engine.results()
    summary = campaign_summary(snapshot)

    spread = index_spread(results)
    assert (summary.index.average, summary.index.gap) == (spread.average, spread.gap)
    assert summary.index.above_average == spread.above_average
    for stored, computed in zip(summary.fields, field_statistics(framework, results), strict=True):
        assert stored.code == computed.code
        assert stored.average == computed.spread.average
        assert stored.average_percent == computed.average_percent
        assert (stored.spread.highest, stored.spread.lowest) == (
            computed.spread.highest,
            computed.spread.lowest,
        )
        assert stored.spread.above_average == computed.spread.above_average
    assert [(s.label, s.count, s.share) for s in engine.shares] == [
        (g.label, g.count, g.share) for g in summary.groups
    ]
    by_code = {unit.code: unit for unit in engine.units}
    for row in unit_rows(snapshot):
        assert row.index == by_code[row.code].result.index_rounded
        assert row.rank == by_code[row.code].rank and row.group == by_code[row.code].group
