"""The points a unit lost in a result snapshot, per leaf, with who answers for them.

Points lost are read from the snapshot row (maximum after N/A − points), never recomputed, so
a plan quotes exactly the figures that were published. The shortfall in plain words is the
engine's lost-points API (parindex.scoring.lost_points) over the inputs the snapshot stored:
its explanation and what full points need ("1 → band 0–<2 → 0; 1 needs band ≥ 2"), how much
the rule can give back (recoverable, never more than the row's loss) and the year-end flag.

The responsible department of a node is the nearest `department` code on the node or its
ancestors in the criteria set, resolved from the assessed unit upwards (frameworks.documents.
resolve_departments): a district assessed by the province hands its losses to its own Phòng
Nội vụ, a commune assessed by the district to the district's.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from parindex.assessments.criteria import CriteriaSet, criteria_for, evaluate
from parindex.frameworks.documents import resolve_departments
from parindex.orgs.models import Department, Unit
from parindex.results.models import ResultSnapshot, UnitResult
from parindex.scoring import Framework, Node
from parindex.scoring import lost_points as engine_lost_points

ZERO = Decimal(0)


@dataclass(frozen=True)
class Loss:
    code: str
    title: str
    position: int
    field_code: str
    criterion_code: str  # the node's parent below the field, or itself: how tasks are grouped
    points: Decimal
    maximum: Decimal
    lost: Decimal
    recoverable: Decimal
    year_end_only: bool
    shortfall: str
    reason: str
    department_code: str | None
    department: Department | None = None


@dataclass(frozen=True)
class FieldLosses:
    code: str
    title: str
    lost: Decimal
    items: tuple[Loss, ...]


def department_code(framework: Framework, node: Node) -> str | None:
    """The node's own department, else its nearest ancestor's."""
    while node is not None:
        if node.department:
            return node.department
        node = framework.node(node.parent) if node.parent else None
    return None


def field_of(framework: Framework, node: Node) -> Node:
    while node.parent:
        node = framework.node(node.parent)
    return node


def criterion_of(framework: Framework, node: Node) -> str:
    """Siblings under one criterion (7.3.2 and 7.3.3 under 7.3) are grouped into one task."""
    if node.parent is None or framework.node(node.parent).parent is None:
        return node.code
    return node.parent


def _engine_items(criteria: CriteriaSet, row: UnitResult, year, language) -> dict:
    """The engine's lost points of the unit, re-evaluated over the inputs the row stored."""
    result = evaluate(criteria, row.inputs, year, language=language)
    return {item.code: item for item in engine_lost_points(result, language)}


def leaf_losses(
    criteria: CriteriaSet, row: UnitResult, year: int | None, *, language: str | None = None
) -> list[Loss]:
    """Every leaf of the row with points lost, in criteria-set order (departments unresolved).

    `lost` is the row's own figure; the shortfall in words, the recoverable points and the
    year-end flag come from the engine (parindex.scoring.lost_points)."""
    framework = criteria.framework
    lost_by_leaf = {
        node.code: Decimal(row.maxima.get(node.code, "0")) - Decimal(row.points.get(node.code, "0"))
        for node in framework.leaves
    }
    lost_by_leaf = {code: lost for code, lost in lost_by_leaf.items() if lost > ZERO}
    if not lost_by_leaf:
        return []
    engine = _engine_items(criteria, row, year, language)
    losses = []
    for code, lost in lost_by_leaf.items():
        node, item = framework.node(code), engine.get(code)
        losses.append(
            Loss(
                code=code,
                title=node.title,
                position=node.position,
                field_code=field_of(framework, node).code,
                criterion_code=criterion_of(framework, node),
                points=Decimal(row.points[code]),
                maximum=Decimal(row.maxima[code]),
                lost=lost,
                recoverable=min(item.recoverable, lost) if item else lost,
                year_end_only=item.year_end_only if item else node.year_end_only,
                shortfall=item.shortfall if item else "",
                reason=row.reasons.get(code, ""),
                department_code=department_code(framework, node),
            )
        )
    return losses


def with_departments(losses: Iterable[Loss], departments: Mapping[str, Department]) -> list[Loss]:
    return [
        Loss(**{**loss.__dict__, "department": departments.get(loss.department_code or "")})
        for loss in losses
    ]


def unit_losses(
    snapshot: ResultSnapshot, row: UnitResult, unit: Unit, *, language: str | None = None
) -> list[Loss]:
    """The unit's lost leaves with departments, most recoverable first."""
    criteria = criteria_for(snapshot.framework)
    losses = leaf_losses(criteria, row, snapshot.campaign.year, language=language)
    codes = {loss.department_code for loss in losses if loss.department_code}
    losses = with_departments(losses, resolve_departments(unit, codes))
    return sorted(losses, key=lambda loss: (-loss.recoverable, loss.position))


def by_field(framework: Framework, losses: Iterable[Loss]) -> list[FieldLosses]:
    """Losses per field in criteria-set order; inside a field, most recoverable first."""
    grouped: dict[str, list[Loss]] = {}
    for loss in losses:
        grouped.setdefault(loss.field_code, []).append(loss)
    return [
        FieldLosses(
            code=field.code,
            title=field.title,
            lost=sum((loss.lost for loss in grouped[field.code]), ZERO),
            items=tuple(sorted(grouped[field.code], key=lambda x: (-x.recoverable, x.position))),
        )
        for field in framework.nodes
        if field.parent is None and field.code in grouped
    ]
