"""One readable line per rule, for the tree page: "Bands on ratio (%): [95, 100] → 1; …"."""

from collections.abc import Callable

from django.utils.translation import gettext as _

from parindex.frameworks.canonical import decimal_text, parse_decimal


def _n(value) -> str:
    number = parse_decimal(value)
    return decimal_text(number) if number is not None else str(value)


def _band(band: dict) -> str:
    low = "[" if band.get("min_inclusive", True) else "("
    high = "]" if band.get("max_inclusive", False) else ")"
    span = f"{low}{_n(band.get('min', '…'))}, {_n(band.get('max', '…'))}{high}"
    return f"{span} → {_n(band.get('points'))}"


def _dicts(items) -> list[dict]:
    return [i for i in items or [] if isinstance(i, dict)]


def _labelled(items) -> str:
    return "; ".join(f"{i.get('label') or i.get('key')} → {_n(i.get('points'))}" for i in items)


def _manual(rule: dict) -> str:
    if rule.get("step"):
        return _("Typed in, step %(step)s") % {"step": _n(rule["step"])}
    return _("Typed in")


def _yes_no(rule: dict) -> str:
    yes, no = _n(rule.get("yes", _("max"))), _n(rule.get("no", "0"))
    return _("Yes → %(yes)s, no → %(no)s") % {"yes": yes, "no": no}


def _deadline(rule: dict) -> str:
    tiers = "; ".join(
        _("≤ %(days)s days late → %(points)s")
        % {"days": t.get("days_late"), "points": _n(t.get("points"))}
        for t in _dicts(rule.get("tiers"))
    )
    values = {"due": rule.get("due", "?"), "tiers": tiers}
    values["otherwise"] = _n(rule.get("otherwise", "0"))
    return _("Deadline %(due)s: %(tiers)s; otherwise %(otherwise)s") % values


def _bands(rule: dict) -> str:
    bands = "; ".join(_band(b) for b in _dicts(rule.get("bands")))
    values = {"measure": rule.get("measure", "number"), "bands": bands}
    values["unit"] = " (%)" if rule.get("percent") else ""
    return _("Bands on %(measure)s%(unit)s: %(bands)s") % values


def _proportional(rule: dict) -> str:
    values = {"target": _n(rule.get("target", "100")), "floor": _n(rule.get("floor", "0"))}
    return _("Proportional to the ratio / %(target)s%%; 0 below %(floor)s%%") % values


def _formula(rule: dict) -> str:
    return _("Formula: %(expression)s") % {"expression": rule.get("expression", "")}


def _choice(rule: dict) -> str:
    return _("Choice: %(options)s") % {"options": _labelled(_dicts(rule.get("options")))}


def _event(event: dict) -> str:
    label = event.get("label") or event.get("key")
    if event.get("zeroes"):
        return _("%(event)s → floor") % {"event": label}
    return _("%(event)s −%(each)s each") % {"event": label, "each": _n(event.get("each"))}


def _deductions(rule: dict) -> str:
    events = "; ".join(_event(e) for e in _dicts(rule.get("events")))
    values = {"start": _n(rule.get("start", _("max"))), "events": events}
    values["floor"] = _n(rule.get("floor", "0"))
    return _("Deductions from %(start)s: %(events)s; floor %(floor)s") % values


def _checklist(rule: dict) -> str:
    return _("Checklist: %(items)s") % {"items": _labelled(_dicts(rule.get("items")))}


def _derived(rule: dict) -> str:
    return _("Derived: %(source)s") % {"source": rule.get("source", "")}


def _survey(rule: dict) -> str:
    bands = "; ".join(_band(b) for b in _dicts(rule.get("bands")))
    return _("From the survey: %(bands)s") % {"bands": bands} if bands else _("From the survey")


SUMMARIES: dict[str, Callable[[dict], str]] = {
    "manual": _manual,
    "yes_no": _yes_no,
    "deadline": _deadline,
    "bands": _bands,
    "proportional": _proportional,
    "formula": _formula,
    "choice": _choice,
    "deductions": _deductions,
    "checklist": _checklist,
    "derived": _derived,
    "survey": _survey,
}


def summarise_rule(rule: dict | None) -> str:
    """A one-line human summary of a rule; just its kind for a kind it does not know."""
    if not isinstance(rule, dict):
        return ""
    summary = SUMMARIES.get(str(rule.get("kind")))
    text = summary(rule) if summary else str(rule.get("kind"))
    if rule.get("nothing_arose") == "full":
        text += " · " + _("nothing arose → full")
    return text
