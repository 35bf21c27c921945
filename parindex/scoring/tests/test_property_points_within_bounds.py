"""Property: whatever the config and input, a bounded rule's points stay within [min, max]."""

from decimal import Decimal

from hypothesis import given, settings

from .documents import score_leaf
from .strategies import bounded_cases


@settings(deadline=None)
@given(bounded_cases())
def test_points_stay_within_the_nodes_range(case):
    rule, maximum, minimum, entry = case
    node = score_leaf(rule, entry, maximum=maximum, min=minimum)
    assert Decimal(minimum) <= node.points <= Decimal(maximum)
    # every node can say how it got its points, in each language
    assert node.explanation
    assert node.explain("en")
