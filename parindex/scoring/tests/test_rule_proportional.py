"""proportional: max × min(1, ratio / target), and 0 under the floor."""

from decimal import Decimal

import pytest

from .documents import score_leaf


def test_seed_004_online_share_under_the_85_percent_target_loses_0_8042():
    # Criterion 7.3.2, max 1.5, target 85%; 3,943 of 10,000 dossiers online = 39.43%.
    # 1.5 × 39.43 / 85 = 59.145 / 85 = 0.695823… → 0.6958 (4 places, half up);
    # points lost = 1.5 − 0.6958 = 0.8042, as seed 004 reports.
    rule = {"kind": "proportional", "target": "85"}
    node = score_leaf(rule, {"value": "3943/10000"}, maximum="1.5", language="en")
    assert node.points == Decimal("0.6958")
    assert Decimal("1.5") - node.points == Decimal("0.8042")
    assert node.explanation == ("3943/10000 = 39.43% of target 85% → 1.5 × 39.43%/85% = 0.6958")


def test_seed_004_level_4_share_under_the_75_percent_target_loses_0_8255():
    # Criterion 7.3.3, max 1.5, target 75%; 1,349 of 4,000 = 33.725%.
    # 1.5 × 33.725 / 75 = 50.5875 / 75 = 0.6745 exactly; lost 1.5 − 0.6745 = 0.8255.
    rule = {"kind": "proportional", "target": "75"}
    node = score_leaf(rule, {"value": "1349/4000"}, maximum="1.5")
    assert Decimal("1.5") - node.points == Decimal("0.8255")


@pytest.mark.parametrize(
    ("ratio", "points"),
    [
        ("79/100", "0"),  # 79% is under the 80% floor
        ("80/100", "0.8"),  # at the floor: 1 × 80/100
        ("9/10", "0.9"),
        ("1/1", "1"),  # the target reached
    ],
)
def test_floor_and_target(ratio, points):
    # Domain §2: completion 80–100% → ratio × max; < 80% → 0.
    rule = {"kind": "proportional", "floor": "80", "target": "100"}
    assert score_leaf(rule, {"value": ratio}).points == Decimal(points)


def test_above_the_target_scores_the_maximum():
    rule = {"kind": "proportional", "target": "85"}
    node = score_leaf(rule, {"value": "9/10"}, maximum="1.5", language="en")
    assert node.points == Decimal("1.5")
    assert node.explanation == "9/10 = 90% ≥ target 85% → 1.5"


def test_under_the_floor_explains_why_it_is_zero():
    rule = {"kind": "proportional", "floor": "80"}
    assert (
        score_leaf(rule, {"value": "3/5"}, language="en").explanation == "3/5 = 60% < floor 80% → 0"
    )
