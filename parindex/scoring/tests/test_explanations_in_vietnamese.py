"""Explanations in Vietnamese, the default: every rule kind, every status, parents.

The expected sentences are written by hand, as a Vietnamese reader should see them: decimal
comma, "." between thousands, dates dd/mm/yyyy.
"""

import pytest

from parindex.scoring import evaluate_unit, load_framework

from .documents import document, leaf, parent, score_leaf

ON_TIME_SHARE = {
    "kind": "bands",
    "measure": "ratio",
    "percent": True,
    "bands": [
        {"max": "80", "points": "0"},
        {"min": "80", "max": "95", "points": "0.5"},
        {"min": "95", "max": "100", "max_inclusive": True, "points": "1"},
    ],
}


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [
        ("574/596", "574/596 = 96,31% → mức 95–100% → 1"),
        ("22855/23067", "22.855/23.067 = 99,08% → mức 95–100% → 1"),
        ("850/1000", "850/1.000 = 85% → mức 80–<95% → 0,5"),
        ("37/301", "37/301 = 12,29% → mức < 80% → 0"),
        ("12.5/100", "12,5/100 = 12,5% → mức < 80% → 0"),
    ],
)
def test_bands_on_a_percentage(ratio, expected):
    assert score_leaf(ON_TIME_SHARE, {"value": ratio}).explanation == expected


def test_bands_on_a_fraction_with_decimal_bounds():
    rule = {
        "kind": "bands",
        "measure": "ratio",
        "bands": [
            {"min": "0.25", "max": "1", "max_inclusive": True, "points": "1"},
            {"min": "0", "max": "0.25", "points": "0"},
        ],
    }
    assert score_leaf(rule, {"value": "3/10"}).explanation == "3/10 = 0,3 → mức 0,25–1 → 1"


def test_bands_on_a_count_and_with_a_configured_label():
    rule = {
        "kind": "bands",
        "measure": "count",
        "bands": [
            {"min": "2", "points": "1", "label": "từ 2 sáng kiến"},
            {"min": "0", "max": "2", "points": "0"},
        ],
    }
    assert score_leaf(rule, {"value": "1500"}).explanation == "1.500 → mức từ 2 sáng kiến → 1"
    assert score_leaf(rule, {"value": "1"}).explanation == "1 → mức 0–<2 → 0"


def test_a_zero_denominator_with_zero_base():
    node = score_leaf({**ON_TIME_SHARE, "zero_base": "full"}, {"value": "0/0"})
    assert node.explanation == "Không có gì để tính (mẫu số bằng 0) → 1"


def test_proportional():
    target_85 = {"kind": "proportional", "target": "85"}
    assert score_leaf(target_85, {"value": "3943/10000"}, maximum="1.5").explanation == (
        "3.943/10.000 = 39,43% so với chỉ tiêu 85% → 1,5 × 39,43%/85% = 0,6958"
    )
    assert score_leaf(target_85, {"value": "9/10"}, maximum="1.5").explanation == (
        "9/10 = 90% ≥ chỉ tiêu 85% → 1,5"
    )
    floor_80 = {"kind": "proportional", "floor": "80.5"}
    assert score_leaf(floor_80, {"value": "3/5"}).explanation == (
        "3/5 = 60% < ngưỡng tối thiểu 80,5% → 0"
    )


PLAN_DEADLINE = {
    "kind": "deadline",
    "due": "01-31",
    "tiers": [{"days_late": 0, "points": "0.5"}, {"days_late": 30, "points": "0.25"}],
    "otherwise": "0",
    "missing": "0.1",
}


@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("2022-01-31", "Hoàn thành 31/01/2022, đúng hạn (hạn 31/01/2022) → 0,5"),
        ("2022-01-05", "Hoàn thành 05/01/2022, đúng hạn (hạn 31/01/2022) → 0,5"),
        (
            "2022-02-05",
            "Hoàn thành 05/02/2022, chậm 5 ngày so với hạn 31/01/2022 "
            "(chậm không quá 30 ngày) → 0,25",
        ),
        (
            "2022-03-03",
            "Hoàn thành 03/03/2022, chậm 31 ngày so với hạn 31/01/2022 "
            "(quá mức chậm cuối cùng) → 0",
        ),
        (False, "Không hoàn thành → 0,1"),
    ],
)
def test_deadline(done, expected):
    assert score_leaf(PLAN_DEADLINE, {"value": done}, maximum="0.5").explanation == expected


def test_yes_no_and_choice():
    plan = {"kind": "yes_no"}
    assert score_leaf(plan, {"value": True}, maximum="0.2").explanation == "Có → 0,2"
    assert score_leaf(plan, {"value": "không"}, maximum="0.2").explanation == "Không → 0"
    iso = {
        "kind": "choice",
        "options": [
            {"key": "tot", "label": "Tốt", "points": "1"},
            {"key": "dat", "label": "Đạt", "points": "0.5"},
        ],
    }
    assert score_leaf(iso, {"value": "dat"}).explanation == "Đạt → 0,5"


PLAN_CONDITIONS = {
    "kind": "checklist",
    "items": [
        {"key": "goals", "label": "mục tiêu đo lường được", "points": "0.1"},
        {"key": "owners", "label": "phân công thực hiện", "points": "0.1"},
        {"key": "budget", "label": "kinh phí", "points": "0.1"},
    ],
}


def test_checklist():
    ticked = score_leaf(PLAN_CONDITIONS, {"value": "goals; budget"}, maximum="0.3")
    assert ticked.explanation == "0,1 (mục tiêu đo lường được) + 0,1 (kinh phí) = 0,2 → 0,2"
    capped = score_leaf(PLAN_CONDITIONS, {"value": "goals;owners;budget"}, maximum="0.25")
    assert capped.explanation == (
        "0,1 (mục tiêu đo lường được) + 0,1 (phân công thực hiện) + 0,1 (kinh phí) = 0,3, "
        "chỉ tính tối đa 0,25 → 0,25"
    )
    none = score_leaf(PLAN_CONDITIONS, {"value": []}, maximum="0.3")
    assert none.explanation == "Không có mục nào → 0"


REPORTS = {
    "kind": "deductions",
    "events": [
        {"key": "late", "label": "báo cáo chậm", "each": "0.25"},
        {"key": "missing", "label": "thiếu báo cáo", "each": "0.5"},
        {"key": "disciplined", "label": "có công chức bị kỷ luật", "each": "0.5", "once": True},
        {"key": "reprimand", "label": "bị tỉnh phê bình", "zeroes": True},
    ],
}


def test_deductions():
    assert score_leaf(REPORTS, {"value": {"late": "3", "missing": "1"}}).explanation == (
        "1 − 3 × 0,25 (báo cáo chậm) − 1 × 0,5 (thiếu báo cáo) = -0,25, không thấp hơn 0 → 0"
    )
    assert score_leaf(REPORTS, {"value": {"disciplined": "2"}}).explanation == (
        "1 − 0,5 (có công chức bị kỷ luật) = 0,5 → 0,5"
    )
    assert score_leaf(REPORTS, {"value": {}}).explanation == "Không bị trừ điểm → 1"
    assert score_leaf(REPORTS, {"value": "reprimand=1"}).explanation == "bị tỉnh phê bình → 0"


REMEDIATION = {
    "kind": "formula",
    "inputs": [
        {"name": "a", "type": "count"},
        {"name": "b", "type": "count"},
        {"name": "c", "type": "count"},
    ],
    "expression": "(b/a)*1 + (c/a)*0.5",
    "on_error": "1",
}


def test_formula_separates_the_inputs_with_semicolons():
    # The expression is shown as written; the inputs' decimal commas need ";" between them.
    node = score_leaf(REMEDIATION, {"a": "10", "b": "6", "c": "2"})
    assert node.explanation == "(b/a)*1 + (c/a)*0.5 với a=10; b=6; c=2 = 0,7"
    scaled = {"kind": "formula", "inputs": [{"name": "x"}], "expression": "x * 0.001"}
    node = score_leaf(scaled, {"x": "1234.5"}, maximum="2")
    assert node.explanation == "x * 0.001 với x=1.234,5 = 1,2345"


def test_formula_division_by_zero_and_clamping():
    zero = score_leaf(REMEDIATION, {"a": "0", "b": "0", "c": "0"})
    assert zero.explanation == "(b/a)*1 + (c/a)*0.5 với a=0; b=0; c=0: chia cho 0 → 1"
    over = score_leaf(REMEDIATION, {"a": "2", "b": "2", "c": "2"})
    assert over.explanation == "(b/a)*1 + (c/a)*0.5 với a=2; b=2; c=2 = 1,5, giới hạn ở 1"


def test_derived_survey_and_manual():
    derived = {"kind": "derived", "source": "chỉ số bình quân các xã"}
    assert score_leaf(derived, {"value": "88.5"}, maximum="1.5").explanation == (
        "chỉ số bình quân các xã: 1,5 × 88,5% = 1,3275"
    )
    share = score_leaf({"kind": "survey"}, {"value": "91.23%"}, maximum="2")
    assert share.explanation == "Khảo sát 2 × 91,23% = 1,8246"
    banded = {
        "kind": "survey",
        "bands": [
            {"min": "90", "max": "100", "max_inclusive": True, "points": "2"},
            {"min": "0", "max": "90", "points": "1"},
        ],
    }
    assert score_leaf(banded, {"value": "90"}, maximum="2").explanation == (
        "Khảo sát 90% → mức 90–100% → 2"
    )
    assert score_leaf({"kind": "manual"}, {"value": "0.75"}).explanation == "Điểm nhập 0,75"


def test_not_answered_nothing_arose_and_invalid():
    assert score_leaf({"kind": "yes_no"}, None).explanation == "Chưa trả lời"
    complaints = {"kind": "yes_no", "nothing_arose": "full"}
    arose = score_leaf(complaints, {"nothing_arose": True}, maximum="0.5")
    assert arose.explanation == "Không phát sinh → đạt tối đa 0,5"
    framework = load_framework(document(parent("1", "1", [leaf("1.1", "1", ON_TIME_SHARE)])))
    result = evaluate_unit(framework, {"1.1": {"value": "600/596"}}, strict=False)
    # The input error's own message is not translated (validation messages stay English).
    assert result.node("1.1").explanation == (
        "Giá trị không hợp lệ: numerator 600 is greater than denominator 596"
    )


def _na_framework(na: str, rule: dict) -> object:
    return load_framework(
        document(
            parent("1", "3", [leaf("1.1", "1", {"kind": "yes_no"}), leaf("1.2", "2", rule, na=na)])
        )
    )


def test_not_applicable():
    yes_no = {"kind": "yes_no"}
    full = evaluate_unit(_na_framework("full", yes_no), {"1.2": {"na": True}})
    assert full.node("1.2").explanation == "Không áp dụng → đạt tối đa 2"
    inputs = {"1.1": {"value": True}, "1.2": {"na": True}}
    excluded = evaluate_unit(_na_framework("exclude", yes_no), inputs)
    assert excluded.node("1.2").explanation == "Không áp dụng → không tính vào điểm tối đa"
    assert excluded.node("1").explanation == (
        "Tổng điểm 1.1, 1.2: 1 + 0 = 1 (tối đa còn 1 do có tiêu chí không áp dụng)"
    )
    nothing = _na_framework("exclude", {**ON_TIME_SHARE, "zero_base": "na"})
    result = evaluate_unit(nothing, {"1.1": {"value": True}, "1.2": {"value": "0/0"}})
    assert result.node("1.2").explanation == (
        "0/0: không có gì để tính → không tính vào điểm tối đa"
    )


def test_parents():
    yes = {"kind": "yes_no"}
    pair = [leaf("1.1.1", "0.35", yes), leaf("1.1.2", "0.35", yes)]
    sums = load_framework(document(parent("1", "0.7", [parent("1.1", "0.7", pair)])))
    result = evaluate_unit(sums, {"1.1.1": {"value": True}, "1.1.2": {"value": True}})
    assert result.node("1.1").explanation == "Tổng điểm 1.1.1, 1.1.2: 0,35 + 0,35 = 0,7"

    three = [leaf(f"1.{i}", "0.5", yes) for i in (1, 2, 3)]
    capped = load_framework(document(parent("1", "1", three, max_gap="-0.5")))
    result = evaluate_unit(capped, {f"1.{i}": {"value": True} for i in (1, 2, 3)})
    assert result.node("1").explanation == (
        "Tổng điểm 1.1, 1.2, 1.3: 0,5 + 0,5 + 0,5 = 1,5, giới hạn ở điểm tối đa 1"
    )

    manual = {"kind": "manual"}
    negative = parent("1.2", "0", [leaf("1.2.1", "0", manual, min="-2")], min="-1")
    held = load_framework(document(parent("1", "1", [leaf("1.1", "1", manual), negative])))
    result = evaluate_unit(held, {"1.1": {"value": "1"}, "1.2.1": {"value": "-1.5"}})
    assert result.node("1.2").explanation == (
        "Tổng điểm 1.2.1: -1,5 = -1,5, giới hạn ở điểm tối thiểu -1"
    )

    seven = [leaf(f"1.{i}", "0.5", yes) for i in range(1, 8)]
    many = load_framework(document(parent("1", "3.5", seven)))
    result = evaluate_unit(many, {f"1.{i}": {"value": True} for i in range(1, 8)})
    assert result.node("1").explanation == "Tổng điểm 7 tiêu chí thành phần = 3,5"
