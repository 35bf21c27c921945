"""manual: the typed points, within [min, max] and on the step."""

import pytest

from parindex.scoring import InputErrors

from .documents import score_leaf

QUARTERS = {"kind": "manual", "step": "0.25"}


def test_typed_points_on_the_step_are_the_score():
    node = score_leaf(QUARTERS, {"value": "0.75"}, language="en")
    assert str(node.points) == "0.75"
    assert node.explanation == "entered 0.75"


@pytest.mark.parametrize("value", ["0", "1"])
def test_both_ends_of_the_range_are_allowed(value):
    assert str(score_leaf(QUARTERS, {"value": value}).points) == value


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("1.25", "manual.out_of_range"),
        ("-0.25", "manual.out_of_range"),
        ("0.3", "manual.step"),
        ("abc", "input.not_number"),
    ],
)
def test_values_off_the_range_or_step_are_refused(value, kind):
    with pytest.raises(InputErrors) as raised:
        score_leaf(QUARTERS, {"value": value})
    assert [error.kind for error in raised.value.errors] == [kind]
    assert raised.value.errors[0].code == "1.1"


def test_more_than_four_decimals_is_refused_without_a_step():
    with pytest.raises(InputErrors) as raised:
        score_leaf({"kind": "manual"}, {"value": "0.12345"})
    assert raised.value.errors[0].kind == "manual.too_precise"


def test_a_float_is_refused_because_it_is_not_exact():
    with pytest.raises(InputErrors) as raised:
        score_leaf({"kind": "manual"}, {"value": 0.5})
    assert raised.value.errors[0].kind == "input.float"


def test_a_penalty_item_takes_negative_points_within_its_minimum():
    node = score_leaf({"kind": "manual", "step": "0.5"}, {"value": "-0.5"}, maximum="0", min="-1")
    assert str(node.points) == "-0.5"
