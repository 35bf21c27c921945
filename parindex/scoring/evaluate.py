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
from operator import add

from parindex.scoring.context import Context
from parindex.scoring.errors import InputError, InputErrors
from parindex.scoring.input_values import InvalidValue
from parindex.scoring.model import NA_FULL, EvaluationPlan, Framework
from parindex.scoring.phrases import DEFAULT_LANGUAGE, language_code
from parindex.scoring.reading import UnitInputs, read_inputs
from parindex.scoring.results import Status, UnitOutcome, UnitResult, UnitTotals
from parindex.scoring.rounding import ARITHMETIC, ZERO
from parindex.scoring.rules import NotApplicable, Rule


def _not_applicable(
    outcome: UnitOutcome, position: int, rule: Rule, column: list[Decimal], unit: int
) -> None:
    outcome.statuses[position] = Status.NA
    if rule.na == NA_FULL:
        column[unit] = rule.maximum
    else:
        column[unit] = ZERO
        outcome.excluded.append(position)


def _resolve_context(framework: Framework, context: Context | None) -> Context:
    if context is None:
        return Context(year=framework.year)
    if context.year is None:
        return replace(context, year=framework.year)
    return context


def _careful_column(
    plan_leaf: tuple, column: Sequence[object], context: Context, outcomes: list[UnitOutcome]
) -> list[Decimal]:
    """A column where some unit raised: score unit by unit and record who and why."""
    position, code, rule, _read, points_of = plan_leaf
    results: list[Decimal] = []
    for unit, typed in enumerate(column):
        results.append(ZERO)
        try:
            results[unit] = points_of(typed, context)
        except NotApplicable as signal:
            outcomes[unit].notes[position] = signal.reason
            _not_applicable(outcomes[unit], position, rule, results, unit)
        except InvalidValue as error:  # e.g. no year to resolve an MM-DD deadline
            outcomes[unit].errors.append(InputError(code, error.input, error.message, error.kind))
            outcomes[unit].statuses[position] = Status.INVALID
            outcomes[unit].notes[position] = error.message
    return results


def _leaf_columns(
    plan: EvaluationPlan, units: Sequence[UnitInputs], context: Context, outcomes: list[UnitOutcome]
) -> list:
    columns: list = [None] * plan.size
    value_columns = zip(*(unit.values for unit in units), strict=True)
    for plan_leaf, column in zip(plan.leaves, value_columns, strict=True):
        try:
            columns[plan_leaf.position] = plan_leaf.rule.points_column(column, context)
        except (NotApplicable, InvalidValue):
            columns[plan_leaf.position] = _careful_column(plan_leaf, column, context, outcomes)
    return columns


def _apply_specials(
    plan: EvaluationPlan, units: Sequence[UnitInputs], columns: list, outcomes: list[UnitOutcome]
) -> None:
    """Missing, N/A, nothing-arose and invalid leaves replace their placeholder's points."""
    for unit, inputs in enumerate(units):
        outcome = outcomes[unit]
        outcome.notes.update(inputs.notes)
        outcome.errors[:0] = inputs.errors
        for slot, status in inputs.specials.items():
            position, _code, rule, _read, _points = plan.leaves[slot]
            column = columns[position]
            outcome.statuses[position] = status
            if status is Status.NA:
                _not_applicable(outcome, position, rule, column, unit)
            elif status is Status.NOTHING_AROSE:
                column[unit] = rule.maximum
            else:
                column[unit] = ZERO


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
        total = columns[children[0]]
        for child in children[1:]:
            total = list(map(add, total, columns[child]))
        if may_clamp and (max(total) > maximum or min(total) < minimum):
            total = [minimum if t < minimum else maximum if t > maximum else t for t in total]
        units = lowered.get(position)
        if units:
            total = list(total)  # it may still be the only child's own column
            for unit, unit_maximum in units.items():
                total[unit] = max(minimum, min(total[unit], unit_maximum))
        columns[position] = total


def _sum_columns(columns: list[list[Decimal]]) -> list[Decimal]:
    total = columns[0]
    for column in columns[1:]:
        total = list(map(add, total, column))
    return total


def _results(
    framework: Framework,
    units: Sequence[UnitInputs],
    context: Context,
    columns: list,
    outcomes: list[UnitOutcome],
    unit_maxima: dict[int, dict[int, Decimal]],
    language: str,
) -> list[UnitResult]:
    """Totals and index per unit, from the fields' columns."""
    plan = framework.plan
    base = _sum_columns([columns[position] for position in plan.fields])
    bonus = None if plan.bonus is None else columns[plan.bonus]
    totals = base if bonus is None else list(map(add, base, bonus))
    scale_to = framework.scale_to
    results = []
    for unit, (inputs, outcome) in enumerate(zip(units, outcomes, strict=True)):
        maxima, maximum = plan.maxima, plan.maximum
        if unit in unit_maxima:
            maxima = list(maxima)  # type: ignore[assignment]
            for position, lowered in unit_maxima[unit].items():
                maxima[position] = lowered  # type: ignore[index]
            maximum = sum(plan.fields_of(maxima), ZERO)
        total = totals[unit]
        index = total * scale_to / maximum if maximum else None
        unit_bonus = None if bonus is None else bonus[unit]
        unit_totals = UnitTotals(base[unit], unit_bonus, total, maximum, index)
        results.append(
            UnitResult(
                framework, inputs, context, columns, unit, maxima, outcome, unit_totals, language
            )
        )
    return results


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
    plan = framework.plan
    context = _resolve_context(framework, context)
    outcomes = [UnitOutcome() for _ in units]
    with localcontext(ARITHMETIC):
        columns = _leaf_columns(plan, units, context, outcomes)
        _apply_specials(plan, units, columns, outcomes)
        unit_maxima = {
            u: _unit_maxima(plan, o.excluded) for u, o in enumerate(outcomes) if o.excluded
        }
        lowered: dict[int, dict[int, Decimal]] = {}
        for unit, maxima_of_unit in unit_maxima.items():
            for position, maximum in maxima_of_unit.items():
                lowered.setdefault(position, {})[unit] = maximum
        _sum_parent_columns(plan, columns, lowered)
        return _results(framework, units, context, columns, outcomes, unit_maxima, language)


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
