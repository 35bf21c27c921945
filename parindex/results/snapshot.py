"""Taking a result snapshot: read the campaign's current scores, run the engine, store it all.

Final snapshots read the `final` layer the council's approval wrote; provisional ones read, per
leaf, the latest of self → step 1 → step 2 (explanations are claims, not scores), exactly as the
council's approval would. Nothing but the engine computes a figure stored here.
"""

import datetime
import json
import time
from collections.abc import Iterable, Mapping
from decimal import Decimal
from operator import add

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
from parindex.results.bundles import (
    Basis,
    StoredJSON,
    basis,
    current_bundles,
    final_basis,
    points_text,
    reasons_of,
)
from parindex.results.figures import build_summary, points_of
from parindex.results.lineage import comparison_snapshots, previous_results, previous_summary
from parindex.results.models import ResultSnapshot, SnapshotKind, UnitResult
from parindex.results.reading import Entry, Layers, final_layers, provisional_layers
from parindex.results.storing import insert_rows
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


def basis_of(by_layer: Mapping[str, Mapping[str, Entry]], kind: str) -> Basis:
    """What a unit's row is computed from, out of its current entries: a final snapshot's the
    way the approval's bundle has it (bundles.final_basis); a provisional one's per leaf from
    the latest of self → step 1 → step 2."""
    if kind == SnapshotKind.FINAL:
        return final_basis(by_layer)
    used = final_sources(by_layer)
    return basis(
        inputs=inputs_of(used),
        sources={code: f"{entry.layer} r{entry.revision}" for code, entry in used.items()},
        self_points={
            code: points_text(entry.points) for code, entry in by_layer.get(Layer.SELF, {}).items()
        },
        reasons=reasons_of(by_layer),
    )


def _object_heads(codes: list[str]) -> list[str]:
    """Each key's '"code": "' (json.dumps' own separators), for json_object."""
    return [f'{json.dumps(code)}: "' for code in codes]


def json_object(heads: list[str], values: Iterable[str]) -> StoredJSON:
    """The JSON text json.dumps gives for {code: value}, made by joining: the values are
    decimals as text (digits, sign, point, exponent), which need no escaping. A national
    snapshot stores 1.5 million of them."""
    if not heads:
        return StoredJSON("{}")
    return StoredJSON("{" + '", '.join(map(add, heads, values)) + '"}')


def _unit_row(
    heads: list[str], score: UnitScore, assessment: Assessment, basis: Basis, maxima: StoredJSON
) -> UnitResult:
    result = score.result
    codes = result.framework.nodes
    return UnitResult(
        unit=assessment.unit,
        assessment=assessment,
        inputs=basis.inputs,
        sources=basis.sources,
        points=json_object(heads, map(str, points_of(result))),
        maxima=maxima,
        statuses={
            codes[position].code: str(status) for position, status in result.statuses.items()
        },
        self_points=basis.self_points,
        reasons=basis.reasons,
        total=result.total,
        maximum=result.maximum,
        index=result.index_rounded,
        rank=score.rank,
        group=score.group or "",
    )


def compute_rows(
    criteria: CriteriaSet,
    campaign: Campaign,
    assessments: list[Assessment],
    bases: Mapping[int, Basis],
) -> tuple[CampaignResult, list[UnitResult]]:
    """The engine over every unit's basis; unsaved UnitResult rows, ranked. The per-node maps
    (points, maxima) are JSON text already (StoredJSON), written as they are."""
    campaign_result = score_units(
        criteria.framework,
        {a.unit.code: bases[a.pk].engine_inputs for a in assessments},
        Context(year=campaign.year),
        groups=bands_of(campaign.groups),
        strict=False,
        language=None,
    )
    heads = _object_heads([node.code for node in criteria.framework.nodes])
    # The engine gives every unit without an N/A exclusion the same maxima list: its text is
    # made once (keyed by the list's identity, which lives as long as the results do).
    maxima: dict[int, StoredJSON] = {}
    rows = []
    for score, assessment in zip(campaign_result.units, assessments, strict=True):
        unit_maxima = score.result.maxima
        text = maxima.get(id(unit_maxima))
        if text is None:
            text = maxima[id(unit_maxima)] = json_object(heads, map(str, unit_maxima))
        rows.append(_unit_row(heads, score, assessment, bases[assessment.pk], text))
    return campaign_result, rows


def compute(
    criteria: CriteriaSet,
    campaign: Campaign,
    assessments: list[Assessment],
    layers: Layers,
    kind: str,
) -> tuple[CampaignResult, list[UnitResult]]:
    """compute_rows over the units' current entries ({assessment id: {layer: {code: entry}}})."""
    bases = {a.pk: basis_of(layers.get(a.pk, {}), kind) for a in assessments}
    return compute_rows(criteria, campaign, assessments, bases)


def bases_of(assessments: list[Assessment], kind: str) -> tuple[dict[int, Basis], str]:
    """Every unit's basis, and how it was read ("bundles", "layers" or "bundles+layers").

    A final snapshot reads the approval's bundles; units approved before bundles existed are
    read from their layers. A provisional snapshot reads the source layers."""
    ids = [a.pk for a in assessments]
    if kind != SnapshotKind.FINAL:
        layers = provisional_layers(ids, SOURCE_LAYERS)
        return {pk: basis_of(layers.get(pk, {}), kind) for pk in ids}, "layers"
    bases = current_bundles(ids)
    missing = [pk for pk in ids if pk not in bases]
    if missing:
        layers = final_layers(missing)
        bases.update((pk, basis_of(layers.get(pk, {}), kind)) for pk in missing)
    how = (
        "bundles+layers"
        if missing and len(missing) < len(ids)
        else "layers"
        if missing
        else "bundles"
    )
    return bases, how


class _Clock:
    """Wall and CPU seconds per step of taking a snapshot, when the caller asks for them."""

    def __init__(self, timings: dict | None) -> None:
        self.timings = timings
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self, step: str) -> None:
        if self.timings is None:
            return
        wall, cpu = time.perf_counter(), time.process_time()
        self.timings[step] = {"wall": wall - self.wall, "cpu": cpu - self.cpu}
        self.wall, self.cpu = wall, cpu


@transaction.atomic
def take_snapshot(
    actor,
    campaign: Campaign,
    kind: str,
    *,
    now: datetime.datetime | None = None,
    timings: dict | None = None,
) -> ResultSnapshot:
    """Compute and store a snapshot; SnapshotRefused when the campaign is not at that stage.

    `timings`, when given, receives {step: {"wall", "cpu"}} seconds (the benchmark's
    breakdown) and "read": how the units were read (see bases_of)."""
    clock = _Clock(timings)
    kind = SnapshotKind(kind)
    if kind == SnapshotKind.FINAL and campaign.status not in FINAL_STATUSES:
        raise SnapshotRefused(_("A final snapshot is taken after the council approves."))
    assessments = assessments_in(campaign, kind)
    if not assessments:
        raise SnapshotRefused(_("No unit has scores to snapshot yet."))
    bases, how = bases_of(assessments, kind)
    clock.lap("read")
    criteria = criteria_for(campaign.framework)
    campaign_result, rows = compute_rows(criteria, campaign, assessments, bases)
    del bases
    clock.lap("engine and rows")
    earlier = comparison_snapshots(campaign)
    previous = previous_results([a.unit for a in assessments], earlier)
    for row in rows:
        row.previous = previous[row.unit.pk]
    clock.lap("last year")
    summary = build_summary(
        campaign_result, rows, assessments, campaign.groups, previous_summary(earlier)
    )
    clock.lap("summary")
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
    insert_rows(UnitResult, rows)
    clock.lap("insert")
    if timings is not None:
        timings["how"] = how
    return snapshot
