"""Shared by the lost-points, what-if and cheapest-path tests: the demo district set with
seed 000's 9-month inputs, and small random sets with caps, negative items, N/A and a bonus."""

from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml
from hypothesis import strategies as st

from parindex.scoring import GroupBand, UnitResult, evaluate_unit, load_framework

from .documents import document, leaf, parent

DEMO = Path(__file__).resolve().parents[2] / "frameworks" / "demo"
YEAR_END_ONLY = {"1.1.3", "1.2.3", "2.4", "5.6", "5.7.5", "8.2", "8.3", "8.4.1", "8.4.2", "8.4.3"}
# Seed 003's groups, which the district demo set does not carry.
BANDS = (
    GroupBand("A", Decimal(90)),
    GroupBand("B", Decimal(70)),
    GroupBand("C", Decimal(50)),
    GroupBand("D", Decimal(0)),
)


@cache
def demo_document() -> dict:
    return yaml.safe_load((DEMO / "district-2025.yaml").read_text(encoding="utf-8"))


@cache
def demo_inputs() -> dict:
    return yaml.safe_load((DEMO / "district-2025-interim-inputs.yaml").read_text(encoding="utf-8"))


def demo_result(language: str = "vi") -> UnitResult:
    """Seed 000's 9-month self-scoring: 55.20/70 = 78.86."""
    return evaluate_unit(load_framework(demo_document()), demo_inputs(), language=language)


MANUAL = {"kind": "manual"}


def _points(draw: st.DrawFn, low: Decimal, high: Decimal) -> str:
    """Points in [low, high] in steps of 0.05, or now and then of 0.0001."""
    step = draw(st.sampled_from([Decimal("0.05"), Decimal("0.05"), Decimal("0.0001")]))
    count = int((high - low) / step)
    return str(low + step * draw(st.integers(0, count)))


@st.composite
def small_units(draw: st.DrawFn, max_leaves: int = 12) -> tuple[dict, dict]:
    """(document, inputs) of a set of manual leaves (at most `max_leaves`): some parents
    capped (max_gap < 0) or with room left (max_gap > 0), negative items, N/A-excluded
    leaves and, now and then, a bonus block from −1 to +1."""
    nodes, inputs, leaves = [], {}, 0
    for field in range(1, draw(st.integers(1, 3)) + 1):
        children = []
        for item in range(1, draw(st.integers(1, 3)) + 1):
            code = f"{field}.{item}"
            if leaves >= max_leaves:
                break
            if draw(st.booleans()) and leaves + 2 <= max_leaves:
                subs = []
                for sub in range(1, draw(st.integers(2, 3)) + 1):
                    if leaves >= max_leaves:
                        break
                    subs.append(_random_leaf(draw, f"{code}.{sub}", inputs))
                    leaves += 1
                children.append(_parent(draw, code, subs))
            else:
                children.append(_random_leaf(draw, code, inputs))
                leaves += 1
        if children:
            nodes.append(_parent(draw, str(field), children))
    if draw(st.booleans()) and leaves + 2 <= max_leaves:
        bonus = [leaf(f"9.{n}", "1", MANUAL, min="-1") for n in (1, 2)]
        for n in (1, 2):
            inputs[f"9.{n}"] = {"value": _points(draw, Decimal(-1), Decimal(1))}
        nodes.append(parent("9", "1", bonus, min="-1", max_gap="-1", bonus=True))
    return document(*nodes), inputs


def _random_leaf(draw: st.DrawFn, code: str, inputs: dict) -> dict:
    maximum = Decimal(draw(st.sampled_from(["0.25", "0.5", "1", "1.5"])))
    minimum = draw(st.sampled_from([Decimal(0), Decimal(0), Decimal(0), Decimal("-0.5")]))
    extra: dict = {"min": str(minimum)} if minimum else {}
    if draw(st.integers(0, 9)) == 0:
        extra["na"] = "exclude"
        inputs[code] = {"na": True}
    elif draw(st.integers(0, 9)):
        inputs[code] = {"value": _points(draw, minimum, maximum)}
    return leaf(code, str(maximum), MANUAL, **extra)


def _parent(draw: st.DrawFn, code: str, children: list[dict]) -> dict:
    total = sum(Decimal(child["max"]) for child in children)
    gap = draw(st.sampled_from([Decimal(0), Decimal(0), Decimal("-0.25"), Decimal("-0.5")]))
    gap = gap if total + gap > 0 else Decimal(0)
    gap = draw(st.sampled_from([gap, gap, Decimal("0.5")]))
    extra = {"max_gap": str(gap)} if gap else {}
    return parent(code, str(total + gap), children, **extra)
