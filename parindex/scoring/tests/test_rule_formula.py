"""formula: a safe expression over declared inputs."""

from decimal import Decimal

import pytest

from parindex.scoring import InputErrors, validate_framework

from .documents import document, leaf, parent, score_leaf

# Domain §2: remediation = (b/a)×1 + (c/a)×0.5, a = issues found, b = fixed, c = in progress.
REMEDIATION = {
    "kind": "formula",
    "inputs": [
        {"name": "a", "type": "count"},
        {"name": "b", "type": "count"},
        {"name": "c", "type": "count"},
    ],
    "expression": "(b/a)*1 + (c/a)*0.5",
    "on_error": "0",
}


def test_remediation_formula():
    # a=10, b=6, c=2: 6/10 × 1 + 2/10 × 0.5 = 0.6 + 0.1 = 0.7
    node = score_leaf(REMEDIATION, {"a": "10", "b": "6", "c": "2"}, language="en")
    assert node.points == Decimal("0.7")
    assert node.explanation == "(b/a)*1 + (c/a)*0.5 with a=10, b=6, c=2 = 0.7"


def test_result_is_rounded_to_four_places():
    # a=3, b=1, c=1: 1/3 × 1 + 1/3 × 0.5 = 0.333… + 0.166… = 0.5 once rounded to 4 places
    assert score_leaf(REMEDIATION, {"a": "3", "b": "1", "c": "1"}).points == Decimal("0.5")
    # a=7, b=1, c=0: 1/7 = 0.142857… → 0.1429
    assert score_leaf(REMEDIATION, {"a": "7", "b": "1", "c": "0"}).points == Decimal("0.1429")


def test_division_by_zero_scores_on_error_and_says_so():
    rule = {**REMEDIATION, "on_error": "1"}
    node = score_leaf(rule, {"a": "0", "b": "0", "c": "0"}, language="en")
    assert node.points == 1
    assert node.explanation.endswith("division by zero → 1")


def test_a_result_above_the_maximum_is_limited_to_it():
    # b + c > a is impossible in reality but the formula must still stay within [min, max].
    node = score_leaf(REMEDIATION, {"a": "2", "b": "2", "c": "2"}, language="en")
    # 2/2 + 2/2 × 0.5 = 1.5 → limited to 1
    assert node.points == 1
    assert node.explanation.endswith("= 1.5, limited to 1")


def test_if_avoids_a_division_by_zero():
    rule = {**REMEDIATION, "expression": "if(a == 0, 1, (b/a)*1 + (c/a)*0.5)", "on_error": "0"}
    assert score_leaf(rule, {"a": "0", "b": "0", "c": "0"}).points == 1


@pytest.mark.parametrize(
    ("entry", "input_name", "kind"),
    [
        ({"a": "10", "b": "6"}, "c", "formula.missing_input"),
        ({"a": "10", "b": "6", "c": "2", "d": "1"}, "d", "formula.unknown_input"),
        ({"a": "ten", "b": "6", "c": "2"}, "a", "input.not_number"),
        ({"a": "10", "b": "1.5", "c": "2"}, "b", "input.not_count"),
    ],
)
def test_input_errors_name_the_formula_input(entry, input_name, kind):
    with pytest.raises(InputErrors) as raised:
        score_leaf(REMEDIATION, entry)
    (error,) = raised.value.errors
    assert (error.code, error.input, error.kind) == ("1.1", input_name, kind)


@pytest.mark.parametrize(
    ("change", "kind", "message"),
    [
        ({"expression": "a + d"}, "formula.syntax", "unknown name 'd' (at character 5)"),
        ({"expression": "a +"}, "formula.syntax", "unexpected end of expression (at character 4)"),
        ({"inputs": [{"name": "value"}]}, "formula.bad_name", "'value' is not a usable input name"),
        (
            {"inputs": [{"name": "a"}, {"name": "a"}]},
            "formula.duplicate_name",
            "input 'a' is declared twice",
        ),
        ({"on_error": "2"}, "points.out_of_range", "2 is outside the node's range 0 to 1"),
    ],
)
def test_config_mistakes(change, kind, message):
    rule = {**REMEDIATION, **change}
    if "inputs" in change and "expression" not in change:
        rule["expression"] = "a"
    issues = validate_framework(document(parent("1", "1", [leaf("1.1", "1", rule)])))
    assert (kind, message) in [(issue.kind, issue.message) for issue in issues]
