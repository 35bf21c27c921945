"""yes_no: `yes` points (default the maximum) or `no` points (default 0)."""

from decimal import Decimal

import pytest

from parindex.scoring import InputErrors

from .documents import score_leaf

PLAN_ISSUED = {"kind": "yes_no"}


@pytest.mark.parametrize("answer", [True, "true", "yes", "có", "Có", "1", 1])
def test_yes_scores_the_maximum_by_default(answer):
    node = score_leaf(PLAN_ISSUED, {"value": answer}, maximum="0.2", language="en")
    assert node.points == Decimal("0.2")
    assert node.explanation == "yes → 0.2"


@pytest.mark.parametrize("answer", [False, "false", "no", "không", "0", 0])
def test_no_scores_zero_by_default(answer):
    assert score_leaf(PLAN_ISSUED, {"value": answer}, maximum="0.2").points == 0


def test_configured_points_for_yes_and_no():
    rule = {"kind": "yes_no", "yes": "0.5", "no": "0.25"}
    assert score_leaf(rule, {"value": False}).points == Decimal("0.25")


def test_anything_else_is_an_input_error():
    with pytest.raises(InputErrors) as raised:
        score_leaf(PLAN_ISSUED, {"value": "maybe"})
    assert raised.value.errors[0].kind == "input.not_boolean"
