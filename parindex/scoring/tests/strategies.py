"""Hypothesis strategies for rules, ratios and whole frameworks."""

from decimal import Decimal

from hypothesis import strategies as st

MAXIMA = ["0.25", "0.5", "1", "1.5", "2"]


@st.composite
def ratios(draw: st.DrawFn) -> tuple[int, int]:
    denominator = draw(st.integers(1, 5000))
    return draw(st.integers(0, denominator)), denominator


@st.composite
def point_values(draw: st.DrawFn, maximum: str, minimum: str = "0") -> str:
    """Points in [minimum, maximum] with 2 decimals."""
    low, high = int(Decimal(minimum) * 100), int(Decimal(maximum) * 100)
    return str(Decimal(draw(st.integers(low, high))) / 100)


@st.composite
def ratio_bands(draw: st.DrawFn, maximum: str, ascending: bool = False) -> dict:
    """Contiguous percent bands over 0–100 with random cut points and points."""
    cuts = sorted(draw(st.sets(st.integers(1, 99), max_size=4)))
    bounds = [0, *cuts, 100]
    points = [draw(point_values(maximum)) for _ in range(len(bounds) - 1)]
    if ascending:
        points.sort(key=Decimal)
    bands = [
        {"min": str(low), "max": str(high), "max_inclusive": high == 100, "points": pts}
        for low, high, pts in zip(bounds, bounds[1:], points, strict=False)
    ]
    return {
        "kind": "bands",
        "measure": "ratio",
        "percent": True,
        "zero_base": "full",
        "bands": bands,
    }


@st.composite
def proportional_rules(draw: st.DrawFn) -> dict:
    target = draw(st.integers(1, 100))
    floor = draw(st.integers(0, target))
    return {"kind": "proportional", "floor": str(floor), "target": str(target), "zero_base": "zero"}


_ATOMS = st.sampled_from(["a", "b", "c", "1", "0.5", "2"])


def _expression(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    binary = st.tuples(children, st.sampled_from(["+", "-", "*", "/", "<", "and"]), children)
    return st.one_of(
        binary.map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        st.tuples(children, children).map(lambda t: f"min({t[0]}, {t[1]})"),
        st.tuples(children, children, children).map(lambda t: f"if({t[0]}, {t[1]}, {t[2]})"),
        children.map(lambda x: f"-{x}"),
    )


expressions = st.recursive(_ATOMS, _expression, max_leaves=8)


@st.composite
def bounded_cases(draw: st.DrawFn) -> tuple[dict, str, str, dict]:
    """(rule, maximum, minimum, entry) for a rule kind whose points must stay in range."""
    maximum = draw(st.sampled_from(MAXIMA))
    kind = draw(
        st.sampled_from(
            ["bands", "proportional", "formula", "deductions", "checklist", "derived", "survey"]
        )
    )
    ratio = draw(ratios())
    if kind == "bands":
        return draw(ratio_bands(maximum)), maximum, "0", {"value": f"{ratio[0]}/{ratio[1]}"}
    if kind == "proportional":
        return draw(proportional_rules()), maximum, "0", {"value": f"{ratio[0]}/{ratio[1]}"}
    if kind == "formula":
        rule = {
            "kind": "formula",
            "expression": draw(expressions),
            "on_error": "0",
            "inputs": [{"name": n, "type": "count"} for n in "abc"],
        }
        minimum = draw(st.sampled_from(["0", "-1"]))
        entry = {n: str(draw(st.integers(0, 50))) for n in "abc"}
        return rule, maximum, minimum, entry
    if kind == "deductions":
        minimum = draw(st.sampled_from(["0", "-1"]))
        events = [
            {"key": f"e{i}", "each": draw(point_values("1")) if i else "0.25"} for i in range(3)
        ]
        events = [e for e in events if Decimal(e["each"]) > 0] or [{"key": "e0", "each": "0.25"}]
        rule = {"kind": "deductions", "floor": minimum, "events": events}
        counts = {e["key"]: str(draw(st.integers(0, 9))) for e in events}
        return rule, maximum, minimum, {"value": counts}
    if kind == "checklist":
        positive = point_values("1").filter(lambda p: Decimal(p) > 0)
        items = [{"key": f"i{i}", "points": draw(positive)} for i in range(4)]
        ticked = draw(st.sets(st.sampled_from([i["key"] for i in items])))
        return {"kind": "checklist", "items": items}, maximum, "0", {"value": sorted(ticked)}
    share = str(Decimal(draw(st.integers(0, 10000))) / 100)
    return {"kind": kind}, maximum, "0", {"value": share}


@st.composite
def trees(draw: st.DrawFn) -> tuple[list[dict], dict]:
    """(nodes, inputs): 1–4 fields of criteria and sub-criteria, with answers for some leaves."""
    nodes, inputs = [], {}

    def leaf_of(code: str) -> dict:
        maximum = draw(st.sampled_from(MAXIMA))
        node = {"code": code, "title": code, "max": maximum, "rule": {"kind": "manual"}}
        if draw(st.booleans()):
            node["na"] = draw(st.sampled_from(["full", "exclude"]))
        answer = draw(st.sampled_from(["value", "value", "value", "missing", "na"]))
        if answer == "value":
            inputs[code] = {"value": draw(point_values(maximum))}
        elif answer == "na" and "na" in node:
            inputs[code] = {"na": True}
        return node

    for f in range(1, draw(st.integers(1, 4)) + 1):
        children = []
        for c in range(1, draw(st.integers(1, 3)) + 1):
            code = f"{f}.{c}"
            if draw(st.booleans()):
                subs = [leaf_of(f"{code}.{s}") for s in range(1, draw(st.integers(1, 3)) + 1)]
                total = sum(Decimal(s["max"]) for s in subs)
                children.append({"code": code, "title": code, "max": str(total), "children": subs})
            else:
                children.append(leaf_of(code))
        total = sum(Decimal(c["max"]) for c in children)
        nodes.append({"code": str(f), "title": str(f), "max": str(total), "children": children})
    return nodes, inputs
