"""A unit's previous result ("last year"), filled into UnitResult.previous when a snapshot is taken.

The rule (docs/results.md § Last year):

1. Earlier campaigns are those of the same jurisdiction, for the same kind of unit (the criteria
   set's `unit_kind`), of an earlier year. Of each, the snapshot compared with is its latest
   published final snapshot, else its latest final one; campaigns without a final snapshot are
   skipped (provisional figures are never "last year").
2. A unit's own result in the newest such campaign that has one is its previous result: its
   total, maximum, index and rank, and that campaign's year.
3. A unit with no result of its own but predecessors (UnitPredecessor, a merger) gets the
   weight-averaged total and index of the predecessors' previous results (rule 2 applied to
   each): Σ wᵢ·xᵢ / Σ wᵢ over the predecessors that have one, the total rounded to 4 places and
   the index to 2 (half up, the engine's rounding). `merged_from` lists every predecessor with
   its weight, year and figures (None where it has none). A merged unit has no previous rank:
   ranks of different units in different campaigns cannot be averaged, so its rank change is
   not shown.
"""

from collections.abc import Iterable
from decimal import Decimal, localcontext

from parindex.assessments.models import Campaign
from parindex.orgs.models import Unit, UnitPredecessor
from parindex.results.models import ResultSnapshot, SnapshotKind, UnitResult
from parindex.scoring.rounding import ARITHMETIC, ZERO, round_index, round_points


def comparison_snapshots(campaign: Campaign) -> list[ResultSnapshot]:
    """The snapshot compared with in each earlier campaign, newest campaign first."""
    earlier = Campaign.objects.filter(
        jurisdiction_id=campaign.jurisdiction_id,
        framework__unit_kind=campaign.framework.unit_kind,
        year__lt=campaign.year,
    ).exclude(pk=campaign.pk)
    snapshots = (
        ResultSnapshot.objects.filter(campaign__in=earlier, kind=SnapshotKind.FINAL)
        .select_related("campaign")
        .order_by("-campaign__year", "-campaign_id", "-published_at", "-taken_at", "-pk")
    )
    chosen: dict[int, ResultSnapshot] = {}
    for snapshot in snapshots:
        best = chosen.get(snapshot.campaign_id)
        if best is None or (snapshot.is_published and not best.is_published):
            chosen[snapshot.campaign_id] = snapshot
    return sorted(chosen.values(), key=lambda s: (-s.campaign.year, -s.campaign_id))


def _figures(snapshot: ResultSnapshot, row: tuple) -> dict:
    total, maximum, index, rank = row
    return {
        "year": snapshot.campaign.year,
        "campaign": snapshot.campaign_id,
        "snapshot": snapshot.pk,
        "total": str(total),
        "maximum": str(maximum),
        "index": None if index is None else str(index),
        "rank": rank,
        "merged_from": [],
    }


def _own_results(snapshots: list[ResultSnapshot], unit_ids: set[int]) -> dict[int, dict]:
    """unit id -> figures from the newest snapshot that has the unit (one query)."""
    order = {snapshot.pk: position for position, snapshot in enumerate(snapshots)}
    by_pk = {snapshot.pk: snapshot for snapshot in snapshots}
    rows = (
        UnitResult.objects.filter(snapshot_id__in=list(order), unit_id__in=unit_ids)
        .order_by()
        .values_list("unit_id", "snapshot_id", "total", "maximum", "index", "rank")
    )
    best: dict[int, tuple] = {}
    for unit_id, snapshot_id, *figures in rows:
        found = best.get(unit_id)
        if found is None or order[snapshot_id] < order[found[0]]:
            best[unit_id] = (snapshot_id, figures)
    return {unit_id: _figures(by_pk[sid], tuple(fig)) for unit_id, (sid, fig) in best.items()}


def weighted(links: list[tuple[Unit, Decimal]], found: dict[int, dict]) -> dict | None:
    """The weighted previous result of a merged unit; None when no predecessor has one."""
    parts = [(unit, weight, found.get(unit.pk)) for unit, weight in links]
    known = [(weight, figures) for _unit, weight, figures in parts if figures]
    indexed = [(weight, figures) for weight, figures in known if figures["index"] is not None]
    if not known:
        return None
    with localcontext(ARITHMETIC):
        weights = sum((weight for weight, _ in known), ZERO)
        total = sum((weight * Decimal(f["total"]) for weight, f in known), ZERO) / weights
        index_weights = sum((weight for weight, _ in indexed), ZERO)
        index = (
            sum((weight * Decimal(f["index"]) for weight, f in indexed), ZERO) / index_weights
            if indexed
            else None
        )
    return {
        "year": max(f["year"] for _, f in known),
        "campaign": None,
        "snapshot": None,
        "total": str(round_points(total)),
        "maximum": None,
        "index": None if index is None else str(round_index(index)),
        "rank": None,
        "merged_from": [
            {
                "code": unit.code,
                "name": unit.name,
                "weight": str(weight),
                "year": figures["year"] if figures else None,
                "total": figures["total"] if figures else None,
                "index": figures["index"] if figures else None,
            }
            for unit, weight, figures in parts
        ],
    }


def previous_results(
    units: Iterable[Unit], snapshots: list[ResultSnapshot]
) -> dict[int, dict | None]:
    """unit id -> the JSON stored in UnitResult.previous (None when there is nothing);
    `snapshots` are comparison_snapshots(campaign)."""
    units = list(units)
    if not snapshots:
        return {unit.pk: None for unit in units}
    ids = {unit.pk for unit in units}
    links: dict[int, list[tuple[Unit, Decimal]]] = {}
    query = UnitPredecessor.objects.filter(unit_id__in=ids).select_related("predecessor")
    for link in query.order_by("unit_id", "predecessor__code"):
        links.setdefault(link.unit_id, []).append((link.predecessor, link.weight))
    wanted = ids | {unit.pk for parts in links.values() for unit, _ in parts}
    found = _own_results(snapshots, wanted)
    previous: dict[int, dict | None] = {}
    for unit in units:
        own = found.get(unit.pk)
        previous[unit.pk] = own or (weighted(links[unit.pk], found) if unit.pk in links else None)
    return previous


def previous_summary(snapshots: list[ResultSnapshot]) -> dict | None:
    """The newest comparison snapshot's average index and gap (for "± since last year")."""
    if not snapshots:
        return None
    snapshot = snapshots[0]
    spread = (snapshot.summary or {}).get("index") or {}
    return {
        "campaign": snapshot.campaign_id,
        "snapshot": snapshot.pk,
        "year": snapshot.campaign.year,
        "average": spread.get("average"),
        "gap": spread.get("gap"),
    }
