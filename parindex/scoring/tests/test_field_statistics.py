"""Per-field statistics across units: average, against the maximum, highest, lowest, gap."""

from decimal import Decimal as D

from parindex.scoring import index_spread, load_framework, score_units

from .documents import document, leaf, parent

MANUAL = {"kind": "manual"}
FRAMEWORK = load_framework(
    document(
        parent("1", "13", [leaf("1.1", "13", MANUAL)]),
        parent("2", "7", [leaf("2.1", "4", MANUAL), leaf("2.2", "3", MANUAL, na="exclude")]),
    )
)


def campaign():
    return score_units(
        FRAMEWORK,
        {
            "a": {"1.1": {"value": "10"}, "2.1": {"value": "4"}, "2.2": {"value": "3"}},
            "b": {"1.1": {"value": "8"}, "2.1": {"value": "2"}, "2.2": {"na": True}},
            "c": {"1.1": {"value": "6"}, "2.1": {"value": "1"}, "2.2": {"value": "0"}},
        },
    )


def test_field_spread():
    first, _second = campaign().field_statistics()
    spread = first.spread
    # field 1: 10, 8, 6 → average 8; only a is above it; gap 10 − 6 = 4
    assert (first.code, first.maximum) == ("1", D(13))
    assert (spread.average, spread.highest, spread.lowest, spread.gap) == (8, 10, 6, 4)
    assert (spread.above_average, spread.highest_units, spread.lowest_units) == (1, ("a",), ("c",))
    # 24 of 3 × 13 = 39 points: 61.538…% → 61.54
    assert first.average_percent == D("61.54")


def test_average_against_the_maximum_counts_na_exclusions():
    _first, second = campaign().field_statistics()
    # field 2: a 7 of 7, b 2 of 4 (2.2 excluded), c 1 of 7 → 10 of 18 = 55.555…% → 55.56
    assert second.average_percent == D("55.56")
    # average 10 / 3 = 3.333… → 3.33; a (7) is above it, b (2) and c (1) are not
    assert (second.spread.average, second.spread.above_average) == (D("3.33"), 1)


def test_index_spread_uses_the_published_index():
    spread = index_spread(campaign().results())
    # a: 17/20 = 85.00; b: 10/17 = 58.8235… → 58.82; c: 7/20 = 35.00
    assert (spread.highest, spread.lowest, spread.gap) == (D("85.00"), D("35.00"), D("50.00"))
