"""Which result snapshot a remediation page reads, and the same campaign's earlier years.

The current year: results.services.latest_snapshot (the newest final snapshot, else the newest
provisional one; the page says which). Earlier years: only final snapshots.
"""

from django.db.models import QuerySet

from parindex.assessments.models import Campaign
from parindex.orgs.models import Unit
from parindex.results import services as results_services
from parindex.results.models import ResultSnapshot, SnapshotKind, UnitResult


def latest_snapshot(campaign: Campaign, *, final_only: bool = False) -> ResultSnapshot | None:
    if not final_only:
        return results_services.latest_snapshot(campaign)
    return (
        ResultSnapshot.objects.filter(campaign=campaign, kind=SnapshotKind.FINAL)
        .select_related("campaign", "framework")
        .order_by("-taken_at", "-pk")
        .first()
    )


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
