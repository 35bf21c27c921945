"""Each rule kind's widget: the engine inputs a form POST means, and the widget filled back
from saved inputs shows the same answer."""

import pytest
from django.http import QueryDict

from parindex.assessments.answer_widgets import build_widget, inputs_from_post, widget_kind
from parindex.assessments.entries import EntryRefused
from parindex.assessments.tests.factories import LEAF_RULES


def _raw(index: int) -> dict:
    maximum, rule, extra = LEAF_RULES[index]
    return {"code": "x", "max": maximum, "rule": rule, **extra}


def _post(**fields) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return data


# (index into LEAF_RULES, widget kind, posted fields, engine inputs)
CASES = [
    (0, "yes_no", {"value": "true"}, {"value": True}),
    (0, "yes_no", {"value": "false"}, {"value": False}),
    (1, "date", {"value": "2022-01-20"}, {"value": "2022-01-20"}),
    (2, "ratio", {"num": "574", "den": "596"}, {"value": {"num": "574", "den": "596"}}),
    (3, "ratio", {"num": "9", "den": "10"}, {"value": {"num": "9", "den": "10"}}),
    (4, "formula", {"in_a": "10", "in_b": "6"}, {"a": "10", "b": "6"}),
    (5, "choice", {"value": "dat"}, {"value": "dat"}),
    (6, "events", {"ev_late": "2", "ev_reprimand": ""}, {"value": {"late": "2"}}),
    (7, "checklist", {"item": ["a", "c"]}, {"value": ["a", "c"]}),
    (7, "checklist", {"none": "1"}, {"value": []}),
    (8, "number", {"value": "3"}, {"value": "3"}),
    (9, "number", {"value": "0.75"}, {"value": "0.75"}),
]


@pytest.mark.parametrize(("index", "kind", "fields", "inputs"), CASES)
def test_a_post_becomes_the_engine_inputs_and_fills_the_widget_back(index, kind, fields, inputs):
    raw = _raw(index)
    assert widget_kind(raw["rule"]) == kind
    assert inputs_from_post(raw, _post(**fields)) == inputs

    widget = build_widget(raw, inputs)
    if kind == "ratio":
        assert (widget.num, widget.den) == (fields["num"], fields["den"])
    elif kind in ("date", "number", "choice"):
        assert widget.value == fields["value"]
    elif kind == "yes_no":
        assert widget.value is inputs["value"]
    elif kind == "checklist":
        assert [o.key for o in widget.options if o.value] == inputs["value"]
        assert widget.none_ticked == (inputs["value"] == [])
    else:
        filled = {o.key: o.value for o in widget.options if o.value}
        assert filled == (inputs.get("value") or inputs)


@pytest.mark.parametrize("index", range(10))
def test_an_empty_form_is_no_answer(index):
    assert inputs_from_post(_raw(index), _post(note="chỉ ghi chú")) == {}


def test_na_and_nothing_arose_override_the_value():
    assert inputs_from_post(_raw(2), _post(na="1", num="1", den="2")) == {"na": True}
    assert inputs_from_post(_raw(6), _post(nothing_arose="1", ev_late="3")) == {
        "nothing_arose": True
    }


def test_only_nodes_that_allow_it_offer_na_or_nothing_arose():
    assert build_widget(_raw(2), None).na_allowed and not build_widget(_raw(0), None).na_allowed
    assert build_widget(_raw(6), None).nothing_arose_allowed
    assert not build_widget(_raw(7), None).nothing_arose_allowed


def test_a_half_typed_ratio_is_refused_before_the_engine():
    with pytest.raises(EntryRefused):
        inputs_from_post(_raw(2), _post(num="5"))


def test_manual_points_use_the_rule_step_and_counts_whole_numbers():
    assert build_widget(_raw(9), None).step == "0.25"
    count = build_widget(_raw(8), None)
    assert (count.step, count.minimum) == ("1", "0")
