"""A parent scores the exact sum of its children, clamped to its own [min, max]."""

from decimal import Decimal

from parindex.scoring import evaluate_unit, load_framework

from .documents import document, leaf, parent

YES = {"kind": "yes_no"}


def test_parents_are_exact_sums():
    fw = load_framework(
        document(
            parent(
                "1",
                "1.05",
                [
                    parent("1.1", "0.7", [leaf("1.1.1", "0.35", YES), leaf("1.1.2", "0.35", YES)]),
                    leaf("1.2", "0.35", YES),
                ],
            )
        )
    )
    inputs = {c: {"value": True} for c in ("1.1.1", "1.1.2", "1.2")}
    result = evaluate_unit(fw, inputs, language="en")
    # 0.35 + 0.35 + 0.35 = 1.05 exactly (floats would give 1.0499999…)
    assert result.node("1").points == Decimal("1.05")
    assert result.node("1.1").explanation == "sum of 1.1.1, 1.1.2: 0.35 + 0.35 = 0.7"


def test_a_parent_whose_children_can_exceed_it_is_limited_to_its_maximum():
    # Three ways to earn the point, any two suffice: children add to 1.5, the parent max is 1.
    fw = load_framework(
        document(parent("1", "1", [leaf(f"1.{i}", "0.5", YES) for i in (1, 2, 3)], max_gap="-0.5"))
    )
    result = evaluate_unit(fw, {f"1.{i}": {"value": True} for i in (1, 2, 3)}, language="en")
    assert result.node("1").points == 1
    assert result.node("1").explanation == (
        "sum of 1.1, 1.2, 1.3: 0.5 + 0.5 + 0.5 = 1.5, limited to the maximum 1"
    )


def test_a_parent_is_held_at_its_minimum():
    manual = {"kind": "manual"}
    fw = load_framework(
        document(
            parent(
                "1",
                "1",
                [
                    leaf("1.1", "1", manual),
                    parent("1.2", "0", [leaf("1.2.1", "0", manual, min="-2")], min="-1"),
                ],
            )
        )
    )
    result = evaluate_unit(fw, {"1.1": {"value": "1"}, "1.2.1": {"value": "-2"}})
    assert result.node("1.2").points == -1  # −2 held at the parent's minimum −1
    assert result.node("1").points == 0  # 1 + (−1)
