"""Which result snapshot a remediation page reads, and the same campaign's earlier years.

Until results/services.py's `latest_snapshot` lands this reads the models directly: the newest
final snapshot, or the newest provisional one when there is no final yet (the page says which).
"""

from django.db.models import QuerySet

from parindex.assessments.models import Campaign
from parindex.orgs.models import Unit
from parindex.results.models import ResultSnapshot, SnapshotKind, UnitResult


def latest_snapshot(campaign: Campaign, *, final_only: bool = False) -> ResultSnapshot | None:
    snapshots = ResultSnapshot.objects.filter(campaign=campaign).order_by("-taken_at", "-pk")
    final = snapshots.filter(kind=SnapshotKind.FINAL).first()
    if final is not None or final_only:
        return final
    return snapshots.filter(kind=SnapshotKind.PROVISIONAL).first()


def unit_row(snapshot: ResultSnapshot, unit: Unit) -> UnitResult | None:
    return UnitResult.objects.filter(snapshot=snapshot, unit=unit).first()


def earlier_campaigns(campaign: Campaign) -> QuerySet[Campaign]:
    """Campaigns of the same jurisdiction and kind of assessed unit in earlier years, newest
    first: "last year" and the years before it (seed 000 looks back three years)."""
    return (
        Campaign.objects.filter(
            jurisdiction_id=campaign.jurisdiction_id,
            framework__unit_kind=campaign.framework.unit_kind,
            year__lt=campaign.year,
        )
        .select_related("framework")
        .order_by("-year", "-pk")
    )
