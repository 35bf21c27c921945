"""Missing inputs score 0 and keep the maximum; N/A scores full or leaves the maximum."""

from decimal import Decimal

import pytest

from parindex.scoring import InputErrors, evaluate_unit, load_framework

from .documents import document, leaf, parent

YES = {"kind": "yes_no"}


def framework(na: str | None):
    extra = {"na": na} if na else {}
    return load_framework(
        document(
            parent("1", "3", [leaf("1.1", "1", YES), leaf("1.2", "2", YES, **extra)]),
            parent("2", "1", [leaf("2.1", "1", YES)]),
        )
    )


def test_a_missing_input_scores_zero_and_keeps_the_maximum():
    inputs = {"1.1": {"value": True}, "2.1": {"value": True}}
    result = evaluate_unit(framework(None), inputs, language="en")
    node = result.node("1.2")
    assert (node.points, node.status, node.explanation) == (0, "missing", "not answered")
    assert result.node("1").status == "partial"
    # 1 + 0 + 1 of 4
    assert (result.total, result.maximum, result.index) == (2, 4, 50)


def test_na_full_scores_the_maximum():
    inputs = {"1.1": {"value": True}, "1.2": {"na": True}, "2.1": {"value": False}}
    result = evaluate_unit(framework("full"), inputs, language="en")
    node = result.node("1.2")
    assert (node.points, node.status, node.explanation) == (2, "na", "not applicable → full 2")
    assert (result.total, result.maximum) == (3, 4)


def test_na_exclude_removes_the_maximum_from_the_node_its_parents_and_the_unit():
    inputs = {"1.1": {"value": True}, "1.2": {"na": True}, "2.1": {"value": True}}
    result = evaluate_unit(framework("exclude"), inputs, language="en")
    assert (result.node("1.2").points, result.node("1.2").maximum) == (0, 0)
    assert (result.node("1").points, result.node("1").maximum) == (1, 1)
    # 2 of the remaining 2 points: the index is 100, not 50.
    assert (result.total, result.maximum, result.index) == (2, 2, 100)
    assert result.node("1").explanation == "sum of 1.1, 1.2: 1 + 0 = 1 (maximum 1 after N/A)"


def test_na_is_refused_where_the_node_does_not_allow_it():
    with pytest.raises(InputErrors) as raised:
        evaluate_unit(framework(None), {"1.2": {"na": True}})
    assert raised.value.errors[0].kind == "na.not_allowed"


def test_zero_base_na_makes_a_ratio_with_nothing_to_measure_not_applicable():
    rule = {
        "kind": "bands",
        "measure": "ratio",
        "percent": True,
        "zero_base": "na",
        "bands": [{"min": "0", "max": "100", "max_inclusive": True, "points": "1"}],
    }
    fw = load_framework(
        document(parent("1", "2", [leaf("1.1", "1", YES), leaf("1.2", "1", rule, na="exclude")]))
    )
    result = evaluate_unit(fw, {"1.1": {"value": True}, "1.2": {"value": "0/0"}}, language="en")
    assert result.node("1.2").status == "na"
    assert result.node("1.2").explanation == "0/0: nothing to measure → left out of the maximum"
    assert (result.total, result.maximum) == (1, 1)


def test_year_end_only_nodes_are_flagged():
    fw = load_framework(document(parent("1", "1", [leaf("1.1", "1", YES, year_end_only=True)])))
    result = evaluate_unit(fw, {})
    assert result.year_end_only() == ("1.1",)
    assert result.node("1.1").year_end_only is True
    assert result.maximum == Decimal(1)
