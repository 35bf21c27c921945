"""The caller chooses the explanations' language; they are still written only when read."""

import pytest

from parindex.scoring import (
    Context,
    evaluate_unit,
    evaluate_units,
    load_framework,
    read_inputs,
    score_units,
)
from parindex.scoring.phrases import Wording

from .documents import document, leaf, parent

DEADLINE = {"kind": "deadline", "due": "01-31", "tiers": [{"days_late": 0, "points": "0.5"}]}
FRAMEWORK = load_framework(document(parent("1", "0.5", [leaf("1.1", "0.5", DEADLINE)])))
INPUTS = {"1.1": {"value": "2022-01-31"}}
VI = "Hoàn thành 31/01/2022, đúng hạn (hạn 31/01/2022) → 0,5"
EN = "done 2022-01-31, on time (due 2022-01-31) → 0.5"


def test_vietnamese_is_the_default():
    result = evaluate_unit(FRAMEWORK, INPUTS)
    assert result.language == "vi"
    assert result.node("1.1").explanation == VI


def test_the_result_keeps_the_language_it_was_evaluated_for():
    result = evaluate_unit(FRAMEWORK, INPUTS, language="en")
    assert result.language == "en"
    assert result.node("1.1").explanation == EN
    assert result.explain("1.1") == EN


def test_explain_renders_another_language_without_evaluating_again():
    result = evaluate_unit(FRAMEWORK, INPUTS, language="en")
    assert result.explain("1.1", language="vi") == VI
    assert result.explain("1", language="vi") == "Tổng điểm 1.1: 0,5 = 0,5"
    assert result.node("1.1").explain("vi") == VI
    assert result.node("1.1").explanation == EN  # the result's own language is unchanged


def test_score_units_and_evaluate_units_take_the_language():
    campaign = score_units(FRAMEWORK, {"xa-a": INPUTS}, language="en")
    assert campaign.units[0].result.node("1.1").explanation == EN
    read = [read_inputs(FRAMEWORK, INPUTS)]
    (result,) = evaluate_units(FRAMEWORK, read, Context(year=2022), language="vi")
    assert result.node("1.1").explanation == VI


@pytest.mark.parametrize(("tag", "code"), [("en-us", "en"), ("EN_GB", "en"), ("vi-VN", "vi")])
def test_language_tags_as_django_gives_them(tag, code):
    assert evaluate_unit(FRAMEWORK, INPUTS, language=tag).language == code


def test_none_means_the_default():
    assert evaluate_unit(FRAMEWORK, INPUTS, language=None).language == "vi"


def test_an_unsupported_language_is_refused_when_passed():
    with pytest.raises(ValueError, match="unsupported language 'fr'"):
        evaluate_unit(FRAMEWORK, INPUTS, language="fr")
    with pytest.raises(ValueError, match="unsupported language 'de'"):
        score_units(FRAMEWORK, {"xa-a": INPUTS}, language="de")
    result = evaluate_unit(FRAMEWORK, INPUTS)
    with pytest.raises(ValueError, match="unsupported language 'fr'"):
        result.explain("1.1", language="fr")


def test_evaluating_writes_no_explanation(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("an explanation was written during evaluation")

    monkeypatch.setattr(Wording, "say", refuse)
    campaign = score_units(FRAMEWORK, {f"xa-{i}": INPUTS for i in range(3)})
    assert [unit.result.total for unit in campaign.units] == [0.5, 0.5, 0.5]
