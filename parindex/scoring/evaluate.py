"""Evaluating units: points for every leaf, sums up the tree, then total and index.

This is the hot path of the application (4,000 units × 120 leaves). It works on inputs already
read into typed values (reading.py) and computes column by column: one rule over all units at
once, then each parent as the element-wise sum of its children's columns. That keeps Python's
per-call overhead out of the inner loops. One unit is simply a column of length one, so
evaluate_unit and score_units share this single code path.
"""

from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal, localcontext
from itertools import repeat
from operator import add, mul, truediv

from parindex.scoring.context import Context
from parindex.scoring.errors import InputError, InputErrors
from parindex.scoring.input_values import InvalidValue
from parindex.scoring.model import NA_FULL, EvaluationPlan, Framework
from parindex.scoring.phrases import DEFAULT_LANGUAGE, language_code
from parindex.scoring.reading import UnitInputs, read_inputs
from parindex.scoring.results import Status, UnitResult
from parindex.scoring.rounding import ARITHMETIC, ZERO
from parindex.scoring.rules import NotApplicable, Rule

# Units evaluated together, column by column. Each unit's typed values lie together in memory
# (read unit by unit), and so do the points computed for a block: while a block's are in the
# CPU cache, every leaf and parent column reads them there. Whole campaigns at once cost a
# cache miss per value instead (4,000 units × 120 leaves: about a fifth more time).
BLOCK_UNITS = 256


class _Block:
    """What happened to a block's units besides plain scoring, by unit index in the block.
    Kept per block and only for the units concerned: every object that outlives its block
    also costs the garbage collector, which scans young objects as they accumulate."""

    __slots__ = ("errors", "excluded", "notes", "statuses")

    def __init__(self) -> None:
        # unit -> position -> status, for leaves whose rule raised (the inputs hold the rest)
        self.statuses: dict[int, dict[int, Status]] = {}
        # unit -> position -> why a leaf is invalid (the input error's message) or N/A (a key)
        self.notes: dict[int, dict[int, str]] = {}
        self.errors: dict[int, list[InputError]] = {}  # raised while evaluating, not reading
        self.excluded: dict[int, list[int]] = {}  # positions of N/A-excluded leaves


def _not_applicable(
    block: _Block, position: int, rule: Rule, column: list[Decimal], unit: int
) -> None:
    block.statuses.setdefault(unit, {})[position] = Status.NA
    if rule.na == NA_FULL:
        column[unit] = rule.maximum
    else:
        column[unit] = ZERO
        block.excluded.setdefault(unit, []).append(position)


def _resolve_context(framework: Framework, context: Context | None) -> Context:
    if context is None:
        return Context(year=framework.year)
    if context.year is None:
        return replace(context, year=framework.year)
    return context


def _careful_column(
    plan_leaf: tuple, column: Sequence[object], context: Context, block: _Block
) -> list[Decimal]:
    """A column where some unit raised: score unit by unit and record who and why."""
    position, code, rule, _read, points_of = plan_leaf
    results: list[Decimal] = []
    for unit, typed in enumerate(column):
        results.append(ZERO)
        try:
            results[unit] = points_of(typed, context)
        except NotApplicable as signal:
            block.notes.setdefault(unit, {})[position] = signal.reason
            _not_applicable(block, position, rule, results, unit)
        except InvalidValue as error:  # e.g. no year to resolve an MM-DD deadline
            error_of_unit = InputError(code, error.input, error.message, error.kind)
            block.errors.setdefault(unit, []).append(error_of_unit)
            block.statuses.setdefault(unit, {})[position] = Status.INVALID
            block.notes.setdefault(unit, {})[position] = error.message
    return results


def _leaf_columns(
    plan: EvaluationPlan, units: Sequence[UnitInputs], context: Context, block: _Block
) -> list:
    columns: list = [None] * plan.size
    value_columns = zip(*[unit.values for unit in units], strict=True)
    for plan_leaf, column in zip(plan.leaves, value_columns, strict=True):
        try:
            columns[plan_leaf.position] = plan_leaf.rule.points_column(column, context)
        except (NotApplicable, InvalidValue):
            columns[plan_leaf.position] = _careful_column(plan_leaf, column, context, block)
    return columns


def _apply_specials(
    plan: EvaluationPlan, units: Sequence[UnitInputs], columns: list, block: _Block
) -> list[dict[int, str]]:
    """Missing, N/A, nothing-arose and invalid leaves replace their placeholder's points (the
    results list their statuses when asked: UnitResult.statuses). Returns each unit's notes."""
    specials_of, na, nothing_arose = plan.specials, Status.NA, Status.NOTHING_AROSE
    notes_of, excluded = block.notes, block.excluded
    all_notes = []
    for unit, inputs in enumerate(units):
        notes = notes_of.get(unit)
        if notes is None:
            notes = inputs.notes  # shared with the inputs: neither is ever changed
        elif inputs.notes:
            notes.update(inputs.notes)
        all_notes.append(notes)
        for slot, status in inputs.specials.items():
            position, maximum, na_full = specials_of[slot]
            if status is na:
                if na_full:
                    columns[position][unit] = maximum
                else:
                    columns[position][unit] = ZERO
                    excluded.setdefault(unit, []).append(position)
            elif status is nothing_arose:
                columns[position][unit] = maximum
            else:
                columns[position][unit] = ZERO
    return all_notes


def _unit_maxima(plan: EvaluationPlan, excluded: list[int]) -> dict[int, Decimal]:
    """Node maxima that N/A-excluded leaves lower: the leaf itself and every ancestor."""
    maxima: dict[int, Decimal] = {}
    for position in excluded:
        removed = plan.maxima[position]
        for node in (position, *plan.ancestors[position]):
            maxima[node] = maxima.get(node, plan.maxima[node]) - removed
    return maxima


def _sum_parent_columns(
    plan: EvaluationPlan, columns: list, lowered: dict[int, dict[int, Decimal]]
) -> None:
    """Each parent's column is the sum of its children's, clamped to [min, max]; `lowered`
    holds, per parent, the units whose maximum N/A exclusions have lowered."""
    for position, children, minimum, maximum, may_clamp in plan.parent_columns:
        total = _sum_columns([columns[child] for child in children])
        if may_clamp and (max(total) > maximum or min(total) < minimum):
            total = [minimum if t < minimum else maximum if t > maximum else t for t in total]
        units = lowered.get(position)
        if units:
            total = list(total)  # it may still be the only child's own column
            for unit, unit_maximum in units.items():
                total[unit] = max(minimum, min(total[unit], unit_maximum))
        columns[position] = total


def _sum_columns(columns: list[list[Decimal]]) -> list[Decimal]:
    """Element-wise c₀ + c₁ + c₂ + …, added in that order; no list between the additions."""
    if len(columns) == 1:
        return columns[0]  # shared, not copied: callers copy before changing it
    total = map(add, columns[0], columns[1])
    for column in columns[2:]:
        total = map(add, total, column)
    return list(total)


def _indexes(totals: list[Decimal], maximum: Decimal, scale_to: Decimal) -> list:
    """total / maximum × scale_to for every unit, as total × scale_to / maximum."""
    if not maximum:
        return [None] * len(totals)
    return list(map(truediv, map(mul, totals, repeat(scale_to)), repeat(maximum)))


def _results(
    framework: Framework,
    units: Sequence[UnitInputs],
    context: Context,
    columns: list,
    block: _Block,
    notes: list[dict[int, str]],
    unit_maxima: dict[int, dict[int, Decimal]],
    language: str,
) -> list[UnitResult]:
    """Totals and index per unit, from the fields' columns."""
    plan = framework.plan
    base = _sum_columns([columns[position] for position in plan.fields])
    bonus = None if plan.bonus is None else columns[plan.bonus]
    totals = base if bonus is None else list(map(add, base, bonus))
    scale_to, maximum = framework.scale_to, plan.maximum
    indexes = _indexes(totals, maximum, scale_to)
    unit_maximum = [maximum] * len(units)
    unit_maxima_rows: list = [plan.maxima] * len(units)
    for unit, lowered_maxima in unit_maxima.items():  # units with N/A-excluded leaves
        maxima = list(plan.maxima)
        for position, lowered in lowered_maxima.items():
            maxima[position] = lowered
        lowered_maximum = sum(plan.fields_of(maxima), ZERO)
        unit_maxima_rows[unit], unit_maximum[unit] = maxima, lowered_maximum
        total = totals[unit]
        indexes[unit] = total * scale_to / lowered_maximum if lowered_maximum else None
    errors = [inputs.errors for inputs in units]  # reading's errors, then evaluation's
    for unit, raised in block.errors.items():
        errors[unit] += tuple(raised)
    bonuses = [None] * len(units) if bonus is None else bonus
    statuses = map(block.statuses.get, range(len(units)))  # evaluation's own, mostly None
    return list(
        map(
            UnitResult,
            repeat(framework),
            units,
            repeat(context),
            repeat(columns),
            range(len(units)),
            unit_maxima_rows,
            statuses,
            notes,
            errors,
            base,
            bonuses,
            totals,
            unit_maximum,
            indexes,
            repeat(language),
        )
    )


def evaluate_units(
    framework: Framework,
    units: Sequence[UnitInputs],
    context: Context | None = None,
    *,
    language: str | None = DEFAULT_LANGUAGE,
) -> list[UnitResult]:
    """Score units whose inputs were read with read_inputs; input errors stay on the results.

    `language` ("vi" or "en", or a tag such as "en-us") is the language of the results'
    explanations, which are only written when read; None means the default, Vietnamese."""
    language = language_code(language)  # a wrong language fails here, not on first reading
    if any(unit.framework is not framework for unit in units):
        raise ValueError("these inputs were read for another framework")
    if not units:
        return []
    context = _resolve_context(framework, context)
    results: list[UnitResult] = []
    with localcontext(ARITHMETIC):
        for first in range(0, len(units), BLOCK_UNITS):
            block = units[first : first + BLOCK_UNITS]
            results += _evaluate_block(framework, block, context, language)
    return results


def _evaluate_block(
    framework: Framework, units: Sequence[UnitInputs], context: Context, language: str
) -> list[UnitResult]:
    """Evaluate units column by column; the results share the columns."""
    plan = framework.plan
    block = _Block()
    columns = _leaf_columns(plan, units, context, block)
    notes = _apply_specials(plan, units, columns, block)
    unit_maxima = {unit: _unit_maxima(plan, excluded) for unit, excluded in block.excluded.items()}
    lowered: dict[int, dict[int, Decimal]] = {}
    for unit, maxima_of_unit in unit_maxima.items():
        for position, maximum in maxima_of_unit.items():
            lowered.setdefault(position, {})[unit] = maximum
    _sum_parent_columns(plan, columns, lowered)
    return _results(framework, units, context, columns, block, notes, unit_maxima, language)


def evaluate_unit(
    framework: Framework,
    inputs: UnitInputs | Mapping[str, Mapping[str, object]],
    context: Context | None = None,
    *,
    strict: bool = True,
    language: str | None = DEFAULT_LANGUAGE,
) -> UnitResult:
    """Score one unit from raw inputs (read here) or from read_inputs' result.

    With strict (the default) all input errors are raised together as InputErrors; with
    strict=False they are kept on the result and the faulty leaves score 0. `language` is that
    of the explanations (see evaluate_units)."""
    if type(inputs) is not UnitInputs:
        inputs = read_inputs(framework, inputs, strict=strict)  # type: ignore[arg-type]
    (result,) = evaluate_units(
        framework,
        [inputs],  # type: ignore[list-item]
        context,
        language=language,
    )
    if result.errors and strict:
        raise InputErrors(result.errors)
    return result
