"""bands: the band that holds the value, with each bound inclusive or exclusive."""

from decimal import Decimal

import pytest

from parindex.scoring import InputErrors

from .documents import score_leaf

# ≥ 95% → 1; 80–<95% → 0.5; < 80% → 0 (min inclusive and max exclusive by default).
ON_TIME_SHARE = {
    "kind": "bands",
    "measure": "ratio",
    "percent": True,
    "bands": [
        {"min": "95", "max": "100", "max_inclusive": True, "points": "1"},
        {"min": "80", "max": "95", "points": "0.5"},
        {"max": "80", "points": "0"},
    ],
}


@pytest.mark.parametrize(
    ("ratio", "points"),
    [
        ("1/1", "1"),  # 100%: the top band includes its max
        ("19/20", "1"),  # exactly 95%: min inclusive
        ("949/1000", "0.5"),  # 94.9%
        ("4/5", "0.5"),  # exactly 80%: min inclusive
        ("799/1000", "0"),  # 79.9%
        ("0/7", "0"),
    ],
)
def test_each_bound_falls_in_the_band_that_includes_it(ratio, points):
    assert score_leaf(ON_TIME_SHARE, {"value": ratio}).points == Decimal(points)


def test_exclusive_minimum_moves_the_bound_to_the_band_below():
    # >80–100% → 1; 0–80% → 0: exactly 80% now belongs to the lower band.
    rule = {
        "kind": "bands",
        "measure": "ratio",
        "percent": True,
        "bands": [
            {
                "min": "80",
                "min_inclusive": False,
                "max": "100",
                "max_inclusive": True,
                "points": "1",
            },
            {"min": "0", "max": "80", "max_inclusive": True, "points": "0"},
        ],
    }
    assert score_leaf(rule, {"value": "80/100"}).points == 0
    assert score_leaf(rule, {"value": "801/1000"}).points == 1


def test_decimal_counts_use_exact_decimal_arithmetic():
    # 30.5 of 100 million budgeted: 30.5% is below 80%.
    assert score_leaf(ON_TIME_SHARE, {"value": "30.5/100"}).points == 0
    assert score_leaf(ON_TIME_SHARE, {"value": "95.0/100"}).points == 1


def test_explanation_shows_the_ratio_the_band_and_the_points():
    node = score_leaf(ON_TIME_SHARE, {"value": {"num": "574", "den": "596"}}, language="en")
    # 574 / 596 = 0.963087… → 96.31% (2 places, half up) → band ≥ 95.
    assert node.explanation == "574/596 = 96.31% → band 95–100% → 1"


def test_a_share_that_is_not_a_percent_is_shown_as_a_fraction():
    rule = {
        "kind": "bands",
        "measure": "ratio",
        "bands": [
            {"min": "0.3", "max": "1", "max_inclusive": True, "points": "1"},
            {"min": "0", "max": "0.3", "points": "0"},
        ],
    }
    node = score_leaf(rule, {"value": "3/10"}, language="en")
    assert (node.points, node.explanation) == (1, "3/10 = 0.3 → band 0.3–1 → 1")


# Seed 004: "≥ 2 reform initiatives → 1"; one initiative lost the point.
INITIATIVES = {
    "kind": "bands",
    "measure": "count",
    "bands": [{"min": "2", "points": "1"}, {"min": "0", "max": "2", "points": "0"}],
}


@pytest.mark.parametrize(("count", "points"), [("0", "0"), ("1", "0"), ("2", "1"), ("7", "1")])
def test_count_bands(count, points):
    assert score_leaf(INITIATIVES, {"value": count}).points == Decimal(points)


def test_a_count_must_be_a_whole_number():
    with pytest.raises(InputErrors) as raised:
        score_leaf(INITIATIVES, {"value": "1.5"})
    assert raised.value.errors[0].kind == "input.not_count"


def test_a_number_outside_every_band_is_an_input_error():
    rule = {
        "kind": "bands",
        "measure": "number",
        "bands": [{"min": "1", "max": "5", "max_inclusive": True, "points": "1"}],
    }
    with pytest.raises(InputErrors) as raised:
        score_leaf(rule, {"value": "6"})
    assert raised.value.errors[0].kind == "bands.outside"


@pytest.mark.parametrize(("zero_base", "points"), [("full", Decimal("1")), ("zero", Decimal(0))])
def test_zero_base_decides_a_zero_denominator(zero_base, points):
    node = score_leaf({**ON_TIME_SHARE, "zero_base": zero_base}, {"value": "0/0"}, language="en")
    assert node.points == points
    assert node.explanation.startswith("nothing to measure (0 denominator)")


def test_a_zero_denominator_without_zero_base_is_an_input_error():
    with pytest.raises(InputErrors) as raised:
        score_leaf(ON_TIME_SHARE, {"value": "0/0"})
    assert raised.value.errors[0].kind == "ratio.zero_denominator"
