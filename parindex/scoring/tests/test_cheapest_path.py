"""The cheapest path to the next group: golden cases and brute force on small sets."""

from decimal import Decimal as D
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parindex.scoring import (
    GroupBand,
    cheapest_path,
    evaluate_unit,
    group_of,
    load_framework,
    lost_points,
    needed_total,
    what_if,
)

from .documents import document, leaf, parent
from .recovery_cases import BANDS, demo_result, small_units


def test_seed_000_to_group_a_takes_eight_criteria():
    result = demo_result()
    # 90.00 needs 62.9965 of 70 (62.9965 / 70 × 100 = 89.995 → 90.00): 7.7965 more points.
    assert needed_total(result, D(90)) == D("62.9965")
    path = cheapest_path(result, BANDS)
    assert path.found and path.band == BANDS[0]
    # Eight leaves are needed (the seven largest give 7.5); of those, 1.5 + six 1s + 0.5 = 8
    # is the least to win back, with the earliest 0.5 (1.2.3).
    assert [step.code for step in path.steps] == [
        "1.1.3", "1.2.3", "2.4", "5.6", "7.2.1", "7.3.1", "8.2", "8.3",
    ]  # fmt: skip
    assert path.recovered == D(8)
    assert (path.outcome.total, path.outcome.index_rounded, path.outcome.group) == (
        D("63.2"),
        D("90.29"),
        "A",
    )
    assert path.explain("en") == (
        "recover 8 criteria (1.1.3, 1.2.3, 2.4, 5.6, 7.2.1, 7.3.1, 8.2, 8.3) to reach group A: "
        "index 90.29"
    )


def test_seed_000_in_the_interim_without_year_end_items_cannot_reach_a():
    result = demo_result()
    recoverable = {i.code: i.recoverable for i in lost_points(result) if not i.year_end_only}
    path = cheapest_path(result, BANDS, recoverable)
    assert (path.found, path.reason, path.best_total) == (False, "unreachable", D("62.0"))
    assert path.explain("en") == (
        "recovering every recoverable point does not reach group A (needs a total of 62.9965, "
        "at most 62)"
    )
    # A lower target is in reach: B is already reached, so nothing to do.
    assert cheapest_path(result, BANDS, recoverable, target="B").steps == ()


def test_nothing_to_aim_for():
    result = demo_result()
    assert cheapest_path(result).reason == "no_bands"  # the district demo set has no groups
    top = (GroupBand("A", D(70)), GroupBand("B", D(0)))
    assert cheapest_path(result, top).reason == "top_group"
    assert cheapest_path(result, top).explain() == "Đơn vị đã ở nhóm cao nhất"
    framework = load_framework(
        document(parent("1", "1", [leaf("1.1", "1", {"kind": "manual"}, na="exclude")]))
    )
    assert cheapest_path(evaluate_unit(framework, {"1.1": {"na": True}}), BANDS).reason == (
        "no_index"
    )
    with pytest.raises(ValueError, match="no group 'Z'"):
        cheapest_path(result, BANDS, target="Z")


def test_a_capped_parent_makes_a_smaller_leaf_enough():
    # 1 is capped at 1.5 (max_gap −0.5): raising 1.2 by 1 adds only 0.5 to the total.
    manual = {"kind": "manual"}
    first = parent("1", "1.5", [leaf("1.1", "1", manual), leaf("1.2", "1", manual)], max_gap="-0.5")
    second = parent("2", "1", [leaf("2.1", "0.5", manual), leaf("2.2", "0.5", manual)])
    framework = load_framework(document(first, second))
    inputs = {"1.1": {"value": "1"}, "1.2": {"value": "0"}, "2.1": {"value": "0"}}
    inputs["2.2"] = {"value": "0"}
    result = evaluate_unit(framework, inputs)  # 1 of 2.5 = 40
    bands = (GroupBand("A", D(80)), GroupBand("B", D(60)), GroupBand("C", D(0)))
    # A (80) needs 2 of 2.5: 1.0 more. 1.2 recovers 1 but adds only 0.5 under the cap.
    path = cheapest_path(result, bands, target="A")
    assert [step.code for step in path.steps] == ["2.1", "2.2"]
    assert (path.recovered, path.outcome.index_rounded) == (D(1), D(80))


def _brute_force(result, bands):
    """Every subset of the leaves with recoverable points, scored by what_if (the engine)."""
    current = group_of(result.index, bands)
    labels = [band.label for band in bands]
    at = labels.index(current) if current is not None else len(bands)
    if at == 0:
        return "top_group", None
    band = bands[at - 1]
    items = sorted(
        (result.framework.node(item.code).position, item.code, item.recoverable)
        for item in lost_points(result)
        if item.recoverable > 0
    )
    for size in range(len(items) + 1):
        found = []
        for subset in combinations(items, size):
            points = {code: result.node(code).points + amount for _p, code, amount in subset}
            if what_if(result, points=points).index_rounded >= band.minimum:
                cost = sum((amount for _p, _c, amount in subset), D(0))
                found.append((cost, tuple(position for position, _c, _a in subset), subset))
        if found:
            return band, min(found)[2]
    return band, None


@settings(deadline=None, max_examples=150, derandomize=True)
# At most 10 leaves (the brute force tries up to 2**10 sets per example) and the same examples
# on every run: one random example with up to 12 leaves kept a suite run busy for over 40
# minutes (not yet explained: see the session note), so CI must not draw new ones each time.
@given(small_units(max_leaves=10), st.integers(1, 99), st.integers(1, 99))
def test_optimal_against_brute_force(case, first, second):
    result = evaluate_unit(load_framework(case[0]), case[1])
    high, low = max(first, second), min(first, second)
    bands = (GroupBand("A", D(high)), GroupBand("B", D(low)), GroupBand("C", D(-1000)))
    if result.index is None:
        assert cheapest_path(result, bands).reason == "no_index"
        return
    band, expected = _brute_force(result, bands)
    path = cheapest_path(result, bands)
    if band == "top_group":
        assert path.reason == "top_group"
        return
    assert path.band == band
    if expected is None:
        assert path.reason == "unreachable"
        return
    assert path.found and path.optimal  # 10 leaves stay within the search budget
    assert [step.code for step in path.steps] == [code for _p, code, _a in expected]
    assert path.outcome.index_rounded >= band.minimum
