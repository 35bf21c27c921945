"""Plausible answers for any leaf, from its rule config: the demo campaign and load tests use them.

`quality` (0–1) skews the answers: a strong commune answers well, a weak one loses points, so
the demo spreads over the groups the way seed 003 does.
"""

import datetime
import random
from decimal import Decimal


def _ratio(rng: random.Random, quality: float) -> dict:
    den = rng.randint(20, 600)
    share = min(1.0, max(0.0, rng.gauss(0.55 + 0.45 * quality, 0.1)))
    return {"value": {"num": str(int(den * share)), "den": str(den)}}


def _deadline(rule: dict, rng: random.Random, quality: float, year: int) -> dict:
    due = str(rule.get("due", "01-31"))
    when = datetime.date.fromisoformat(due if len(due) == 10 else f"{year}-{due}")
    late = 0 if rng.random() < quality else rng.randint(1, 60)
    return {"value": (when + datetime.timedelta(days=late - rng.randint(0, 10))).isoformat()}


def _band_number(rule: dict, rng: random.Random, quality: float) -> str:
    tops = [Decimal(str(b.get("min", "0"))) for b in rule.get("bands", [])]
    pick = max(tops) if rng.random() < quality else min(tops, default=Decimal(0))
    return str(pick)


def _formula(rule: dict, rng: random.Random, quality: float) -> dict:
    names = [str(item["name"]) for item in rule.get("inputs", [])]
    found = rng.randint(1, 12)
    values = {name: str(rng.randint(0, found)) for name in names}
    if names:
        values[names[0]] = str(found)
    if len(names) > 1:
        values[names[1]] = str(int(found * quality))
    return values


def _deductions(rule: dict, rng: random.Random, quality: float) -> dict:
    events = [e for e in rule.get("events", []) if not e.get("zeroes")]
    counts = {
        str(e["key"]): str(0 if rng.random() < quality else rng.randint(1, 3)) for e in events
    }
    return {"value": counts}


def sample_answer(
    rule: dict, rng: random.Random, *, quality: float = 0.7, year: int = 2022
) -> dict:
    """An input dict the engine accepts for a leaf with `rule` (survey leaves get none)."""
    kind = rule.get("kind")
    good = rng.random() < quality
    if kind == "yes_no":
        return {"value": good}
    if kind == "deadline":
        return _deadline(rule, rng, quality, year)
    if kind == "proportional" or (kind == "bands" and rule.get("measure") == "ratio"):
        return _ratio(rng, quality)
    if kind == "bands":
        return {"value": _band_number(rule, rng, quality)}
    if kind == "formula":
        return _formula(rule, rng, quality)
    if kind == "choice":
        options = [str(o["key"]) for o in rule.get("options", [])]
        return {"value": options[0] if good else rng.choice(options)} if options else {}
    if kind == "deductions":
        return _deductions(rule, rng, quality)
    if kind == "checklist":
        keys = [str(i["key"]) for i in rule.get("items", [])]
        return {"value": [k for k in keys if rng.random() < quality]}
    if kind == "derived":
        return {"value": str(rng.randint(40, 95))}
    if kind == "manual":
        return {"value": "0"}
    return {}
