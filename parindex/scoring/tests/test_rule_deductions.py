"""deductions: start − Σ count × each, not below the floor; some events send it to the floor."""

from decimal import Decimal

import pytest

from parindex.scoring import InputErrors, validate_framework

from .documents import document, leaf, parent, score_leaf

# Domain §2: −0.25 per late report, −0.5 per missing one, floor 0.
REPORTS = {
    "kind": "deductions",
    "events": [
        {"key": "late", "label": "late report", "each": "0.25"},
        {"key": "missing", "label": "missing report", "each": "0.5"},
        {"key": "reprimand", "label": "reprimand from the province", "zeroes": True},
    ],
}


@pytest.mark.parametrize(
    ("counts", "points"),
    [
        ({}, "1"),
        ({"late": "1"}, "0.75"),  # 1 − 0.25
        ({"late": "2", "missing": "0"}, "0.5"),  # 1 − 2 × 0.25
        ({"late": "2", "missing": "1"}, "0"),  # 1 − 0.5 − 0.5
        ({"late": "3", "missing": "1"}, "0"),  # 1 − 0.75 − 0.5 = −0.25 → floor 0
        ({"late": "1", "reprimand": "1"}, "0"),  # a reprimand sends it to the floor
    ],
)
def test_deductions_and_floor(counts, points):
    assert score_leaf(REPORTS, {"value": counts}).points == Decimal(points)


def test_events_can_be_written_as_text():
    assert score_leaf(REPORTS, {"value": "late=2; missing=1"}).points == 0


def test_explanation_lists_each_deduction_and_the_floor():
    node = score_leaf(REPORTS, {"value": {"late": "3", "missing": "1"}}, language="en")
    assert node.explanation == (
        "1 − 3 × 0.25 (late report) − 1 × 0.5 (missing report) = -0.25, floor 0 → 0"
    )
    assert score_leaf(REPORTS, {"value": {}}, language="en").explanation == "no deductions → 1"
    zeroed = score_leaf(REPORTS, {"value": {"reprimand": "1"}}, language="en")
    assert zeroed.explanation == "reprimand from the province → 0"


def test_an_event_counted_once_however_often_it_happened():
    # Seed 004, 5.4.3: any staff disciplined loses 1.5 (here out of 2, to see it is once).
    rule = {"kind": "deductions", "events": [{"key": "disciplined", "each": "1.5", "once": True}]}
    assert score_leaf(rule, {"value": {"disciplined": "3"}}, maximum="2").points == Decimal("0.5")


def test_a_negative_item_goes_below_zero_down_to_its_floor():
    # A set that gives −1 for having no plan at all: node min −1, floor −1.
    rule = {
        "kind": "deductions",
        "floor": "-1",
        "events": [{"key": "no_plan", "label": "no plan", "each": "2"}],
    }
    node = score_leaf(rule, {"value": {"no_plan": "1"}}, maximum="1", min="-1")
    assert node.points == Decimal("-1")  # 1 − 2 = −1, exactly the floor


def test_unknown_events_are_refused():
    with pytest.raises(InputErrors) as raised:
        score_leaf(REPORTS, {"value": {"lost": "1"}})
    assert raised.value.errors[0].kind == "deductions.unknown"


@pytest.mark.parametrize(
    ("change", "kind"),
    [
        ({"floor": "-0.5"}, "points.out_of_range"),  # below the node's minimum 0
        ({"start": "0.5", "floor": "0.75"}, "deductions.floor"),
        ({"events": [{"key": "x", "each": "0.25", "zeroes": True}]}, "deductions.each"),
        ({"events": [{"key": "x", "each": "-0.25"}]}, "deductions.each"),
        (
            {"events": [{"key": "x", "each": "0.25"}, {"key": "x", "each": "0.5"}]},
            "deductions.duplicate_key",
        ),
    ],
)
def test_config_mistakes(change, kind):
    issues = validate_framework(
        document(parent("1", "1", [leaf("1.1", "1", {**REPORTS, **change})]))
    )
    assert kind in [issue.kind for issue in issues]
