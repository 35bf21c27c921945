"""Groups from configurable bands, and each group's share of the units."""

from decimal import Decimal as D

import pytest

from parindex.scoring import GroupBand, group_of, group_shares

# Seed 003: A ≥ 90, B 70–<90, C 50–<70, D < 50.
SEED_003 = [
    GroupBand("A", D(90)),
    GroupBand("B", D(70)),
    GroupBand("C", D(50)),
    GroupBand("D", D(0)),
]
# Another province's scheme with other cut-offs.
FIVE_LEVELS = [
    GroupBand("Xuất sắc", D(90)),
    GroupBand("Tốt", D(80)),
    GroupBand("Khá", D(65)),
    GroupBand("Trung bình", D(50)),
    GroupBand("Yếu", D(0)),
]


@pytest.mark.parametrize(
    ("index", "group"),
    [
        ("90", "A"),
        ("89.99", "B"),
        ("89.995", "A"),  # published as 90.00, so it is grouped as 90
        ("70", "B"),
        ("69.99", "C"),
        ("50", "C"),
        ("49.99", "D"),
        ("0", "D"),
    ],
)
def test_seed_003_groups(index, group):
    assert group_of(D(index), SEED_003) == group


def test_other_labels_and_cut_offs():
    assert [group_of(D(x), FIVE_LEVELS) for x in ("95", "80", "79.99", "50", "12")] == [
        "Xuất sắc",
        "Tốt",
        "Khá",
        "Trung bình",
        "Yếu",
    ]


def test_no_index_or_below_every_band_is_no_group():
    assert group_of(None, SEED_003) is None
    assert group_of(D("40"), SEED_003[:3]) is None


def test_seed_003_shares_of_27_communes():
    # 4 in B, 16 in C, 7 in D: 4/27 = 14.81…%, 16/27 = 59.25…%, 7/27 = 25.92…% (1 place, half up)
    groups = ["B"] * 4 + ["C"] * 16 + ["D"] * 7
    shares = group_shares(groups, SEED_003)
    assert [(s.label, s.count, s.share) for s in shares] == [
        ("A", 0, D("0.0")),
        ("B", 4, D("14.8")),
        ("C", 16, D("59.3")),
        ("D", 7, D("25.9")),
    ]


def test_shares_of_no_units():
    assert [s.share for s in group_shares([], SEED_003)] == [D(0)] * 4
