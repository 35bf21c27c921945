"""Per-field statistics across units: average (and against the maximum), highest, lowest,
the gap between them, and how many units are above the average (seed 003's field tables)."""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext

from parindex.scoring.model import Framework
from parindex.scoring.results import UnitResult
from parindex.scoring.rounding import ARITHMETIC, HUNDRED, ZERO, round_average


@dataclass(frozen=True, slots=True)
class Spread:
    """How one measure is spread over units; average rounded for display, counts exact."""

    units: int
    average: Decimal
    highest: Decimal
    lowest: Decimal
    gap: Decimal
    above_average: int  # compared with the exact average, not the rounded one
    highest_units: tuple[str, ...]
    lowest_units: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FieldStatistics:
    code: str
    title: str
    maximum: Decimal  # as declared in the framework
    average_percent: Decimal | None  # Σ points / Σ maxima × 100, so N/A exclusions count
    spread: Spread


def spread_of(values: Mapping[str, Decimal]) -> Spread | None:
    """Spread of values keyed by unit code; None when there are none."""
    return _spread(list(values), list(values.values()))


def _spread(codes: list[str], values: list[Decimal]) -> Spread | None:
    if not values:
        return None
    with localcontext(ARITHMETIC):
        exact_average = sum(values, ZERO) / len(values)
        highest, lowest = max(values), min(values)
        return Spread(
            units=len(values),
            average=round_average(exact_average),
            highest=highest,
            lowest=lowest,
            gap=highest - lowest,
            above_average=sum(1 for value in values if value > exact_average),
            highest_units=tuple(c for c, v in zip(codes, values, strict=True) if v == highest),
            lowest_units=tuple(c for c, v in zip(codes, values, strict=True) if v == lowest),
        )


def field_statistics(
    framework: Framework, results: Mapping[str, UnitResult]
) -> tuple[FieldStatistics, ...]:
    """One row per field (top-level node, bonus block excluded), in framework order."""
    rows = []
    codes, units = list(results), list(results.values())
    for node in framework.fields:
        position = node.position
        points = [result.columns[position][result.unit] for result in units]
        spread = _spread(codes, points)
        if spread is None:
            continue
        with localcontext(ARITHMETIC):
            maxima = sum((result.maxima[position] for result in units), ZERO)
            share = sum(points, ZERO) * HUNDRED / maxima if maxima else None
        rows.append(
            FieldStatistics(
                node.code,
                node.title,
                node.maximum,
                None if share is None else round_average(share),
                spread,
            )
        )
    return tuple(rows)


def index_spread(results: Mapping[str, UnitResult]) -> Spread | None:
    """The spread of the published (2-decimal) index over units that have one."""
    indexes = {code: r.index_rounded for code, r in results.items() if r.index is not None}
    return spread_of(indexes)  # type: ignore[arg-type]
