"""The portal's one door: what is public, and nothing else.

A campaign is public when it has a final result snapshot with `published_at` set; the portal
shows the latest such snapshot and nothing taken before or after it. Every portal view reads
campaigns, snapshots and unit rows only through these functions, so "nothing unpublished
reaches the portal" is decided here, once, for anonymous and logged-in visitors alike.
"""

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404

from parindex.assessments.models import Campaign
from parindex.results.models import ResultSnapshot, SnapshotKind, UnitResult

# Per-node JSON maps a list of units never needs (a national campaign: ~125 nodes per unit).
NODE_MAPS = ("inputs", "sources", "points", "maxima", "statuses", "self_points", "reasons")


def published_snapshots() -> QuerySet[ResultSnapshot]:
    return ResultSnapshot.objects.filter(kind=SnapshotKind.FINAL, published_at__isnull=False)


def _latest_published_of(campaign_ref) -> Subquery:
    newest = published_snapshots().filter(campaign=campaign_ref).order_by("-published_at", "-pk")
    return Subquery(newest.values("pk")[:1])


def current_snapshots() -> QuerySet[ResultSnapshot]:
    """Each public campaign's latest published final snapshot."""
    return published_snapshots().filter(pk=_latest_published_of(OuterRef("campaign")))


def public_campaigns() -> QuerySet[Campaign]:
    """Campaigns with a published result, each annotated with `snapshot_id`, newest first."""
    return (
        Campaign.objects.annotate(snapshot_id=_latest_published_of(OuterRef("pk")))
        .filter(snapshot_id__isnull=False)
        .select_related("jurisdiction", "framework")
        .order_by("jurisdiction__path", "jurisdiction__code", "-year", "framework__code", "pk")
    )


def get_snapshot(jurisdiction: str, year: int, set_code: str) -> ResultSnapshot:
    """The shown snapshot of the campaign named by the URL; Http404 unless published."""
    snapshot = (
        current_snapshots()
        .filter(
            campaign__jurisdiction__code=jurisdiction,
            campaign__year=year,
            campaign__framework__code=set_code,
        )
        .select_related("campaign__jurisdiction", "campaign__framework", "framework")
        .order_by("-published_at", "-pk")
        .first()
    )
    if snapshot is None:
        raise Http404("No published result here.")
    return snapshot


def get_unit_row(snapshot: ResultSnapshot, unit_code: str) -> UnitResult:
    """One unit's row of a published snapshot; Http404 when the unit is not in it."""
    rows = snapshot.units.select_related("unit").defer(*NODE_MAPS)
    row = rows.filter(unit__code=unit_code).first()
    if row is None:
        raise Http404("This unit is not in the published result.")
    return row
