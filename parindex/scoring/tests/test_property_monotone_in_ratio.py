"""Property: with non-decreasing bands, a higher ratio never scores less."""

from hypothesis import given, settings
from hypothesis import strategies as st

from parindex.scoring import evaluate_unit

from .documents import one_leaf_framework
from .strategies import MAXIMA, proportional_rules, ratio_bands, ratios


def points_for(framework, ratio):
    entry = {"1.1": {"value": f"{ratio[0]}/{ratio[1]}"}}
    return evaluate_unit(framework, entry).node("1.1").points


@st.composite
def ascending_bands(draw):
    maximum = draw(st.sampled_from(MAXIMA))
    return draw(ratio_bands(maximum, ascending=True)), maximum


@st.composite
def proportional(draw):
    return draw(proportional_rules()), draw(st.sampled_from(MAXIMA))


@settings(deadline=None)
@given(st.one_of(ascending_bands(), proportional()), ratios(), ratios())
def test_a_higher_ratio_never_scores_less(rule_and_maximum, first, second):
    rule, maximum = rule_and_maximum
    framework = one_leaf_framework(rule, maximum)
    # first ≤ second  ⟺  n1 × d2 ≤ n2 × d1 (exact, no division)
    low, high = (first, second) if first[0] * second[1] <= second[0] * first[1] else (second, first)
    assert points_for(framework, low) <= points_for(framework, high)
