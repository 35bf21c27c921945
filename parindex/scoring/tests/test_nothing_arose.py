"""`nothing_arose: full`: e.g. no complaints were received this year → full points."""

import pytest

from parindex.scoring import InputErrors

from .documents import score_leaf

COMPLAINTS = {
    "kind": "bands",
    "measure": "ratio",
    "percent": True,
    "nothing_arose": "full",
    "bands": [
        {"min": "100", "max": "100", "max_inclusive": True, "points": "0.5"},
        {"min": "0", "max": "100", "points": "0"},
    ],
}


def test_nothing_arose_scores_full_points():
    node = score_leaf(COMPLAINTS, {"nothing_arose": True}, maximum="0.5", language="en")
    assert (str(node.points), node.status) == ("0.5", "nothing_arose")
    assert node.explanation == "nothing arose → full 0.5"


def test_a_rule_without_it_refuses_the_claim():
    rule = {key: value for key, value in COMPLAINTS.items() if key != "nothing_arose"}
    with pytest.raises(InputErrors) as raised:
        score_leaf(rule, {"nothing_arose": True}, maximum="0.5")
    error = raised.value.errors[0]
    assert (error.input, error.kind) == ("nothing_arose", "nothing_arose.not_allowed")


def test_it_cannot_come_with_a_value():
    with pytest.raises(InputErrors) as raised:
        score_leaf(COMPLAINTS, {"nothing_arose": True, "value": "3/4"}, maximum="0.5")
    assert raised.value.errors[0].kind == "input.combined"


def test_false_is_the_same_as_not_claiming_it():
    node = score_leaf(COMPLAINTS, {"nothing_arose": False, "value": "3/4"}, maximum="0.5")
    assert (node.points, node.status) == (0, "scored")
