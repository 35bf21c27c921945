"""What-if: a unit's total, index, group and rank if some leaves scored otherwise (issue 6).

Usage::

    from parindex.scoring import evaluate_unit, what_if

    result = evaluate_unit(framework, inputs)
    outcome = what_if(
        result,
        points={"1.5": "1", "7.3.1": Decimal("0.5")},     # target points of leaves
        inputs={"7.2.1": {"value": "120/301"}},           # or replacement inputs of leaves
        others=[other.index for other in other_units],    # for the rank; may hold None
        bands=framework.groups,                           # default: the framework's groups
    )
    outcome.total, outcome.maximum, outcome.index_rounded, outcome.group, outcome.rank
    outcome.changes     # ((code, points before, points after), …) for every node that moved

The original result and its inputs are never changed. Replacement inputs are read and scored
by the engine (`read_inputs` rules, strict: bad inputs raise InputErrors) and may change the
maximum (`{"na": true}`); target points replace a leaf's points after that and must lie in the
leaf's [min, max] with at most 4 decimals (WhatIfError otherwise, never clamped silently).
Parents are then summed and clamped, and the total and index computed, by the engine's own code.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext

from parindex.scoring.errors import InputErrors
from parindex.scoring.evaluate import _Block, _results, _sum_parent_columns, evaluate_units
from parindex.scoring.model import NA_EXCLUDE, GroupBand
from parindex.scoring.phrases import show
from parindex.scoring.ranking import group_of, rank
from parindex.scoring.reading import UnitInputs, read_inputs
from parindex.scoring.results import FieldScore, Status, UnitResult
from parindex.scoring.rounding import ARITHMETIC, has_at_most_point_places, round_index


class WhatIfError(ValueError):
    """An override the what-if cannot take: `code` names the node, `message` says why."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(f"{code}: {message}")


@dataclass(frozen=True, slots=True)
class Change:
    code: str
    before: Decimal
    after: Decimal


@dataclass(frozen=True, slots=True)
class WhatIf:
    """The outcome of a what-if; Decimals throughout, `index` exact, `index_rounded` published."""

    total: Decimal
    base_total: Decimal
    bonus: Decimal | None
    maximum: Decimal
    index: Decimal | None
    index_rounded: Decimal | None
    group: str | None  # by `bands`; None without bands or index
    rank: int | None  # among this unit and `others`; None without an index
    field_scores: tuple[FieldScore, ...]
    changes: tuple[Change, ...]  # nodes whose points differ from the original, document order
    points: tuple[Decimal, ...]  # per node, in Framework.nodes order
    maxima: tuple[Decimal, ...]


def _target(result: UnitResult, code: str, raw: object) -> tuple[int, Decimal]:
    framework = result.framework
    node = framework.by_code.get(code)
    if node is None or node.rule is None:
        raise WhatIfError(code, "target points are given for leaves only")
    if isinstance(raw, float | bool) or not isinstance(raw, Decimal | int | str):
        raise WhatIfError(code, f"target points must be a Decimal, int or text, not {raw!r}")
    try:
        value = Decimal(raw.strip() if isinstance(raw, str) else raw)
    except InvalidOperation:
        raise WhatIfError(code, f"{raw!r} is not a number") from None
    if not value.is_finite() or not has_at_most_point_places(value):
        raise WhatIfError(code, f"{raw!r} is not a number of points with at most 4 decimals")
    status = result.statuses.get(node.position)
    if status is Status.NA and node.na == NA_EXCLUDE:
        raise WhatIfError(code, "not applicable for this unit: give inputs instead of points")
    maximum = result.maxima[node.position]
    if value > maximum:
        raise WhatIfError(code, f"{show(value)} is above the maximum {show(maximum)}")
    if value < node.minimum:
        raise WhatIfError(code, f"{show(value)} is below the minimum {show(node.minimum)}")
    return node.position, value


def _with_inputs(result: UnitResult, entries: Mapping[str, object]) -> UnitResult:
    """The unit evaluated again with some leaves' entries replaced (read by the engine)."""
    framework, original = result.framework, result.inputs
    unknown = sorted(code for code in entries if code not in framework.plan.leaf_codes)
    if unknown:
        raise WhatIfError(unknown[0], "replacement inputs are given for leaves only")
    read = read_inputs(framework, entries)  # type: ignore[arg-type]  # strict: raises
    values = list(original.values)
    specials = dict(original.specials)
    notes = dict(original.notes)
    slots = framework.plan.leaf_slots
    for code in entries:
        position = framework.by_code[code].position
        slot = slots[position]
        values[slot] = read.values[slot]
        specials.pop(slot, None)
        notes.pop(position, None)
        if slot in read.specials:
            specials[slot] = read.specials[slot]
    inputs = UnitInputs(framework, values, specials, notes, list(original.errors))
    (evaluated,) = evaluate_units(framework, [inputs], result.context, language=result.language)
    return evaluated


def what_if(
    result: UnitResult,
    points: Mapping[str, Decimal | int | str] | None = None,
    inputs: Mapping[str, Mapping[str, object]] | None = None,
    *,
    others: Sequence[Decimal | None] = (),
    bands: Sequence[GroupBand] | None = None,
) -> WhatIf:
    """The unit's outcome with leaves set to target `points` and/or replacement `inputs`
    (raw entries, as for read_inputs). `others` are the other units' indices, for the rank;
    `bands` default to the framework's groups. Raises WhatIfError or InputErrors."""
    framework = result.framework
    plan = framework.plan
    points, inputs = points or {}, inputs or {}
    both = sorted(set(points) & set(inputs))
    if both:
        raise WhatIfError(both[0], "give target points or replacement inputs, not both")
    base = _with_inputs(result, inputs) if inputs else result
    if len(base.errors) > len(result.errors):  # e.g. a deadline with no year to resolve it
        raise InputErrors(base.errors[len(result.errors) :])
    targets = dict(_target(base, code, raw) for code, raw in points.items())
    unit = base.unit
    columns = [[column[unit]] for column in base.columns]  # this unit's own, fresh lists
    lowered = {
        position: maximum
        for position, (maximum, declared) in enumerate(zip(base.maxima, plan.maxima, strict=True))
        if maximum != declared
    }
    if targets:
        for position, value in targets.items():
            columns[position] = [value]
        with localcontext(ARITHMETIC):
            _sum_parent_columns(plan, columns, {p: {0: m} for p, m in lowered.items()})
            (base,) = _results(
                framework,
                [base.inputs],
                base.context,
                columns,
                _Block(),
                [base.notes],
                {0: lowered} if lowered else {},
                base.language,
            )
    return _outcome(result, base, others, framework.groups if bands is None else bands)


def _outcome(
    original: UnitResult,
    new: UnitResult,
    others: Sequence[Decimal | None],
    bands: Sequence[GroupBand],
) -> WhatIf:
    before, after = original.points, new.points
    changes = tuple(
        Change(node.code, old, value)
        for node, old, value in zip(original.framework.nodes, before, after, strict=True)
        if old != value
    )
    published = None if new.index is None else round_index(new.index)
    return WhatIf(
        total=new.total,
        base_total=new.base_total,
        bonus=new.bonus,
        maximum=new.maximum,
        index=new.index,
        index_rounded=published,
        group=group_of(published, bands),
        rank=rank([published, *others])[0],
        field_scores=new.field_scores(),
        changes=changes,
        points=after,
        maxima=tuple(new.maxima),
    )
