"""Points lost per node: seed 000's interim self-scoring, recoverable points, shortfalls."""

from decimal import Decimal as D

from hypothesis import given, settings

from parindex.scoring import Status, best_points, evaluate_unit, load_framework, lost_points
from parindex.scoring.lost import SHORTFALL_PHRASES
from parindex.scoring.phrases import template_fields

from .documents import document, leaf, parent
from .recovery_cases import YEAR_END_ONLY, demo_result, small_units


def test_seed_000_interim_lost_points_add_up_to_maximum_minus_total():
    result = demo_result()
    assert (result.total, result.maximum, result.index_rounded) == (D("55.20"), 70, D("78.86"))
    items = lost_points(result)
    assert all(item.is_leaf for item in items)
    assert sum(item.lost for item in items) == result.maximum - result.total == D("14.80")
    # Items judged at year end are listed as pending, not lost, in an interim report.
    pending = {item.code for item in items if item.year_end_only}
    assert pending == YEAR_END_ONLY
    assert all(item.status is Status.MISSING for item in items if item.year_end_only)
    assert sum(item.lost for item in items if not item.year_end_only) == D("6.80")
    assert sum(item.pending for item in items) == D("8.00")


def test_seed_000_field_7_lost_3_25_under_vhtt():
    items = {item.code: item for item in lost_points(demo_result(), parents=True)}
    # Seed 000: field 7 scored 5.75 of 9 (its "2.25" is a slip; the items add to 3.25).
    assert (items["7"].points, items["7"].lost, items["7"].is_leaf) == (D("5.75"), D("3.25"), False)
    assert items["8"].lost == items["8"].pending == D(4)
    assert {items[code].department for code in ("7.1.1", "7.2.1", "7.3.1")} == {"VHTT"}
    # 7.1.1: the plan was issued late (seed 000): 0.25 lost.
    assert (items["7.1.1"].lost, items["7.1.1"].recoverable) == (D("0.25"), D("0.25"))
    assert items["3.5.1"].lost == D("0.05")


def test_sorted_by_recoverable_points_then_code():
    items = lost_points(demo_result())
    keys = [(-item.recoverable, tuple(map(int, item.code.split(".")))) for item in items]
    assert keys == sorted(keys)
    assert items[0].code == "8.3"  # 1.5 points, the largest
    assert [item.code for item in items if item.recoverable == 1][:3] == ["1.1.3", "2.4", "5.6"]


def test_shortfall_in_both_languages():
    en = {item.code: item.shortfall for item in lost_points(demo_result(), "en")}
    vi = {item.code: item.shortfall for item in lost_points(demo_result())}
    assert en["7.2.1"] == "37/301 = 12.29% → band 0–<30% → 0; 1 needs band 50–100%"
    assert vi["7.2.1"] == "37/301 = 12,29% → mức 0–<30% → 0; cần đạt mức 50–100% để có 1"
    assert en["6.2.6"] == "0 → band 0–<1 → 0; 0.25 needs band ≥ 1"
    assert en["6.6.2"] == "no → 0; 0.5 needs a yes"
    assert en["7.1.1"].endswith("→ 0; 0.25 needs it by 2025-01-31")
    assert vi["7.1.1"].endswith("→ 0; cần hoàn thành trước 31/01/2025 để có 0,25")
    assert en["7.3.3"] == "38/489 = 7.77% < floor 20% → 0; 0.5 needs the target 75%"
    assert en["1.6.2"].endswith("→ 0; 0.5 needs no deductions")
    assert en["8.3"] == "not answered (judged at year end)"
    assert vi["8.3"] == "Chưa trả lời (đánh giá cuối năm)"


def test_shortfall_phrases_take_the_same_fields_in_both_languages():
    for key, texts in SHORTFALL_PHRASES.items():
        assert set(texts) == {"vi", "en"}, key
        assert template_fields(texts["vi"]) == template_fields(texts["en"]), key


def test_checklist_shortfall_names_the_missing_items():
    rule = {
        "kind": "checklist",
        "items": [
            {"key": "a", "label": "plan", "points": "0.25"},
            {"key": "b", "label": "report", "points": "0.25"},
        ],
    }
    framework = load_framework(document(parent("1", "0.5", [leaf("1.1", "0.5", rule)])))
    result = evaluate_unit(framework, {"1.1": {"value": ["a"]}}, language="en")
    (item,) = lost_points(result)
    assert item.shortfall == "0.25 (plan) = 0.25 → 0.25; missing: report"


def test_recoverable_is_what_the_rule_can_still_give():
    # A deduction starting at 0.75 on a 1-point item: 0.25 lost for good, 0.5 recoverable.
    rule = {"kind": "deductions", "start": "0.75", "events": [{"key": "late", "each": "0.25"}]}
    framework = load_framework(document(parent("1", "1", [leaf("1.1", "1", rule)])))
    result = evaluate_unit(framework, {"1.1": {"value": {"late": "1"}}})
    (item,) = lost_points(result)
    assert (item.points, item.lost, item.recoverable, item.gain) == (
        D("0.5"),
        D("0.5"),
        D("0.25"),
        D("0.25"),
    )
    assert best_points(framework.node("1.1").rule) == D("0.75")


def test_under_a_capped_parent_the_gain_is_smaller_than_the_recoverable_points():
    manual = {"kind": "manual"}
    children = [leaf("1.1", "1", manual), leaf("1.2", "1", manual)]
    framework = load_framework(document(parent("1", "1.5", children, max_gap="-0.5")))
    result = evaluate_unit(framework, {"1.1": {"value": "1"}, "1.2": {"value": "0"}})
    items = {item.code: item for item in lost_points(result, parents=True)}
    assert (items["1.2"].recoverable, items["1.2"].gain) == (D(1), D("0.5"))
    assert (items["1"].lost, items["1"].recoverable) == (D("0.5"), D("0.5"))


def test_not_applicable_and_nothing_arose_lose_nothing():
    manual = {"kind": "manual"}
    framework = load_framework(
        document(
            parent(
                "1",
                "2",
                [
                    leaf("1.1", "1", manual, na="exclude"),
                    leaf("1.2", "1", {"kind": "yes_no", "nothing_arose": "full"}, na="full"),
                ],
            )
        )
    )
    for entry in ({"na": True}, {"nothing_arose": True}):
        result = evaluate_unit(framework, {"1.1": {"na": True}, "1.2": entry})
        assert lost_points(result, parents=True) == ()


@settings(deadline=None, max_examples=60)
@given(small_units())
def test_leaf_losses_are_within_the_lost_maximum(case):
    result = evaluate_unit(load_framework(case[0]), case[1])
    items = lost_points(result, parents=True)
    for item in items:
        assert D(0) < item.lost == item.maximum - item.points
        assert D(0) <= item.recoverable <= item.lost or not item.is_leaf
        assert D(0) <= item.gain <= item.recoverable
    by_code = {item.code: item for item in items}
    for node in result.framework.fields:
        if node.code in by_code:  # a field without caps loses what its leaves lose
            assert by_code[node.code].lost == result.maxima[node.position] - result.points_at(
                node.position
            )
