"""One input widget per rule kind: what the form shows, and the engine inputs a POST means.

The widget is derived from the leaf's rule config in the frozen framework document; the inputs
are exactly the engine's per-unit input dict (docs/framework-format.md, "Per-unit inputs").
Nothing is interpreted here beyond reading form fields: the engine judges every value.
"""

from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext as _

from parindex.assessments.entries import EntryRefused

RATIO_KINDS = frozenset({"proportional"})
NUMBER_KINDS = frozenset({"manual", "derived"})


def widget_kind(rule: dict) -> str:
    """yes_no | date | ratio | number | choice | checklist | events | formula | survey."""
    kind = rule.get("kind", "")
    if kind == "bands":
        return "ratio" if rule.get("measure") == "ratio" else "number"
    if kind in RATIO_KINDS:
        return "ratio"
    if kind in NUMBER_KINDS:
        return "number"
    return {
        "yes_no": "yes_no",
        "deadline": "date",
        "choice": "choice",
        "checklist": "checklist",
        "deductions": "events",
        "formula": "formula",
    }.get(kind, "survey")


@dataclass
class Option:
    key: str
    label: str
    points: str = ""
    value: Any = None  # selected/ticked flag, a count, or a typed number


@dataclass
class Widget:
    kind: str
    value: Any = None
    num: str = ""
    den: str = ""
    step: str = "any"
    minimum: str = ""
    options: list[Option] = field(default_factory=list)
    none_ticked: bool = False  # checklist answered with nothing ticked
    na_allowed: bool = False
    na: bool = False
    nothing_arose_allowed: bool = False
    nothing_arose: bool = False


def _value(inputs: dict) -> Any:
    return inputs.get("value")


def _options(rule: dict, inputs: dict, kind: str) -> list[Option]:
    value = _value(inputs)
    if kind == "choice":
        return [
            Option(str(o["key"]), str(o.get("label") or o["key"]), str(o.get("points", "")))
            for o in rule.get("options", [])
        ]
    if kind == "checklist":
        ticked = value if isinstance(value, list) else []
        return [
            Option(
                str(i["key"]),
                str(i.get("label") or i["key"]),
                str(i.get("points", "")),
                str(i["key"]) in ticked,
            )
            for i in rule.get("items", [])
        ]
    if kind == "events":
        counts = value if isinstance(value, dict) else {}
        return [
            Option(
                str(e["key"]),
                str(e.get("label") or e["key"]),
                str(e.get("each", "")),
                counts.get(str(e["key"]), ""),
            )
            for e in rule.get("events", [])
        ]
    if kind == "formula":
        return [
            Option(
                str(i["name"]),
                str(i.get("label") or i["name"]),
                str(i.get("type", "number")),
                inputs.get(str(i["name"]), ""),
            )
            for i in rule.get("inputs", [])
        ]
    return []


def _fill(widget: Widget, rule: dict, inputs: dict) -> None:
    value = _value(inputs)
    widget.options = _options(rule, inputs, widget.kind)
    if widget.kind == "ratio" and isinstance(value, dict):
        widget.num, widget.den = str(value.get("num", "")), str(value.get("den", ""))
    elif widget.kind == "number":
        widget.value = "" if value is None else str(value)
        if rule.get("kind") == "manual":
            widget.step = str(rule.get("step") or "any")
        elif rule.get("measure") == "count":
            widget.step, widget.minimum = "1", "0"
    elif widget.kind in ("yes_no", "date", "choice"):
        widget.value = value
    elif widget.kind == "checklist":
        widget.none_ticked = isinstance(value, list) and not value


def build_widget(raw_node: dict, inputs: dict | None) -> Widget:
    """The widget of a leaf, filled with its current inputs."""
    rule = raw_node.get("rule") or {}
    inputs = inputs or {}
    widget = Widget(kind=widget_kind(rule))
    widget.na_allowed = bool(raw_node.get("na"))
    widget.na = bool(inputs.get("na"))
    widget.nothing_arose_allowed = rule.get("nothing_arose") == "full"
    widget.nothing_arose = bool(inputs.get("nothing_arose"))
    _fill(widget, rule, inputs)
    return widget


def _text(data: QueryDict, name: str) -> str:
    return (data.get(name) or "").strip()


def _named(data: QueryDict, prefix: str, keys: list[str]) -> dict[str, str]:
    return {key: _text(data, f"{prefix}{key}") for key in keys if _text(data, f"{prefix}{key}")}


def _value_inputs(kind: str, rule: dict, data: QueryDict) -> dict:
    """The inputs of an answered value, or {} when the form carries no answer."""
    if kind == "yes_no":
        choice = _text(data, "value")
        return {"value": choice == "true"} if choice in ("true", "false") else {}
    if kind in ("date", "number", "choice"):
        return {"value": _text(data, "value")} if _text(data, "value") else {}
    if kind == "ratio":
        num, den = _text(data, "num"), _text(data, "den")
        if bool(num) != bool(den):
            raise EntryRefused(_("Type both the numerator and the denominator."))
        return {"value": {"num": num, "den": den}} if num else {}
    if kind == "checklist":
        ticked = [key for key in data.getlist("item") if key]
        return {"value": ticked} if ticked or data.get("none") else {}
    if kind == "events":
        counts = _named(data, "ev_", [str(e["key"]) for e in rule.get("events", [])])
        return {"value": counts} if counts else {}
    if kind == "formula":
        return _named(data, "in_", [str(i["name"]) for i in rule.get("inputs", [])])
    return {}


def inputs_from_post(raw_node: dict, data: QueryDict) -> dict:
    """The engine inputs one node's form means: N/A, "nothing arose", or the typed value.

    EntryRefused for a half-typed ratio: saving it would only show the engine's complaint about
    the part not typed yet."""
    if data.get("na"):
        return {"na": True}
    if data.get("nothing_arose"):
        return {"nothing_arose": True}
    rule = raw_node.get("rule") or {}
    return _value_inputs(widget_kind(rule), rule, data)
