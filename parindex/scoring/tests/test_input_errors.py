"""Bad input values are reported together, each naming its node and input."""

import pytest

from parindex.scoring import InputErrors, evaluate_unit, load_framework, read_inputs, score_units

from .documents import document, leaf, parent

RATIO = {
    "kind": "bands",
    "measure": "ratio",
    "percent": True,
    "bands": [{"min": "0", "max": "100", "max_inclusive": True, "points": "1"}],
}
CHOICE = {"kind": "choice", "options": [{"key": "tot", "points": "1"}]}
COUNT = {"kind": "bands", "measure": "count", "bands": [{"min": "0", "points": "1"}]}

FRAMEWORK = load_framework(
    document(
        parent(
            "1",
            "4",
            [
                leaf("1.1", "1", RATIO),
                leaf("1.2", "1", RATIO),
                leaf("1.3", "1", CHOICE),
                leaf("1.4", "1", COUNT),
            ],
        )
    )
)
BAD = {
    "1.1": {"value": "600/596"},
    "1.2": {"value": "5/-1"},
    "1.3": {"value": "kha"},
    "1.4": {"value": "two"},
    "9.9": {"value": "1"},
}


def test_all_errors_of_a_unit_are_raised_together():
    with pytest.raises(InputErrors) as raised:
        evaluate_unit(FRAMEWORK, BAD)
    found = [(error.code, error.input, error.kind) for error in raised.value.errors]
    assert found == [
        ("9.9", "", "input.unknown_node"),
        ("1.1", "value", "ratio.numerator_over_denominator"),
        ("1.2", "value", "ratio.negative"),
        ("1.3", "value", "choice.unknown"),
        ("1.4", "value", "input.not_number"),
    ]
    assert str(raised.value.errors[1]) == "1.1 value: numerator 600 is greater than denominator 596"


def test_without_strict_the_result_keeps_the_errors_and_scores_the_rest():
    inputs = {**BAD, "1.4": {"value": "3"}}
    result = evaluate_unit(FRAMEWORK, inputs, strict=False, language="en")
    assert len(result.errors) == 4
    assert result.node("1.1").status == "invalid"
    assert result.node("1.1").explanation == (
        "invalid input: numerator 600 is greater than denominator 596"
    )
    assert result.total == 1  # only 1.4 scored


def test_reading_alone_checks_a_form_without_scoring_it():
    with pytest.raises(InputErrors):
        read_inputs(FRAMEWORK, {"1.3": {"value": "kha"}})
    assert read_inputs(FRAMEWORK, {"1.3": {"value": "tot"}}).value_of("1.3") == "tot"


def test_a_value_next_to_an_unknown_key_is_refused():
    with pytest.raises(InputErrors) as raised:
        evaluate_unit(FRAMEWORK, {"1.3": {"value": "tot", "note": "x"}})
    assert (raised.value.errors[0].input, raised.value.errors[0].kind) == ("note", "input.unknown")


def test_an_entry_must_be_a_mapping():
    with pytest.raises(InputErrors) as raised:
        evaluate_unit(FRAMEWORK, {"1.3": "tot"})
    assert raised.value.errors[0].kind == "input.not_mapping"


def test_campaign_errors_name_the_unit():
    with pytest.raises(InputErrors) as raised:
        score_units(
            FRAMEWORK, {"xa-a": {"1.3": {"value": "tot"}}, "xa-b": {"1.3": {"value": "kha"}}}
        )
    (error,) = raised.value.errors
    assert (error.unit, error.code) == ("xa-b", "1.3")
    assert str(error) == "unit xa-b, 1.3 value: unknown choice 'kha' (one of: tot)"
