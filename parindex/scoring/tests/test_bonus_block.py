"""A top-level bonus block adds its (capped) points to the base total, outside the maximum."""

from decimal import Decimal

from parindex.scoring import evaluate_unit, load_framework

from .documents import document, leaf, parent

MANUAL = {"kind": "manual"}


def bonus_framework():
    return load_framework(
        document(
            parent("1", "70", [leaf("1.1", "70", MANUAL)]),
            parent(
                "T",
                "10",
                [
                    leaf("T.1", "8", MANUAL),
                    leaf("T.2", "0", MANUAL, min="-10"),
                    leaf("T.3", "8", MANUAL),
                ],
                min="-10",
                bonus=True,
                max_gap="-6",
            ),
        )
    )


def test_bonus_points_are_added_to_the_base_total_but_not_the_maximum():
    inputs = {"1.1": {"value": "56"}, "T.1": {"value": "5"}, "T.2": {"value": "-2"}}
    result = evaluate_unit(bonus_framework(), inputs)
    # base 56, bonus 5 − 2 = 3, total 59 of 70 → 59 / 70 × 100 = 84.2857… → 84.29
    assert (result.base_total, result.bonus, result.total) == (56, 3, 59)
    assert result.maximum == 70
    assert result.index_rounded == Decimal("84.29")
    assert [field.code for field in result.field_scores()] == ["1"]


def test_the_bonus_block_is_capped_at_its_own_range():
    inputs = {"1.1": {"value": "70"}, "T.1": {"value": "8"}, "T.3": {"value": "8"}}
    result = evaluate_unit(bonus_framework(), inputs)
    assert result.bonus == 10  # 16, capped at 10
    # (70 + 10) / 70 × 100 = 114.2857… : with a bonus the index can pass 100.
    assert result.index_rounded == Decimal("114.29")


def test_penalties_can_take_the_bonus_below_zero():
    inputs = {"1.1": {"value": "35"}, "T.2": {"value": "-10"}}
    result = evaluate_unit(bonus_framework(), inputs)
    assert (result.bonus, result.total) == (-10, 25)
