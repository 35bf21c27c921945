"""Per-field statistics across units: average (and against the maximum), highest, lowest,
the gap between them, and how many units are above the average (seed 003's field tables)."""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext
from itertools import repeat
from operator import itemgetter, lt

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


def _spread(codes: list[str], values: list[Decimal], total: Decimal | None = None) -> Spread | None:
    """`total`, when the caller has it, is sum(values, ZERO)."""
    if not values:
        return None
    with localcontext(ARITHMETIC):
        exact_average = (sum(values, ZERO) if total is None else total) / len(values)
        highest, lowest = max(values), min(values)
        return Spread(
            units=len(values),
            average=round_average(exact_average),
            highest=highest,
            lowest=lowest,
            gap=highest - lowest,
            above_average=sum(map(lt, repeat(exact_average), values)),
            highest_units=_codes_at(codes, values, highest),
            lowest_units=_codes_at(codes, values, lowest),
        )


def _codes_at(codes: list[str], values: list[Decimal], value: Decimal) -> tuple[str, ...]:
    """The codes of the units whose value equals `value` (list.index compares with ==)."""
    found, start = [], 0
    try:
        while True:
            start = values.index(value, start) + 1
            found.append(codes[start - 1])
    except ValueError:
        return tuple(found)


def _runs(results: list[UnitResult]) -> list[tuple[list, int, int]]:
    """(columns, first unit, end) for each run of results that follow one another in the
    columns they share (units evaluated together): a field's points are then slices."""
    runs: list[tuple[list, int, int]] = []
    for result in results:
        columns, unit = result.columns, result.unit
        if runs and runs[-1][0] is columns and runs[-1][2] == unit:
            runs[-1] = (columns, runs[-1][1], unit + 1)
        else:
            runs.append((columns, unit, unit + 1))
    return runs


def field_statistics(
    framework: Framework, results: Mapping[str, UnitResult]
) -> tuple[FieldStatistics, ...]:
    """One row per field (top-level node, bonus block excluded), in framework order."""
    rows = []
    codes, units = list(results), list(results.values())
    runs = _runs(units)
    # Units without N/A exclusions all share the framework's maxima.
    declared = framework.plan.maxima
    lowered = [result.maxima for result in units if result.maxima is not declared]
    for node in framework.fields:
        position = node.position
        points: list[Decimal] = []
        for columns, first, end in runs:
            points += columns[position][first:end]
        with localcontext(ARITHMETIC):
            total = sum(points, ZERO)
            maxima = declared[position] * (len(units) - len(lowered)) + sum(
                map(itemgetter(position), lowered), ZERO
            )
            share = total * HUNDRED / maxima if maxima else None
        spread = _spread(codes, points, total)
        if spread is None:
            continue
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
