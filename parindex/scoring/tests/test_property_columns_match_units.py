"""Property: each rule's column loop (`points_column`, what evaluation runs) gives every unit
the same points as scoring that unit alone with `points`, digit for digit."""

from datetime import date, timedelta
from decimal import Decimal, localcontext
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from parindex.scoring import Context
from parindex.scoring.rounding import ARITHMETIC

from .documents import one_leaf_framework
from .strategies import point_values

CONTEXT = Context(2022)


def _same_points(rule, column) -> None:
    with localcontext(ARITHMETIC):
        alone = [str(rule.points(typed, CONTEXT)) for typed in column]
        together = [str(points) for points in rule.points_column(column, CONTEXT)]
    assert together == alone


@st.composite
def deduction_cases(draw: st.DrawFn) -> tuple[dict, list[object]]:
    events = []
    for number in range(draw(st.integers(1, 4))):
        event: dict = {"key": f"e{number}"}
        if draw(st.integers(0, 4)) == 0:
            event["zeroes"] = True
        else:
            event["each"] = draw(point_values("1").filter(lambda p: Decimal(p) > 0))
            event["once"] = draw(st.booleans())
        events.append(event)
    floor = draw(st.sampled_from(["0", "0.25", "-1"]))
    rule = {"kind": "deductions", "events": events, "floor": floor}
    counts = st.fixed_dictionaries(
        {}, optional={e["key"]: st.integers(0, 5).map(str) for e in events}
    )
    return rule, draw(st.lists(counts, max_size=12))


@settings(deadline=None)
@given(deduction_cases())
def test_deductions(case):
    rule_config, values = case
    rule = one_leaf_framework(rule_config, "1.5", min="-1").by_code["1.1"].rule
    _same_points(rule, [rule.read(value) for value in values])


@settings(deadline=None)
@given(
    st.lists(st.integers(0, 60), min_size=1, max_size=4, unique=True).map(sorted),
    st.lists(st.one_of(st.none(), st.integers(-40, 90)), max_size=12),
)
def test_deadline(tier_days, days_after_due):
    tiers = [
        {"days_late": days, "points": "1" if not n else "0.5"} for n, days in enumerate(tier_days)
    ]
    rule_config = {"kind": "deadline", "due": "01-31", "tiers": tiers, "otherwise": "0.25"}
    rule = one_leaf_framework(rule_config).by_code["1.1"].rule
    due = date(2022, 1, 31)
    _same_points(rule, [None if d is None else due + timedelta(days=d) for d in days_after_due])


@settings(deadline=None)
@given(
    st.sets(st.integers(1, 9), max_size=3).map(sorted),
    st.lists(st.integers(0, 12).map(Decimal), max_size=12),
)
def test_count_bands(cuts, counts):
    bounds = [0, *cuts]
    bands = [
        {"min": str(low), "max": str(high), "points": str(Decimal(n) / 4)}
        for n, (low, high) in enumerate(pairwise(bounds))
    ]
    bands.append({"min": str(bounds[-1]), "points": "1"})
    rule_config = {"kind": "bands", "measure": "count", "bands": bands}
    _same_points(one_leaf_framework(rule_config).by_code["1.1"].rule, counts)


@settings(deadline=None)
@given(
    st.sampled_from(["derived", "survey"]),
    st.sampled_from(["0.25", "1", "1.5", "2.3333"]),
    st.lists(st.integers(0, 10000).map(lambda n: Decimal(n) / 100), max_size=12),
)
def test_shares_of_the_maximum(kind, maximum, shares):
    _same_points(one_leaf_framework({"kind": kind}, maximum).by_code["1.1"].rule, shares)


@settings(deadline=None)
@given(st.lists(st.sets(st.sampled_from("abcd")).map(sorted), max_size=12))
def test_checklist(ticked):
    items = [
        {"key": key, "points": points}
        for key, points in zip("abcd", ["0.5", "0.25", "0.1", "1"], strict=True)
    ]
    rule = one_leaf_framework({"kind": "checklist", "items": items}).by_code["1.1"].rule
    _same_points(rule, [rule.read(keys) for keys in ticked])
