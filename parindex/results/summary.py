"""Reading a snapshot: the figures pages, reports and the portal show, as frozen dataclasses.

Nothing here computes a figure: the cross-unit ones were stored by the engine when the snapshot
was taken (figures.py → ResultSnapshot.summary), the per-unit ones are the stored rows. The only
arithmetic is presentation: a change against last year (this index − last year's), points lost
on a node (maximum after N/A − points), and an explanation re-run by the engine from the stored
inputs.

    summary = campaign_summary(snapshot)      # seed 003 section III
    rows = unit_rows(snapshot)                # the ranking table, best first
    card = unit_scorecard(snapshot, unit)     # one unit: fields for a radar, every node
    losses = criterion_losses(snapshot)       # which criteria cost the most points
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _

from parindex.assessments.criteria import criteria_for, evaluate
from parindex.frameworks.documents import resolve_departments
from parindex.orgs.models import Unit
from parindex.results.models import ResultSnapshot, UnitResult
from parindex.scoring import Status

UP, KEPT, DOWN = "up", "kept", "down"


@dataclass(frozen=True)
class UnitRef:
    code: str
    name: str


@dataclass(frozen=True)
class Spread:
    """How a measure spreads over units (the engine's Spread, with unit names)."""

    units: int
    average: Decimal  # exact mean rounded to 2 places
    highest: Decimal
    lowest: Decimal
    gap: Decimal
    above_average: int  # units strictly above the exact mean
    highest_units: tuple[UnitRef, ...]
    lowest_units: tuple[UnitRef, ...]


@dataclass(frozen=True)
class FieldSummary:
    code: str
    title: str
    maximum: Decimal  # as declared in the criteria set
    average: Decimal  # average points
    average_percent: Decimal | None  # Σ points / Σ maxima after N/A × 100, 2 places
    spread: Spread


@dataclass(frozen=True)
class GroupSummary:
    label: str
    minimum: Decimal | None
    count: int
    share: Decimal  # percent of all units, 1 place (4/27 → 14.8)
    units: tuple[UnitRef, ...]  # best first


@dataclass(frozen=True)
class Movement:
    units: tuple[UnitRef, ...]
    points: Decimal | None  # index points gained (or lost) together; None for rank moves


@dataclass(frozen=True)
class LateSubmission:
    code: str
    name: str
    submitted_at: datetime.datetime | None


@dataclass(frozen=True)
class CampaignSummary:
    snapshot_id: int
    kind: str
    year: int
    units: int
    index: Spread | None  # average index, highest/lowest unit, gap, above the average
    fields: tuple[FieldSummary, ...]
    groups: tuple[GroupSummary, ...]
    compared: int  # units with a previous result
    score_up: Movement
    score_same: Movement
    score_down: Movement
    rank_up: Movement
    rank_kept: Movement
    rank_down: Movement
    previous_year: int | None
    previous_average: Decimal | None
    average_change: Decimal | None  # this average index − last year's
    previous_gap: Decimal | None
    gap_change: Decimal | None  # this gap − last year's (negative: narrowed)
    late: tuple[LateSubmission, ...]

    @property
    def average_index(self) -> Decimal | None:
        return self.index.average if self.index else None


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def _refs(codes, names: Mapping[str, str]) -> tuple[UnitRef, ...]:
    return tuple(UnitRef(code, names.get(code, code)) for code in codes)


def _spread(data: Mapping | None, names: Mapping[str, str]) -> Spread | None:
    if not data:
        return None
    return Spread(
        units=data["units"],
        average=Decimal(data["average"]),
        highest=Decimal(data["highest"]),
        lowest=Decimal(data["lowest"]),
        gap=Decimal(data["gap"]),
        above_average=data["above_average"],
        highest_units=_refs(data["highest_units"], names),
        lowest_units=_refs(data["lowest_units"], names),
    )


def _difference(now: Decimal | None, before: Decimal | None) -> Decimal | None:
    return None if now is None or before is None else now - before


def stored_summary(snapshot: ResultSnapshot) -> dict:
    """The summary JSON the engine stored when the snapshot was taken (figures.py)."""
    if not snapshot.summary.get("version"):
        raise ValueError(f"Snapshot {snapshot.pk} has no stored summary.")
    return snapshot.summary


def campaign_summary(snapshot: ResultSnapshot) -> CampaignSummary:
    """Seed 003 section III: the cross-unit figures of one snapshot."""
    data = stored_summary(snapshot)
    names = data["names"]
    changes = data["changes"]
    index = _spread(data["index"], names)
    before = changes.get("previous") or {}
    previous_average, previous_gap = _decimal(before.get("average")), _decimal(before.get("gap"))
    return CampaignSummary(
        snapshot_id=snapshot.pk,
        kind=snapshot.kind,
        year=snapshot.campaign.year,
        units=data["units"],
        index=index,
        fields=tuple(
            FieldSummary(
                code=row["code"],
                title=row["title"],
                maximum=Decimal(row["maximum"]),
                average=Decimal(row["spread"]["average"]),
                average_percent=_decimal(row["average_percent"]),
                spread=_spread(row["spread"], names),
            )
            for row in data["fields"]
        ),
        groups=tuple(
            GroupSummary(
                label=row["label"],
                minimum=_decimal(row["min"]),
                count=row["count"],
                share=Decimal(row["share"]),
                units=_refs(row["units"], names),
            )
            for row in data["groups"]
        ),
        compared=changes["compared"],
        score_up=Movement(_refs(changes["score_up"], names), Decimal(changes["gained"])),
        score_same=Movement(_refs(changes["score_same"], names), Decimal(0)),
        score_down=Movement(_refs(changes["score_down"], names), Decimal(changes["lost"])),
        rank_up=Movement(_refs(changes["rank_up"], names), None),
        rank_kept=Movement(_refs(changes["rank_kept"], names), None),
        rank_down=Movement(_refs(changes["rank_down"], names), None),
        previous_year=before.get("year"),
        previous_average=previous_average,
        average_change=_difference(index.average if index else None, previous_average),
        previous_gap=previous_gap,
        gap_change=_difference(index.gap if index else None, previous_gap),
        late=tuple(
            LateSubmission(
                row["code"],
                names.get(row["code"], row["code"]),
                datetime.datetime.fromisoformat(row["submitted_at"])
                if row["submitted_at"]
                else None,
            )
            for row in data["late"]
        ),
    )


@dataclass(frozen=True)
class MergedFrom:
    code: str
    name: str
    weight: Decimal
    year: int | None
    total: Decimal | None
    index: Decimal | None


@dataclass(frozen=True)
class RankedUnit:
    code: str
    name: str
    kind: str
    index: Decimal | None
    total: Decimal
    maximum: Decimal
    rank: int | None
    group: str
    previous_year: int | None
    previous_index: Decimal | None
    previous_rank: int | None
    previous_total: Decimal | None
    score_change: Decimal | None  # index − previous index (index points)
    rank_change: int | None  # previous rank − rank: positive = moved up
    direction: str | None  # "up" / "kept" / "down" (by rank, else by score); None: no previous
    merged_from: tuple[MergedFrom, ...]  # non-empty when "previous" is the predecessors'

    @property
    def is_merged(self) -> bool:
        return bool(self.merged_from)

    @property
    def merged_note(self) -> str:
        """ "Last year: weighted result of Thị trấn Phù Yên (0.6), Xã Huy Hạ (0.4)" or ""."""
        if not self.merged_from:
            return ""
        parts = ", ".join(f"{part.name} ({part.weight.normalize():f})" for part in self.merged_from)
        return _("Last year: weighted result of %(units)s") % {"units": parts}


def _direction(score_change: Decimal | None, rank_change: int | None) -> str | None:
    change = rank_change if rank_change is not None else score_change
    if change is None:
        return None
    return UP if change > 0 else DOWN if change < 0 else KEPT


def ranked_unit(row: UnitResult) -> RankedUnit:
    before = row.previous or {}
    previous_index = _decimal(before.get("index"))
    previous_rank = before.get("rank")
    score_change = _difference(row.index, previous_index)
    rank_change = None if previous_rank is None or row.rank is None else previous_rank - row.rank
    return RankedUnit(
        code=row.unit.code,
        name=row.unit.name,
        kind=row.unit.kind,
        index=row.index,
        total=row.total,
        maximum=row.maximum,
        rank=row.rank,
        group=row.group,
        previous_year=before.get("year"),
        previous_index=previous_index,
        previous_rank=previous_rank,
        previous_total=_decimal(before.get("total")),
        score_change=score_change,
        rank_change=rank_change,
        direction=_direction(score_change, rank_change),
        merged_from=tuple(
            MergedFrom(
                part["code"],
                part["name"],
                Decimal(part["weight"]),
                part["year"],
                _decimal(part["total"]),
                _decimal(part["index"]),
            )
            for part in before.get("merged_from") or ()
        ),
    )


def _light_rows(snapshot: ResultSnapshot):
    """Unit rows without the per-node JSON (a 4,000-unit table reads no node figures)."""
    return (
        snapshot.units.select_related("unit")
        .only(
            "unit__code",
            "unit__name",
            "unit__kind",
            "total",
            "maximum",
            "index",
            "rank",
            "group",
            "previous",
            "snapshot_id",
            "unit_id",
        )
        .order_by("rank", "unit__code")
    )


def unit_rows(snapshot: ResultSnapshot) -> list[RankedUnit]:
    """Every unit of the snapshot, best first (ties share a rank, then by code; unranked last)."""
    rows = [ranked_unit(row) for row in _light_rows(snapshot)]
    rows.sort(key=lambda r: (r.rank is None, r.rank or 0, r.code))
    return rows


@dataclass(frozen=True)
class ScorecardField:
    code: str
    title: str
    points: Decimal
    maximum: Decimal  # after N/A
    average: Decimal  # average points across the snapshot's units
    best: Decimal  # the highest unit's points


@dataclass(frozen=True)
class ScorecardNode:
    code: str
    title: str
    depth: int
    is_leaf: bool
    maximum: Decimal  # after N/A
    self_points: Decimal | None  # leaves only: the unit's own score
    points: Decimal  # the snapshot's (final, or provisional so far)
    lost: Decimal  # maximum − points (0 when nothing is lost)
    status: str  # scored / missing / na / nothing_arose / invalid / partial
    reason: str  # the appraisers' reason, if they changed it
    explanation: str  # the engine's, in the active language
    department_code: str
    department_name: str


@dataclass(frozen=True)
class Scorecard:
    unit: RankedUnit
    fields: tuple[ScorecardField, ...]
    nodes: tuple[ScorecardNode, ...]


def departments_of(snapshot: ResultSnapshot) -> dict[str, str]:
    """Department code → name of the criteria set's departments, resolved from the campaign's
    jurisdiction upwards as the criteria set resolves them."""
    nodes = criteria_for(snapshot.framework).framework.nodes
    codes = {node.department for node in nodes if node.department}
    resolved = resolve_departments(snapshot.campaign.jurisdiction, codes)
    return {code: department.name for code, department in resolved.items()}


def unit_scorecard(snapshot: ResultSnapshot, unit: Unit) -> Scorecard:
    """One unit's scorecard; UnitResult.DoesNotExist when the unit is not in the snapshot."""
    row = snapshot.units.select_related("unit").get(unit=unit)
    campaign = snapshot.campaign
    criteria = criteria_for(snapshot.framework)
    result = evaluate(criteria, row.inputs, campaign.year, language=translation.get_language())
    fields_data = {f["code"]: f for f in stored_summary(snapshot)["fields"]}
    departments = departments_of(snapshot)
    fields = tuple(
        ScorecardField(
            node.code,
            node.title,
            row.points_of(node.code),
            row.maximum_of(node.code),
            Decimal(fields_data[node.code]["spread"]["average"]),
            Decimal(fields_data[node.code]["spread"]["highest"]),
        )
        for node in criteria.framework.fields
        if node.code in fields_data
    )
    nodes = tuple(
        _scorecard_node(row, node, result, departments) for node in criteria.framework.nodes
    )
    return Scorecard(ranked_unit(row), fields, nodes)


def _scorecard_node(row: UnitResult, node, result, departments) -> ScorecardNode:
    points, maximum = row.points_of(node.code), row.maximum_of(node.code)
    department = node.department or ""
    return ScorecardNode(
        code=node.code,
        title=node.title,
        depth=node.depth,
        is_leaf=node.is_leaf,
        maximum=maximum,
        self_points=_decimal(row.self_points.get(node.code)),
        points=points,
        lost=max(maximum - points, Decimal(0)) if not node.bonus else Decimal(0),
        status=row.statuses.get(node.code, str(Status.SCORED)),
        reason=row.reasons.get(node.code, ""),
        explanation=result.node(node.code).explanation,
        department_code=department,
        department_name=departments.get(department, department),
    )


@dataclass(frozen=True)
class CriterionLoss:
    code: str
    title: str
    depth: int
    is_leaf: bool
    maximum: Decimal  # as declared
    average: Decimal  # average points across units, 2 places
    lost_units: int  # units that lost points on it
    lost_share: Decimal  # their share of all units, percent, 1 place
    lost_total: Decimal  # points lost by all units together
    department_code: str
    department_name: str


def criterion_losses(snapshot: ResultSnapshot) -> list[CriterionLoss]:
    """Every node (leaves and parents, bonus block left out), most points lost first."""
    data = stored_summary(snapshot)["nodes"]
    framework = criteria_for(snapshot.framework).framework
    departments = departments_of(snapshot)
    losses = [
        CriterionLoss(
            code=node.code,
            title=node.title,
            depth=node.depth,
            is_leaf=node.is_leaf,
            maximum=node.maximum,
            average=Decimal(data[node.code]["average"]),
            lost_units=data[node.code]["lost_units"],
            lost_share=Decimal(data[node.code]["lost_share"]),
            lost_total=Decimal(data[node.code]["lost_total"]),
            department_code=node.department or "",
            department_name=departments.get(node.department or "", node.department or ""),
        )
        for node in framework.nodes
        if node.code in data
    ]
    losses.sort(key=lambda loss: (-loss.lost_total, loss.depth, loss.code))
    return losses
