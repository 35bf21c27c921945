"""Per criterion: average points, units and share that lost points, points lost, the responsible
department; and one unit's scorecard — all worked out by hand for three communes."""

from decimal import Decimal

import pytest
from django.utils import translation

from parindex.results import services
from parindex.results.summary import criterion_losses, unit_scorecard
from parindex.results.tests.campaigns import approved_campaign, communes, points_set


@pytest.fixture
def snapshot(organiser, council, district, department):
    framework = points_set(district, department)
    a, b, c = communes(district, 3)
    totals = {
        a: "100",
        b: {"1.1": {"value": "30"}, "1.2": {"value": "20"}, "2.1": {"na": True}},
        c: {"1.1": {"value": "10"}, "1.2": {"value": "5"}, "2.1": {"value": "20"}},
    }
    campaign = approved_campaign(organiser, council, district, framework, totals, year=2022)
    return services.take_final(organiser, campaign)


def test_losses_per_criterion_most_lost_first(snapshot):
    losses = criterion_losses(snapshot)
    assert [(x.code, x.lost_total, x.lost_units, x.lost_share) for x in losses] == [
        ("1", Decimal("55"), 2, Decimal("66.7")),
        ("1.1", Decimal("40"), 2, Decimal("66.7")),
        ("2", Decimal("20"), 1, Decimal("33.3")),
        ("2.1", Decimal("20"), 1, Decimal("33.3")),  # B's N/A costs nothing
        ("1.2", Decimal("15"), 1, Decimal("33.3")),
    ]
    by_code = {loss.code: loss for loss in losses}
    assert by_code["1"].average == Decimal("41.67")
    assert by_code["2.1"].average == Decimal("20.00")
    assert by_code["1.1"].department_name == "Phòng Nội vụ"
    assert by_code["1.2"].department_code == ""


def test_a_units_scorecard(snapshot):
    unit = snapshot.units.get(unit__code="X02").unit
    card = unit_scorecard(snapshot, unit)
    assert card.unit.index == Decimal("83.33")  # 50 of 60: 2.1 does not apply
    fields = {f.code: f for f in card.fields}
    assert (fields["1"].points, fields["1"].maximum) == (Decimal("50"), Decimal("60"))
    assert (fields["1"].average, fields["1"].best) == (Decimal("41.67"), Decimal("60"))
    assert fields["2"].maximum == Decimal("0")
    nodes = {n.code: n for n in card.nodes}
    assert nodes["1.1"].lost == Decimal("10") and nodes["1.1"].self_points == Decimal("30")
    assert nodes["1.1"].department_name == "Phòng Nội vụ"
    assert nodes["2.1"].status == "na" and nodes["2.1"].lost == Decimal("0")
    assert nodes["1"].self_points is None and not nodes["1"].is_leaf


def test_explanations_follow_the_active_language(snapshot):
    unit = snapshot.units.get(unit__code="X03").unit
    with translation.override("vi"):
        vietnamese = {n.code: n.explanation for n in unit_scorecard(snapshot, unit).nodes}
    with translation.override("en"):
        english = {n.code: n.explanation for n in unit_scorecard(snapshot, unit).nodes}
    assert vietnamese["1"] != english["1"]
    assert "sum" in english["1"].lower()
