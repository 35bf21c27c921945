"""Taking a result snapshot: read the campaign's current scores, run the engine, store it all.

Final snapshots read the `final` layer the council's approval wrote; provisional ones read, per
leaf, the latest of self → step 1 → step 2 (explanations are claims, not scores), exactly as the
council's approval would. Nothing but the engine computes a figure stored here.
"""

import datetime
from collections.abc import Mapping
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from parindex.appraisal.council import SOURCE_LAYERS, final_sources
from parindex.assessments.criteria import CriteriaSet, criteria_for
from parindex.assessments.layers import inputs_of
from parindex.assessments.models import (
    SELF_EDITABLE_STATUSES,
    Assessment,
    AssessmentStatus,
    Campaign,
    CampaignStatus,
    Layer,
)
from parindex.results.figures import build_summary
from parindex.results.lineage import comparison_snapshots, previous_results, previous_summary
from parindex.results.models import ResultSnapshot, SnapshotKind, UnitResult
from parindex.results.reading import Entry, Layers, final_layers, provisional_layers
from parindex.scoring import CampaignResult, Context, GroupBand, UnitScore, score_units

FINAL_STATUSES = frozenset({CampaignStatus.APPROVED, CampaignStatus.PUBLISHED})


class SnapshotRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def bands_of(groups: list[dict]) -> tuple[GroupBand, ...]:
    return tuple(GroupBand(str(band["label"]), Decimal(str(band["min"]))) for band in groups)


def assessments_in(campaign: Campaign, kind: str) -> list[Assessment]:
    """Approved units for a final snapshot; every submitted unit for a provisional one."""
    query = campaign.assessments.select_related("unit")
    if kind == SnapshotKind.FINAL:
        query = query.filter(status=AssessmentStatus.APPROVED)
    else:
        query = query.exclude(status__in=SELF_EDITABLE_STATUSES)
    return list(query.order_by("unit__code"))


def scored_entries(by_layer: Mapping[str, Mapping[str, Entry]], kind: str):
    """The entry each leaf's score comes from."""
    if kind == SnapshotKind.FINAL:
        return dict(by_layer.get(Layer.FINAL, {}))
    return final_sources(by_layer)


def _reasons(by_layer: Mapping[str, Mapping[str, Entry]]) -> dict[str, str]:
    """The appraisers' reasons per leaf, step 2's after step 1's."""
    reasons: dict[str, str] = {}
    for layer in (Layer.STEP1, Layer.STEP2):
        for code, entry in by_layer.get(layer, {}).items():
            if entry.note:
                reasons[code] = entry.note
    return reasons


def _source_of(entry: Entry, kind: str) -> str:
    if kind == SnapshotKind.FINAL:
        return entry.note or f"{entry.layer} r{entry.revision}"
    return f"{entry.layer} r{entry.revision}"


def _unit_row(
    criteria: CriteriaSet, score: UnitScore, assessment: Assessment, by_layer, used, kind
) -> UnitResult:
    result, nodes = score.result, criteria.framework.nodes
    points = result.points
    statuses = result.statuses
    return UnitResult(
        unit=assessment.unit,
        assessment=assessment,
        inputs=inputs_of(used),
        sources={code: _source_of(entry, kind) for code, entry in used.items()},
        points={node.code: str(points[node.position]) for node in nodes},
        maxima={node.code: str(result.maxima[node.position]) for node in nodes},
        statuses={nodes[position].code: str(status) for position, status in statuses.items()},
        self_points={
            code: str(entry.points) for code, entry in by_layer.get(Layer.SELF, {}).items()
        },
        reasons=_reasons(by_layer),
        total=result.total,
        maximum=result.maximum,
        index=result.index_rounded,
        rank=score.rank,
        group=score.group or "",
    )


def compute(
    criteria: CriteriaSet,
    campaign: Campaign,
    assessments: list[Assessment],
    layers: Layers,
    kind: str,
) -> tuple[CampaignResult, list[UnitResult]]:
    """The engine over every unit's scored entries; unsaved UnitResult rows, ranked."""
    used = {a.pk: scored_entries(layers.get(a.pk, {}), kind) for a in assessments}
    campaign_result = score_units(
        criteria.framework,
        {a.unit.code: inputs_of(used[a.pk]) for a in assessments},
        Context(year=campaign.year),
        groups=bands_of(campaign.groups),
        strict=False,
        language=None,
    )
    rows = [
        _unit_row(criteria, score, a, layers.get(a.pk, {}), used[a.pk], kind)
        for score, a in zip(campaign_result.units, assessments, strict=True)
    ]
    return campaign_result, rows


@transaction.atomic
def take_snapshot(
    actor, campaign: Campaign, kind: str, *, now: datetime.datetime | None = None
) -> ResultSnapshot:
    """Compute and store a snapshot; SnapshotRefused when the campaign is not at that stage."""
    kind = SnapshotKind(kind)
    if kind == SnapshotKind.FINAL and campaign.status not in FINAL_STATUSES:
        raise SnapshotRefused(_("A final snapshot is taken after the council approves."))
    assessments = assessments_in(campaign, kind)
    if not assessments:
        raise SnapshotRefused(_("No unit has scores to snapshot yet."))
    ids = [a.pk for a in assessments]
    if kind == SnapshotKind.FINAL:
        layers = final_layers(ids)
    else:
        layers = provisional_layers(ids, SOURCE_LAYERS)
    criteria = criteria_for(campaign.framework)
    campaign_result, rows = compute(criteria, campaign, assessments, layers, kind)
    earlier = comparison_snapshots(campaign)
    previous = previous_results([a.unit for a in assessments], earlier)
    for row in rows:
        row.previous = previous[row.unit.pk]
    summary = build_summary(
        campaign_result, rows, assessments, campaign.groups, previous_summary(earlier)
    )
    snapshot = ResultSnapshot.objects.create(
        campaign=campaign,
        kind=kind,
        framework=campaign.framework,
        source="final" if kind == SnapshotKind.FINAL else "+".join(SOURCE_LAYERS),
        groups=campaign.groups,
        summary=summary,
        taken_at=now or timezone.now(),
        taken_by=actor,
    )
    for row in rows:
        row.snapshot = snapshot
    UnitResult.objects.bulk_create(rows, batch_size=500)
    return snapshot
