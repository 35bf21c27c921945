"""What-if: new total, index, group and rank from target points or replacement inputs."""

import copy
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parindex.scoring import (
    InputErrors,
    WhatIfError,
    evaluate_unit,
    load_framework,
    score_units,
    what_if,
)

from .documents import document, leaf, parent
from .recovery_cases import BANDS, demo_document, demo_inputs, demo_result, small_units


def _snapshot(result):
    return (
        result.points,
        tuple(result.maxima),
        result.total,
        result.maximum,
        result.index,
        dict(result.statuses),
        list(result.inputs.values),
        dict(result.inputs.specials),
    )


def test_no_overrides_is_the_original():
    result = demo_result()
    outcome = what_if(result, bands=BANDS)
    assert (outcome.total, outcome.maximum, outcome.index) == (
        result.total,
        result.maximum,
        result.index,
    )
    assert outcome.points == result.points
    assert (outcome.index_rounded, outcome.group, outcome.rank, outcome.changes) == (
        D("78.86"),
        "B",
        1,
        (),
    )


def test_seed_000_recovering_7_2_1_and_7_3_1():
    # Seed 004's question: "if we recover these criteria, where do we stand?"
    result = demo_result()
    before = _snapshot(result)
    others = [D("80.50"), D("79.90"), D("78.86"), None]
    outcome = what_if(result, points={"7.2.1": "1", "7.3.1": D(1)}, others=others, bands=BANDS)
    assert (outcome.total, outcome.maximum) == (D("57.20"), 70)
    assert outcome.index_rounded == D("81.71")  # 57.2 / 70 × 100 = 81.714…
    assert (outcome.group, outcome.rank) == ("B", 1)
    assert [(c.code, c.before, c.after) for c in outcome.changes] == [
        ("7", D("5.75"), D("7.75")),
        ("7.2", D(1), D(2)),
        ("7.2.1", D(0), D(1)),
        ("7.3", D(0), D(1)),
        ("7.3.1", D(0), D(1)),
    ]
    fields = {field.code: field.points for field in outcome.field_scores}
    assert fields["7"] == D("7.75")
    alone = what_if(result, points={"7.2.1": "1"}, others=others)
    assert (alone.index_rounded, alone.rank) == (D("80.29"), 2)  # 56.2 / 70 × 100
    assert _snapshot(result) == before


def test_replacement_inputs_are_scored_by_the_rule():
    result = demo_result()
    # 37/301 → 160/301 = 53.16%: band 50–100% → 1
    outcome = what_if(result, inputs={"7.2.1": {"value": "160/301"}})
    assert outcome.total == result.total + 1
    # 5.4.2: no one disciplined → 0.5 back; 1.1.3 answered at year end: 100% → 1
    outcome = what_if(
        result, inputs={"5.4.2": {"value": {"ky_luat": "0"}}, "1.1.3": {"value": "10/10"}}
    )
    assert outcome.total == result.total + D("1.5")


def test_not_applicable_input_lowers_the_maximum():
    manual = {"kind": "manual"}
    children = [leaf("1.1", "1", manual, na="exclude"), leaf("1.2", "1", manual)]
    framework = load_framework(document(parent("1", "2", children)))
    result = evaluate_unit(framework, {"1.1": {"value": "0"}, "1.2": {"value": "1"}})
    outcome = what_if(result, inputs={"1.1": {"na": True}})
    assert (outcome.total, outcome.maximum, outcome.index) == (D(1), D(1), D(100))
    with pytest.raises(WhatIfError, match="not applicable"):
        what_if(evaluate_unit(framework, {"1.1": {"na": True}}), points={"1.1": "1"})


@pytest.mark.parametrize(
    ("points", "message"),
    [
        ({"7.2.1": "1.5"}, "7.2.1: 1.5 is above the maximum 1"),
        ({"7.2.1": "-0.5"}, "7.2.1: -0.5 is below the minimum 0"),
        ({"7.2.1": 0.5}, "must be a Decimal, int or text"),
        ({"7.2.1": True}, "must be a Decimal, int or text"),
        ({"7.2.1": "0.12345"}, "at most 4 decimals"),
        ({"7.2.1": "abc"}, "is not a number"),
        ({"7.2": "1"}, "7.2: target points are given for leaves only"),
        ({"9.9": "1"}, "9.9: target points are given for leaves only"),
    ],
)
def test_targets_outside_the_leaf_are_refused(points, message):
    with pytest.raises(WhatIfError, match=message.replace(".", r"\.").replace("-", r"\-")):
        what_if(demo_result(), points=points)


def test_bad_inputs_and_both_kinds_are_refused():
    result = demo_result()
    with pytest.raises(InputErrors):
        what_if(result, inputs={"7.2.1": {"value": "400/301"}})
    with pytest.raises(WhatIfError, match="not both"):
        what_if(result, points={"7.2.1": "1"}, inputs={"7.2.1": {"value": "1/1"}})
    with pytest.raises(WhatIfError, match="leaves only"):
        what_if(result, inputs={"7.2": {"value": "1/1"}})


def test_a_unit_scored_in_a_campaign_keeps_its_neighbours():
    framework = load_framework(demo_document())
    other = copy.deepcopy(demo_inputs())
    other["7.2.1"] = {"value": "300/301"}
    campaign = score_units(framework, {"a": demo_inputs(), "b": other})
    results = {unit.code: unit.result for unit in campaign.ranked()}
    second = results["b"]
    first_points = results["a"].points
    outcome = what_if(second, points={"7.3.1": "1"})
    assert outcome.total == second.total + 1
    assert results["a"].points == first_points
    assert second.points_at(framework.node("7.3.1").position) == 0


@settings(deadline=None, max_examples=80)
@given(small_units(), st.data())
def test_target_points_score_like_those_inputs_and_never_change_the_original(case, data):
    document_, inputs = case
    framework = load_framework(document_)
    result = evaluate_unit(framework, inputs)
    before = _snapshot(result)
    assert what_if(result).points == result.points
    leaves = [node for node in framework.leaves if inputs.get(node.code) != {"na": True}]
    chosen = data.draw(st.lists(st.sampled_from(leaves), unique=True)) if leaves else []
    targets = {
        node.code: str(D(data.draw(st.integers(int(node.minimum * 4), int(node.maximum * 4)))) / 4)
        for node in chosen
    }
    outcome = what_if(result, points=targets)
    changed = {**inputs, **{code: {"value": value} for code, value in targets.items()}}
    expected = evaluate_unit(framework, changed)
    assert outcome.points == expected.points
    assert (outcome.total, outcome.maximum, outcome.index) == (
        expected.total,
        expected.maximum,
        expected.index,
    )
    # The same targets given as inputs: the same outcome.
    by_inputs = what_if(result, inputs={code: {"value": v} for code, v in targets.items()})
    assert by_inputs.points == outcome.points
    assert _snapshot(result) == before
