"""Points lost per node, in words, and how many can be won back next year (issue 6).

Usage::

    from parindex.scoring import evaluate_unit, lost_points

    result = evaluate_unit(framework, inputs)
    for item in lost_points(result, language="en"):        # leaves, most recoverable first
        item.code, item.lost, item.recoverable, item.shortfall, item.department
        # "1.5", Decimal("1"), Decimal("1"), "1 → band 0–<2 → 0; 1 needs band ≥ 2", "NV"
    interim = [item for item in lost_points(result) if not item.year_end_only]

Definitions (docs/scoring.md § Lost points, what-if and the cheapest path):

- `lost` = the node's maximum for this unit (after N/A exclusions) − its points; N/A-full and
  "nothing arose" leaves lose nothing, an N/A-excluded leaf has maximum 0 and loses nothing.
- `recoverable` (leaves) = the most the leaf's rule can give (`best_points`, at most the
  maximum) − its points: a deductions rule starting at 0.75 of 1 can win back 0.75 at most.
  For a parent, the rise of its points if every leaf beneath were recovered, through the
  engine's clamping of parents (a capped parent recovers less than its leaves add up to).
- `gain` (leaves) = how much the unit's total rises if this leaf alone is recovered: less than
  `recoverable` under a capped parent or inside a clamped bonus block.
- `year_end_only` is a flag: interim reports list those nodes as pending, not as lost; the
  caller decides. `pending` is the part of `lost` on year-end-only leaves (summed for parents).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext

from parindex.scoring.model import Framework, Node
from parindex.scoring.phrases import Wording, wording
from parindex.scoring.results import Status, UnitResult
from parindex.scoring.rounding import ARITHMETIC, ZERO
from parindex.scoring.rules import Rule

# Phrases of the shortfall, one template per language, written like phrases.PHRASES.
SHORTFALL_PHRASES: dict[str, dict[str, str]] = {
    "shortfall.join": {"vi": "{explanation}; {requirement}", "en": "{explanation}; {requirement}"},
    "shortfall.year_end": {
        "vi": "{explanation} (đánh giá cuối năm)",
        "en": "{explanation} (judged at year end)",
    },
    "need.band": {"vi": "cần đạt mức {band} để có {best}", "en": "{best} needs band {band}"},
    "need.target": {
        "vi": "cần đạt chỉ tiêu {target} để có {best}",
        "en": "{best} needs the target {target}",
    },
    "need.due": {"vi": "cần hoàn thành trước {due} để có {best}", "en": "{best} needs it by {due}"},
    "need.yes": {"vi": "cần có để được {best}", "en": "{best} needs a yes"},
    "need.choice": {"vi": "cần đạt {label} để có {best}", "en": "{best} needs {label}"},
    "need.no_deductions": {
        "vi": "không bị trừ điểm mới đạt {best}",
        "en": "{best} needs no deductions",
    },
    "need.items": {"vi": "còn thiếu: {items}", "en": "missing: {items}"},
    "need.maximum": {"vi": "tối đa {best}", "en": "maximum {best}"},
}


def _say(words: Wording, key: str, **fields: str) -> str:
    return SHORTFALL_PHRASES[key][words.language].format(**fields)


@dataclass(frozen=True, slots=True)
class LostPoints:
    """One node where points were lost; Decimals throughout."""

    code: str
    title: str
    is_leaf: bool
    points: Decimal
    maximum: Decimal  # after N/A exclusions
    lost: Decimal  # maximum − points
    recoverable: Decimal  # what can be won back on this node (see the module docstring)
    gain: Decimal  # leaves: rise of the unit's total if only this leaf is recovered
    pending: Decimal  # the part of `lost` on year-end-only leaves
    year_end_only: bool
    status: Status
    department: str | None
    shortfall: str  # the engine's explanation and what full points need, in words


def best_points(rule: Rule) -> Decimal:
    """The most points a leaf's rule can give (formula, manual, derived: the maximum)."""
    kind, maximum = rule.kind, rule.maximum
    if kind == "yes_no":
        best = max(rule.yes, rule.no)  # type: ignore[attr-defined]
    elif kind == "choice":
        best = max(rule.options.values())  # type: ignore[attr-defined]
    elif kind == "deductions":
        best = rule.start  # type: ignore[attr-defined]
    elif kind == "checklist":
        best = sum(rule.items.values(), ZERO)  # type: ignore[attr-defined]
    elif kind == "deadline":
        best = max(points for _days, points in rule.tiers)  # type: ignore[attr-defined]
        best = max(best, rule.otherwise, rule.missing)  # type: ignore[attr-defined]
    elif kind in ("bands", "survey") and getattr(rule, "table", None) is not None:
        best = max(band.points for band in rule.table.bands)  # type: ignore[attr-defined]
    else:
        best = maximum
    return min(best, maximum)


def leaf_bests(result: UnitResult) -> dict[int, Decimal]:
    """Node position -> the most points the leaf can reach for this unit (its rule's best,
    at most its maximum after N/A; an N/A-excluded leaf stays at 0)."""
    maxima = result.maxima
    bests = {}
    for node in result.framework.leaves:
        position = node.position
        best = min(best_points(node.rule), maxima[position])  # type: ignore[arg-type]
        bests[position] = max(result.points_at(position), best)
    return bests


def raised_points(
    framework: Framework,
    points: list[Decimal],
    maxima: "tuple[Decimal, ...] | list[Decimal]",
    raised: Mapping[int, Decimal],
) -> list[Decimal]:
    """Points per node after setting leaves (`raised`: position -> points): each ancestor
    recomputed as the engine does it, the sum of its children clamped to [min, maximum after
    N/A]. `points` is not changed. The what-if (whatif.py) checks this with the engine itself."""
    new = list(points)
    plan = framework.plan
    touched: set[int] = set()
    for position, value in raised.items():
        new[position] = value
        touched.update(plan.ancestors[position])
    if not touched:
        return new
    parents = {entry[0]: entry for entry in plan.parent_columns}
    with localcontext(ARITHMETIC):
        for position in sorted(touched, reverse=True):  # children come after their parents
            _position, children, minimum, _maximum, _may_clamp = parents[position]
            total = sum([new[child] for child in children], ZERO)
            new[position] = max(minimum, min(total, maxima[position]))
    return new


def unit_total(framework: Framework, points: "list[Decimal] | tuple[Decimal, ...]") -> Decimal:
    """Fields plus the bonus block, as evaluate.py adds them."""
    plan = framework.plan
    total = sum(plan.fields_of(points), ZERO)
    return total if plan.bonus is None else total + points[plan.bonus]


def _requirement(node: Node, result: UnitResult, best: Decimal, words: Wording) -> str:
    rule = node.rule
    assert rule is not None
    shown, kind = words.number(best), rule.kind
    if kind in ("bands", "survey") and getattr(rule, "table", None) is not None:
        table = rule.table  # type: ignore[attr-defined]
        band = next(band for band in table.bands if band.points == best)
        return _say(words, "need.band", band=table.label(band, words), best=shown)
    if kind == "proportional":
        target = words.percent(rule.target)  # type: ignore[attr-defined]
        return _say(words, "need.target", target=target, best=shown)
    if kind == "deadline":
        due = words.date(rule.due_date(result.context))  # type: ignore[attr-defined]
        return _say(words, "need.due", due=due, best=shown)
    if kind == "yes_no":
        return _say(words, "need.yes", best=shown)
    if kind == "choice":
        options, labels = rule.options, rule.labels  # type: ignore[attr-defined]
        key = next(key for key, points in options.items() if points == best)
        return _say(words, "need.choice", label=labels[key], best=shown)
    if kind == "deductions":
        return _say(words, "need.no_deductions", best=shown)
    if kind == "checklist":
        ticked = result.inputs.value_of(node.code)
        ticked = ticked if isinstance(ticked, tuple) else ()
        items = [label for key, label in rule.labels.items() if key not in ticked]  # type: ignore[attr-defined]
        return _say(words, "need.items", items=words.join(items))
    return _say(words, "need.maximum", best=shown)


def shortfall(result: UnitResult, code: str, language: str | None = None) -> str:
    """A leaf's shortfall in words: the engine's explanation, then what full points need
    ("1 → band 0–<2 → 0; 1 needs band ≥ 2"); a parent's is its explanation."""
    node = result.framework.by_code[code]
    words = wording(language or result.language)
    explanation = result.explain(code, words.language)
    if node.rule is None:
        return explanation
    status = result.statuses.get(node.position, Status.SCORED)
    if status is Status.MISSING:
        if is_year_end_only(result.framework, node):
            return _say(words, "shortfall.year_end", explanation=explanation)
        return explanation
    if status is not Status.SCORED:
        return explanation
    best = min(best_points(node.rule), result.maxima[node.position])
    if result.points_at(node.position) >= best:
        return explanation
    requirement = _requirement(node, result, best, words)
    return _say(words, "shortfall.join", explanation=explanation, requirement=requirement)


def is_year_end_only(framework: Framework, node: Node) -> bool:
    """Judged only at year end: the node itself or one of its ancestors says so."""
    nodes = framework.nodes
    return node.year_end_only or any(
        nodes[position].year_end_only for position in framework.plan.ancestors[node.position]
    )


def _natural(code: str) -> tuple:
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in code.split("."))


def lost_points(
    result: UnitResult, language: str | None = None, *, parents: bool = False
) -> tuple[LostPoints, ...]:
    """Every leaf (and with `parents`, every parent) of the unit that lost points, sorted by
    recoverable points (most first), then by code in natural order (1.9 before 1.10)."""
    framework = result.framework
    points, maxima = result.points, result.maxima
    bests = leaf_bests(result)
    total = unit_total(framework, points)
    all_raised = raised_points(framework, list(points), maxima, bests)
    pending: dict[int, Decimal] = {}
    for node in framework.leaves:
        lost = maxima[node.position] - points[node.position]
        if is_year_end_only(framework, node) and lost > 0:
            for position in (node.position, *framework.plan.ancestors[node.position]):
                pending[position] = pending.get(position, ZERO) + lost
    items = []
    for node in framework.nodes:
        position = node.position
        lost = maxima[position] - points[position]
        if lost <= 0 or not (parents or node.rule is not None):
            continue
        if node.rule is not None:
            recoverable = bests[position] - points[position]
            alone = raised_points(framework, list(points), maxima, {position: bests[position]})
            gain = unit_total(framework, alone) - total
        else:
            recoverable = all_raised[position] - points[position]
            gain = ZERO
        items.append(
            LostPoints(
                code=node.code,
                title=node.title,
                is_leaf=node.rule is not None,
                points=points[position],
                maximum=maxima[position],
                lost=lost,
                recoverable=recoverable,
                gain=gain,
                pending=min(pending.get(position, ZERO), lost),
                year_end_only=is_year_end_only(framework, node),
                status=result.status(node),
                department=node.department,
                shortfall=shortfall(result, node.code, language),
            )
        )
    items.sort(key=lambda item: (-item.recoverable, _natural(item.code)))
    return tuple(items)
