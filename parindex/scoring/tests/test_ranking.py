"""Competition ranking on the published (2-decimal) index."""

from decimal import Decimal as D

from parindex.scoring import rank


def test_ties_share_a_rank_and_the_next_rank_skips():
    assert rank([D("80"), D("90"), D("80"), D("70")]) == [2, 1, 2, 4]


def test_units_equal_once_rounded_share_a_rank():
    # 78.864 and 78.855 are both published as 78.86 (half up): one rank, not two.
    assert rank([D("78.864"), D("78.855"), D("78.85")]) == [1, 1, 3]


def test_units_without_an_index_are_not_ranked():
    assert rank([D("50"), None, D("60")]) == [2, None, 1]


def test_nothing_to_rank():
    assert rank([]) == []
