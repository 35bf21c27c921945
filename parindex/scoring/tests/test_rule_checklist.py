"""checklist: the sum of the ticked items' points, capped at the maximum."""

from decimal import Decimal

import pytest

from parindex.scoring import InputErrors

from .documents import score_leaf

# Domain §2: 0.1 for each of three conditions the plan meets.
PLAN_CONDITIONS = {
    "kind": "checklist",
    "items": [
        {"key": "goals", "label": "measurable goals", "points": "0.1"},
        {"key": "owners", "label": "named owners", "points": "0.1"},
        {"key": "budget", "label": "a budget", "points": "0.1"},
    ],
}


@pytest.mark.parametrize(
    ("ticked", "points"),
    [
        ([], "0"),
        (["goals"], "0.1"),
        (["goals", "budget"], "0.2"),
        (["goals", "owners", "budget"], "0.3"),
    ],
)
def test_points_add_up_per_ticked_item(ticked, points):
    assert score_leaf(PLAN_CONDITIONS, {"value": ticked}, maximum="0.3").points == Decimal(points)


def test_ticks_can_be_written_as_text():
    node = score_leaf(PLAN_CONDITIONS, {"value": "goals; budget"}, maximum="0.3", language="en")
    assert node.points == Decimal("0.2")
    assert node.explanation == "0.1 (measurable goals) + 0.1 (a budget) = 0.2 → 0.2"


def test_the_sum_is_capped_at_the_maximum():
    node = score_leaf(
        PLAN_CONDITIONS, {"value": ["goals", "owners", "budget"]}, maximum="0.25", language="en"
    )
    assert node.points == Decimal("0.25")
    assert node.explanation.endswith("= 0.3, capped at 0.25 → 0.25")


@pytest.mark.parametrize(
    ("ticked", "kind"),
    [(["goals", "goals"], "checklist.duplicate"), (["vision"], "checklist.unknown")],
)
def test_unknown_or_repeated_items_are_refused(ticked, kind):
    with pytest.raises(InputErrors) as raised:
        score_leaf(PLAN_CONDITIONS, {"value": ticked}, maximum="0.3")
    assert raised.value.errors[0].kind == kind
