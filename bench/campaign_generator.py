"""A deterministic national-scale campaign: one framework document and inputs for many units.

Shared by every benchmark that needs realistic data. The same seed always gives the same
framework and inputs. The rule mix follows domain.md §2: ratio bands and yes/no items are
common, formulas and derived items rare. Inputs are written the way the contract writes them
(text numbers, "574/596" ratios, ISO dates), as they arrive from YAML, XLSX or the database.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

FIELD_COUNT = 8
LEAF_MAXIMA = ("0.25", "0.5", "0.5", "0.75", "1", "1", "1.5")
# (kind, weight): how often each rule kind appears among the leaves.
KIND_WEIGHTS = (
    ("bands_ratio", 22),
    ("bands_count", 6),
    ("proportional", 10),
    ("yes_no", 14),
    ("deadline", 8),
    ("manual", 8),
    ("choice", 6),
    ("deductions", 8),
    ("checklist", 6),
    ("formula", 6),
    ("derived", 2),
    ("survey", 4),
)


@dataclass(frozen=True)
class Campaign:
    document: dict
    inputs: dict[str, dict[str, dict]]  # unit code -> leaf code -> entry

    @property
    def leaf_count(self) -> int:
        return sum(1 for _ in leaves(self.document["nodes"]))


def leaves(nodes: list[dict]) -> Iterator[dict]:
    for node in nodes:
        if "children" in node:
            yield from leaves(node["children"])
        else:
            yield node


def _rule(kind: str, maximum: str, rng: random.Random) -> dict:
    half = str(Decimal(maximum) / 2)
    if kind == "bands_ratio":
        return {
            "kind": "bands",
            "measure": "ratio",
            "percent": True,
            "zero_base": "full",
            "bands": [
                {"min": "95", "max": "100", "max_inclusive": True, "points": maximum},
                {"min": "80", "max": "95", "points": half},
                {"max": "80", "points": "0"},
            ],
        }
    if kind == "bands_count":
        return {
            "kind": "bands",
            "measure": "count",
            "bands": [{"min": "2", "points": maximum}, {"min": "0", "max": "2", "points": "0"}],
        }
    if kind == "proportional":
        floor = str(rng.choice((0, 50, 80)))
        return {"kind": "proportional", "floor": floor, "target": "100", "zero_base": "full"}
    if kind == "yes_no":
        return {"kind": "yes_no"}
    if kind == "deadline":
        return {
            "kind": "deadline",
            "due": "01-31",
            "tiers": [{"days_late": 0, "points": maximum}, {"days_late": 30, "points": half}],
        }
    if kind == "manual":
        return {"kind": "manual", "step": "0.25" if Decimal(maximum) >= 1 else "0.05"}
    if kind == "choice":
        return {
            "kind": "choice",
            "options": [
                {"key": "tot", "label": "Tốt", "points": maximum},
                {"key": "dat", "label": "Đạt", "points": half},
                {"key": "khong", "label": "Không đạt", "points": "0"},
            ],
        }
    if kind == "deductions":
        return {
            "kind": "deductions",
            "nothing_arose": "full",
            "events": [
                {"key": "late", "label": "late report", "each": "0.25"},
                {"key": "missing", "label": "missing report", "each": "0.5"},
                {"key": "reprimand", "label": "reprimand", "zeroes": True},
            ],
        }
    if kind == "checklist":
        step = str(Decimal(maximum) / 4)
        return {"kind": "checklist", "items": [{"key": k, "points": step} for k in "abcde"]}
    if kind == "formula":
        return {
            "kind": "formula",
            "inputs": [{"name": n, "type": "count"} for n in "abc"],
            "expression": f"if(a == 0, {maximum}, {maximum} * (b/a + (c/a)*0.5))",
            "on_error": "0",
        }
    if kind == "derived":
        return {"kind": "derived", "source": "communes' average index"}
    return {"kind": "survey"}


def generate_framework(leaf_count: int = 120, seed: int = 2022) -> dict:
    """A framework document with `leaf_count` scored leaves in 8 fields."""
    rng = random.Random(seed)
    kinds = [kind for kind, weight in KIND_WEIGHTS for _ in range(weight)]
    fields: list[dict] = [
        {"code": str(f + 1), "title": f"Field {f + 1}", "children": []} for f in range(FIELD_COUNT)
    ]
    for number in range(leaf_count):
        field = fields[number % FIELD_COUNT]
        criteria = field["children"]
        if not criteria or len(criteria[-1]["children"]) >= rng.randint(1, 4):
            code = f"{field['code']}.{len(criteria) + 1}"
            criteria.append({"code": code, "title": f"Criterion {code}", "children": []})
        criterion = criteria[-1]
        code = f"{criterion['code']}.{len(criterion['children']) + 1}"
        kind, maximum = rng.choice(kinds), rng.choice(LEAF_MAXIMA)
        leaf = {"code": code, "title": f"Sub-criterion {code}", "max": maximum}
        leaf["rule"] = _rule(kind, maximum, rng)
        if rng.random() < 0.05:
            leaf["na"] = rng.choice(("exclude", "full"))
        if rng.random() < 0.1:
            leaf["year_end_only"] = True
        criterion["children"].append(leaf)
    for field in fields:
        for criterion in field["children"]:
            criterion["max"] = str(sum(Decimal(c["max"]) for c in criterion["children"]))
        field["max"] = str(sum(Decimal(c["max"]) for c in field["children"]))
    return {
        "format": "parindex-framework/1",
        "code": f"bench-{leaf_count}",
        "title": "Benchmark criteria set",
        "year": 2024,
        "unit_kind": "commune",
        "scale_to": "100",
        "groups": [
            {"label": "A", "min": "90"},
            {"label": "B", "min": "70"},
            {"label": "C", "min": "50"},
            {"label": "D", "min": "0"},
        ],
        "nodes": fields,
    }


def _ratio(rng: random.Random) -> str:
    denominator = rng.randint(0, 2000) if rng.random() < 0.02 else rng.randint(1, 2000)
    share = rng.choice((1.0, 1.0, rng.uniform(0.9, 1.0), rng.uniform(0.5, 1.0)))
    return f"{int(denominator * share)}/{denominator}"


def _value(leaf: dict, rng: random.Random) -> object:
    rule = leaf["rule"]
    kind, maximum = rule["kind"], Decimal(leaf["max"])
    if kind == "bands":
        return _ratio(rng) if rule["measure"] == "ratio" else str(rng.randint(0, 4))
    if kind == "proportional":
        return _ratio(rng)
    if kind == "yes_no":
        return rng.random() < 0.85
    if kind == "deadline":
        return f"2024-{rng.choice(('01', '01', '02', '03'))}-{rng.randint(1, 28):02d}"
    if kind == "manual":
        step = Decimal(rule["step"])
        return str(step * rng.randint(0, int(maximum / step)))
    if kind == "choice":
        return rng.choice(("tot", "tot", "dat", "khong"))
    if kind == "deductions":
        return {"late": str(rng.choice((0, 0, 1, 2))), "missing": str(rng.choice((0, 0, 0, 1)))}
    if kind == "checklist":
        return [key for key in "abcde" if rng.random() < 0.7]
    if kind == "derived":
        return str(rng.randint(600, 1000) / 10)
    return f"{rng.randint(700, 1000) / 10}"  # survey share in %


def _entry(leaf: dict, rng: random.Random) -> dict | None:
    roll = rng.random()
    if roll < 0.02:
        return None  # not answered
    if leaf.get("na") and roll < 0.1:
        return {"na": True}
    rule = leaf["rule"]
    if rule.get("nothing_arose") and roll < 0.15:
        return {"nothing_arose": True}
    if rule["kind"] == "formula":
        found = rng.randint(0, 20)
        fixed = rng.randint(0, found)
        return {"a": str(found), "b": str(fixed), "c": str(rng.randint(0, found - fixed))}
    return {"value": _value(leaf, rng)}


def generate_inputs(document: dict, unit_count: int, seed: int = 2022) -> dict[str, dict]:
    """Inputs for `unit_count` units, keyed by unit code, then by leaf code."""
    rng = random.Random(seed + 1)
    leaf_nodes = list(leaves(document["nodes"]))
    units = {}
    for number in range(unit_count):
        entries = {}
        for leaf in leaf_nodes:
            entry = _entry(leaf, rng)
            if entry is not None:
                entries[leaf["code"]] = entry
        units[f"U{number + 1:05d}"] = entries
    return units


def generate_campaign(unit_count: int = 4000, leaf_count: int = 120, seed: int = 2022) -> Campaign:
    document = generate_framework(leaf_count, seed)
    return Campaign(document, generate_inputs(document, unit_count, seed))
