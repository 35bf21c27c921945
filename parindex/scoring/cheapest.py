"""The cheapest path to the next group: the fewest leaves to recover to reach it (issue 6).

Usage::

    from parindex.scoring import cheapest_path, evaluate_unit

    result = evaluate_unit(framework, inputs)
    path = cheapest_path(result, bands=framework.groups)   # recoverable points: lost_points'
    if path.found:
        [(step.code, step.points, step.target) for step in path.steps]
        path.outcome.index_rounded, path.outcome.group       # checked by what_if (the engine)
    path.explain("en")   # "recover 2 criteria (1.5, 7.2.1) to reach group B: index 80.36"

Which set (docs/scoring.md § Lost points, what-if and the cheapest path): each chosen leaf is
raised by its recoverable points (`recoverable`, default: lost_points' own) and the published
index (round_index of total / maximum × scale_to, the unit's maximum after N/A) must reach the
band's minimum. Among all such sets: (1) the fewest leaves; (2) of those, the fewest points to
win back (the smallest sum of their recoverable points); (3) then the set earliest in the
criteria set (its leaves' document positions compared in order: lowest codes first).

How: the fewest leaves come exactly from a max-plus dynamic programme over the tree (the most
the total can rise with c leaves, parents clamped as the engine clamps them). When no parent can
clamp on the way, gains add up and (2)-(3) are a subset-sum over integer multiples of the
points' common step, done with Python integers as bit sets. Otherwise (a capped parent, a
negative item holding a parent at its minimum, a clamped bonus block) a branch-and-bound search
over sets of that size finds them, pruned by the same bounds. The chosen set is then checked
with what_if, i.e. the engine itself.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from math import gcd

from parindex.scoring.lost import leaf_bests, raised_points, unit_total
from parindex.scoring.model import Framework, GroupBand
from parindex.scoring.phrases import wording
from parindex.scoring.ranking import group_of
from parindex.scoring.results import UnitResult
from parindex.scoring.rounding import ARITHMETIC, POINT_QUANTUM, POINT_SCALE, ZERO, round_index
from parindex.scoring.whatif import WhatIf, WhatIfError, what_if

# Sets the branch and bound may look at before it settles for the best found (~0.5 s at 120 leaves).
SEARCH_BUDGET = 4_000

PATH_PHRASES: dict[str, dict[str, str]] = {
    "path.found": {
        "vi": "Khắc phục {count} tiêu chí ({codes}) để đạt nhóm {label}: chỉ số {index}",
        "en": "recover {count} criteria ({codes}) to reach group {label}: index {index}",
    },
    "path.top_group": {"vi": "Đơn vị đã ở nhóm cao nhất", "en": "already in the highest group"},
    "path.no_index": {
        "vi": "Chưa có chỉ số (điểm tối đa bằng 0)",
        "en": "no index (the maximum is 0)",
    },
    "path.no_bands": {"vi": "Không có phân nhóm", "en": "no group bands"},
    "path.unreachable": {
        "vi": "Khắc phục hết điểm có thể khắc phục cũng chưa đạt nhóm {label} "
        "(cần tổng {needed} điểm, tối đa đạt {best})",
        "en": "recovering every recoverable point does not reach group {label} "
        "(needs a total of {needed}, at most {best})",
    },
}


@dataclass(frozen=True, slots=True)
class Recovery:
    code: str
    points: Decimal  # now
    target: Decimal  # points + recoverable
    recoverable: Decimal


@dataclass(frozen=True, slots=True)
class CheapestPath:
    """`found` with `steps` and the engine's `outcome`; else `reason`: top_group, no_index,
    no_bands or unreachable."""

    band: GroupBand | None  # the group aimed at
    needed_total: Decimal | None  # the lowest total whose published index reaches the band
    steps: tuple[Recovery, ...]  # in document order
    recovered: Decimal  # Σ recoverable of the steps
    outcome: WhatIf | None
    reason: str | None = None
    best_total: Decimal | None = None  # with every recoverable point recovered
    optimal: bool = True  # False: the fewest leaves, but the search budget ran out before
    # the tie-breaks (fewest points, earliest codes) were proven

    @property
    def found(self) -> bool:
        return self.reason is None

    def explain(self, language: str | None = None) -> str:
        words = wording(language)
        texts = {key: value[words.language] for key, value in PATH_PHRASES.items()}
        label = self.band.label if self.band is not None else ""
        if self.reason == "unreachable":
            return texts["path.unreachable"].format(
                label=label,
                needed=words.number(self.needed_total),  # type: ignore[arg-type]
                best=words.number(self.best_total),  # type: ignore[arg-type]
            )
        if self.reason is not None:
            return texts[f"path.{self.reason}"]
        assert self.outcome is not None and self.outcome.index_rounded is not None
        return texts["path.found"].format(
            count=len(self.steps),
            codes=", ".join(step.code for step in self.steps),
            label=label,
            index=words.number(self.outcome.index_rounded),
        )


def _index(total: Decimal, maximum: Decimal, scale_to: Decimal) -> Decimal:
    with localcontext(ARITHMETIC):  # as evaluate.py computes it: total × scale_to / maximum
        return total * scale_to / maximum


def needed_total(result: UnitResult, minimum: Decimal) -> Decimal:
    """The lowest total (a multiple of 0.0001, like every sum of points) whose published
    index reaches `minimum` for this unit's maximum."""
    maximum, scale_to = result.maximum, result.framework.scale_to
    with localcontext(ARITHMETIC):
        guess = ((minimum - Decimal("0.005")) * maximum / scale_to).quantize(POINT_QUANTUM)
    while round_index(_index(guess, maximum, scale_to)) >= minimum:
        guess -= POINT_QUANTUM
    while round_index(_index(guess, maximum, scale_to)) < minimum:
        guess += POINT_QUANTUM
    return guess


def _next_band(index: Decimal, bands: Sequence[GroupBand], target: str | None) -> GroupBand | None:
    if target is not None:
        for band in bands:
            if band.label == target:
                return band
        raise ValueError(f"no group {target!r} among the bands")
    current = group_of(index, bands)
    labels = [band.label for band in bands]
    at = labels.index(current) if current is not None else len(bands)
    return bands[at - 1] if at > 0 else None


def _recoverable(result: UnitResult, given: Mapping[str, Decimal] | None) -> dict[int, Decimal]:
    """Leaf position -> recoverable points (> 0), checked against the leaf's maximum."""
    framework = result.framework
    if given is None:
        return {
            position: best - result.points_at(position)
            for position, best in leaf_bests(result).items()
            if best > result.points_at(position)
        }
    amounts = {}
    for code, amount in given.items():
        node = framework.by_code.get(code)
        if node is None or node.rule is None:
            raise WhatIfError(code, "recoverable points are given for leaves only")
        if not isinstance(amount, Decimal) or amount < 0:
            raise WhatIfError(code, f"recoverable points must be a Decimal ≥ 0, not {amount!r}")
        if result.points_at(node.position) + amount > result.maxima[node.position]:
            raise WhatIfError(code, "recovering these points passes the maximum")
        if amount:
            amounts[node.position] = amount
    return amounts


def _max_plus(a: list[Decimal], b: list[Decimal]) -> tuple[list[Decimal], list[int]]:
    """(max over i of a[i] + b[c − i], the i that gives it) for every c."""
    out: list = [None] * (len(a) + len(b) - 1)
    split = [0] * len(out)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            value, known = x + y, out[i + j]
            if known is None or value > known:
                out[i + j], split[i + j] = value, i
    return out, split


class _MostPerCount:
    """The unit's highest total with exactly c leaves raised (to `raised` points), for every
    c (`totals`), by a max-plus programme over the tree with parents clamped as the engine
    clamps them; `witness(c)` gives leaves that reach it."""

    def __init__(self, result: UnitResult, raised: Mapping[int, Decimal]) -> None:
        framework, points, maxima = result.framework, result.points, result.maxima
        plan = framework.plan
        best: dict[int, list[Decimal]] = {}
        self._splits: dict[int, tuple[tuple[int, ...], list[list[int]]]] = {}
        for step in plan.leaves:
            position = step.position
            value = points[position]
            best[position] = [value, raised[position]] if position in raised else [value]
        with localcontext(ARITHMETIC):
            for position, children, minimum, _maximum, _clamp in plan.parent_columns:
                combined = self._combine(position, children, best)
                high = maxima[position]
                best[position] = [max(minimum, min(value, high)) for value in combined]
            tops = (*plan.fields, *(() if plan.bonus is None else (plan.bonus,)))
            self.totals = self._combine(-1, tops, best)

    def _combine(
        self, key: int, children: tuple[int, ...], best: dict[int, list[Decimal]]
    ) -> list[Decimal]:
        combined, splits = best[children[0]], []
        for child in children[1:]:
            combined, split = _max_plus(combined, best[child])
            splits.append(split)
        self._splits[key] = (children, splits)
        return combined

    def witness(self, count: int) -> list[int]:
        chosen: list[int] = []
        self._walk(-1, count, chosen)
        return sorted(chosen)

    def _walk(self, key: int, count: int, chosen: list[int]) -> None:
        if key not in self._splits:  # a leaf
            if count:
                chosen.append(key)
            return
        children, splits = self._splits[key]
        for child, split in zip(reversed(children[1:]), reversed(splits), strict=True):
            first = split[count]
            self._walk(child, count - first, chosen)
            count = first
        self._walk(children[0], count, chosen)


def _additive(result: UnitResult, raised: Mapping[int, Decimal]) -> bool:
    """True when no parent can clamp whichever of the leaves are raised: gains add up."""
    points, maxima, plan = result.points, result.maxima, result.framework.plan
    high = {position: raised.get(position, points[position]) for position in plan.leaf_slots}
    for position, children, minimum, _maximum, _clamp in plan.parent_columns:
        low_sum = sum((points[child] for child in children), ZERO)
        high_sum = sum((high[child] for child in children), ZERO)
        if low_sum < minimum or high_sum > maxima[position]:
            return False
        high[position] = high_sum
    return True


def _subset_sum(items: list[tuple[int, Decimal]], count: int, gap: Decimal) -> list[int]:
    """Additive gains: `count` items (position, amount) whose amounts add to at least `gap`,
    with the smallest sum, then the earliest positions. Bit c·s of suffix[i] says some c items
    of items[i:] add up to s (in units of the amounts' greatest common step)."""
    units = [int(amount * POINT_SCALE) for _position, amount in items]
    step = 0
    for unit in units:
        step = gcd(step, unit)
    values = [unit // step for unit in units]
    need = -(-int(gap * POINT_SCALE) // step)  # ceiling
    cap = sum(sorted(values, reverse=True)[:count])
    mask = (1 << (cap + 1)) - 1
    suffix = [[1] + [0] * count]
    for value in reversed(values):
        after = suffix[-1]
        here = [1] + [after[c] | ((after[c - 1] << value) & mask) for c in range(1, count + 1)]
        suffix.append(here)
    suffix.reverse()
    reachable = suffix[0][count] >> need
    total = need + (reachable & -reachable).bit_length() - 1
    chosen, left = [], count
    for i, value in enumerate(values):
        if left and total >= value and (suffix[i + 1][left - 1] >> (total - value)) & 1:
            chosen.append(items[i][0])
            total -= value
            left -= 1
    return chosen


def _search(
    result: UnitResult,
    items: list[tuple[int, Decimal]],
    raised: Mapping[int, Decimal],
    count: int,
    needed: Decimal,
    witness: list[int],
) -> tuple[list[int], bool]:
    """Clamping parents: branch and bound over sets of `count` items in document order,
    including before excluding, so the first set found at a given cost is the earliest.
    It starts from the programme's `witness` and stops after SEARCH_BUDGET sets: then the
    best set found is returned with False (fewest leaves still, tie-breaks not proven)."""
    framework, points, maxima = result.framework, list(result.points), result.maxima
    amounts = [amount for _position, amount in items]
    n = len(items)
    # For items[i:], the sums of the m largest and the m smallest amounts.
    largest, smallest = [], []
    for i in range(n + 1):
        rest = sorted(amounts[i:])
        low, high = [ZERO], [ZERO]
        for a, b in zip(rest, reversed(rest), strict=True):
            low.append(low[-1] + a)
            high.append(high[-1] + b)
        smallest.append(low)
        largest.append(high)
    cost_of = dict(items)
    # cost, positions, found by the search (then an equal cost later is a later set)
    best: list = [sum((cost_of[p] for p in witness), ZERO), witness, False]
    budget = [SEARCH_BUDGET]

    def total_with(chosen: list[int]) -> Decimal:
        new = raised_points(framework, points, maxima, {p: raised[p] for p in chosen})
        return unit_total(framework, new)

    def visit(i: int, chosen: list[int], cost: Decimal, total: Decimal) -> None:
        budget[0] -= 1
        if budget[0] < 0:
            return
        left = count - len(chosen)
        if left == 0:
            if total >= needed and (cost < best[0] or (cost == best[0] and chosen < best[1])):
                best[:] = cost, list(chosen), True
            return
        if n - i < left or total + largest[i][left] < needed:
            return
        least = cost + smallest[i][left]
        if least > best[0] or (least == best[0] and best[2]):
            return
        position, amount = items[i]
        chosen.append(position)
        visit(i + 1, chosen, cost + amount, total_with(chosen))
        chosen.pop()
        visit(i + 1, chosen, cost, total)

    visit(0, [], ZERO, total_with([]))
    return best[1], budget[0] >= 0


def _not_found(
    reason: str,
    band: GroupBand | None = None,
    needed: Decimal | None = None,
    best: Decimal | None = None,
) -> CheapestPath:
    return CheapestPath(band, needed, (), ZERO, None, reason, best)


def cheapest_path(
    result: UnitResult,
    bands: Sequence[GroupBand] | None = None,
    recoverable: Mapping[str, Decimal] | None = None,
    *,
    target: str | None = None,
    others: Sequence[Decimal | None] = (),
) -> CheapestPath:
    """The fewest leaves whose recoverable points lift the unit's published index to the next
    group's minimum (or to group `target`). `bands` default to the framework's groups;
    `recoverable` (leaf code -> points) to what lost_points finds; `others` only feed the
    outcome's rank. See the module docstring for the tie-breaks."""
    framework: Framework = result.framework
    bands = tuple(framework.groups if bands is None else bands)
    if not bands:
        return _not_found("no_bands")
    if result.index is None:
        return _not_found("no_index")
    band = _next_band(result.index, bands, target)
    if band is None:
        return _not_found("top_group")
    needed = needed_total(result, band.minimum)
    amounts = _recoverable(result, recoverable)
    raised = {position: result.points_at(position) + amount for position, amount in amounts.items()}
    programme = _MostPerCount(result, raised)
    most = programme.totals
    count = next((c for c, total in enumerate(most) if total >= needed), None)
    if count is None:
        return _not_found("unreachable", band, needed, most[-1])
    items = sorted(amounts.items())
    optimal = True
    if count == 0:
        chosen: list[int] = []
    elif _additive(result, raised):
        chosen = _subset_sum(items, count, needed - result.total)
    else:
        chosen, optimal = _search(result, items, raised, count, needed, programme.witness(count))
    nodes = framework.nodes
    steps = tuple(
        Recovery(nodes[p].code, result.points_at(p), raised[p], amounts[p]) for p in chosen
    )
    outcome = what_if(
        result, points={step.code: step.target for step in steps}, others=others, bands=bands
    )
    if outcome.index_rounded is None or outcome.index_rounded < band.minimum:
        raise AssertionError(f"the engine does not confirm the path to {band.label}: {steps}")
    return CheapestPath(
        band,
        needed,
        steps,
        sum((step.recoverable for step in steps), ZERO),
        outcome,
        best_total=most[-1],
        optimal=optimal,
    )
