"""Property: the fast integer paths give exactly what exact rational arithmetic gives.

Ratio bands have three ways to find a band (a whole-percent table, integer cross-multiplication,
Decimal division) and proportional has an integer fast path; each must agree with a reference
computed here with fractions.Fraction, straight from the band definitions."""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from parindex.scoring import Context

from .documents import one_leaf_framework
from .strategies import ratios

# Whole-percent cut points use the table; cut points with 2 decimals force the other paths.
cut_points = st.one_of(
    st.sets(st.integers(1, 99), max_size=4).map(lambda cuts: [Decimal(c) for c in cuts]),
    st.sets(st.integers(1, 9999), max_size=4).map(lambda cuts: [Decimal(c) / 100 for c in cuts]),
)


def band_points_by_fraction(bands: list[dict], value: Fraction) -> Decimal:
    for band in bands:
        low, high = Fraction(band["min"]), Fraction(band["max"])
        above_low = value > low or (value == low and band.get("min_inclusive", True))
        below_high = value < high or (value == high and band.get("max_inclusive", False))
        if above_low and below_high:
            return Decimal(band["points"])
    raise AssertionError("the bands leave a gap")


@settings(deadline=None)
@given(cut_points, st.data(), st.lists(ratios(), min_size=1, max_size=20), st.booleans())
def test_ratio_bands_match_exact_fractions(cuts, data, values, percent):
    bounds = [Decimal(0), *sorted(cuts), Decimal(100)]
    inclusive_low = data.draw(st.lists(st.booleans(), min_size=len(bounds), max_size=len(bounds)))
    bands = []
    for number, (low, high) in enumerate(pairwise(bounds)):
        scale = 1 if percent else 100
        low_in = number == 0 or inclusive_low[number]
        bands.append(
            {
                "min": str(low / scale),
                "max": str(high / scale),
                "min_inclusive": low_in,
                "max_inclusive": high == 100 or not inclusive_low[number + 1],
                "points": str(Decimal(data.draw(st.integers(0, 100))) / 100),
            }
        )
    rule_config = {"kind": "bands", "measure": "ratio", "percent": percent, "bands": bands}
    rule = one_leaf_framework(rule_config).by_code["1.1"].rule
    as_decimals = [(Decimal(n), Decimal(d)) for n, d in values]
    expected = [
        band_points_by_fraction(bands, Fraction(n * (100 if percent else 1), d)) for n, d in values
    ]
    assert rule.points_column(values, Context(2022)) == expected  # int paths
    assert rule.points_column(as_decimals, Context(2022)) == expected  # Decimal path


@settings(deadline=None)
@given(
    st.integers(1, 100).flatmap(lambda target: st.tuples(st.integers(0, target), st.just(target))),
    st.sampled_from(["0.25", "0.75", "1", "1.5", "2.3333"]),
    st.lists(ratios(), min_size=1, max_size=20),
)
def test_proportional_matches_exact_fractions(floor_and_target, maximum, values):
    floor, target = floor_and_target
    rule = (
        one_leaf_framework(
            {"kind": "proportional", "floor": str(floor), "target": str(target)}, maximum
        )
        .by_code["1.1"]
        .rule
    )
    expected = []
    for n, d in values:
        percent = Fraction(100 * n, d)
        if percent < floor:
            expected.append(Decimal(0))
        elif percent >= target:
            expected.append(Decimal(maximum))
        else:
            exact = Fraction(maximum) * percent / target
            # half up to 4 places, from the exact fraction
            scaled = exact * 10000
            whole = scaled.numerator // scaled.denominator
            if scaled - whole >= Fraction(1, 2):
                whole += 1
            expected.append(Decimal(whole) / 10000)
    assert rule.points_column(values, Context(2022)) == expected
    as_decimals = [(Decimal(n), Decimal(d)) for n, d in values]
    assert rule.points_column(as_decimals, Context(2022)) == expected
    assert [Decimal(e).quantize(Decimal("0.0001"), ROUND_HALF_UP) for e in expected] == expected
