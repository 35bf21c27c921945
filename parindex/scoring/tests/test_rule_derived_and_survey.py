"""derived (from another index) and survey (a share of the maximum, or bands)."""

from decimal import Decimal

import pytest

from parindex.scoring import InputErrors

from .documents import score_leaf

# Seed 000, 8.3: the district's criterion is the result of its communes' index (max 1.5).
COMMUNES_INDEX = {"kind": "derived", "source": "communes' average index"}


def test_derived_scales_the_maximum_by_the_percentage():
    node = score_leaf(COMMUNES_INDEX, {"value": "88.5"}, maximum="1.5", language="en")
    # 1.5 × 88.5 / 100 = 1.3275
    assert node.points == Decimal("1.3275")
    assert node.explanation == "communes' average index: 1.5 × 88.5% = 1.3275"


def test_derived_refuses_a_percentage_above_100():
    with pytest.raises(InputErrors) as raised:
        score_leaf(COMMUNES_INDEX, {"value": "101"}, maximum="1.5")
    assert raised.value.errors[0].kind == "input.not_percentage"


def test_survey_share_of_the_maximum():
    # 2 × 91.23% = 1.8246
    assert score_leaf({"kind": "survey"}, {"value": "91.23%"}, maximum="2").points == Decimal(
        "1.8246"
    )


def test_survey_share_from_answer_counts():
    # 456 satisfied of 500 answers = 91.2%; 2 × 0.912 = 1.824
    assert score_leaf({"kind": "survey"}, {"value": "456/500"}, maximum="2").points == Decimal(
        "1.824"
    )


def test_survey_by_bands():
    rule = {
        "kind": "survey",
        "bands": [
            {"min": "90", "max": "100", "max_inclusive": True, "points": "2"},
            {"min": "0", "max": "90", "points": "1"},
        ],
    }
    assert score_leaf(rule, {"value": "89.9"}, maximum="2").points == 1
    node = score_leaf(rule, {"value": "90"}, maximum="2", language="en")
    assert (node.points, node.explanation) == (2, "survey 90% → band 90–100% → 2")
