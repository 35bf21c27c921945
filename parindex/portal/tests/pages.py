"""Helpers of the portal tests: portal URLs, publishing any snapshot, and snapshots or units
added beside the real ones (to tell on a page which snapshot was read, and for query counts)."""

import datetime
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from parindex.assessments.models import Assessment, Campaign
from parindex.orgs.tests.factories import UnitFactory
from parindex.results.models import ResultSnapshot, UnitResult


def publish(snapshot: ResultSnapshot, when: datetime.datetime | None = None) -> ResultSnapshot:
    """Marks any snapshot published, as results.services.publish() does for a final one: lets
    the tests publish what the workflow never would (a provisional snapshot, an old one)."""
    ResultSnapshot.objects.filter(pk=snapshot.pk).update(published_at=when or timezone.now())
    snapshot.refresh_from_db()
    return snapshot


def campaign_url(of: Campaign) -> str:
    args = (of.jurisdiction.code, of.year, of.framework.code)
    return reverse("portal:campaign", args=args)


def unit_url(of: Campaign, unit_code: str) -> str:
    args = (of.jurisdiction.code, of.year, of.framework.code, unit_code)
    return reverse("portal:unit", args=args)


def copy_snapshot(
    snapshot: ResultSnapshot, *, index: str, previous: dict | None = None, **fields
) -> ResultSnapshot:
    """Another snapshot of the same campaign whose every unit shows `index`: tells apart, on a
    page, which snapshot the portal read."""
    copy = ResultSnapshot.objects.create(
        campaign=snapshot.campaign,
        kind=fields.pop("kind", snapshot.kind),
        framework=snapshot.framework,
        source=snapshot.source,
        groups=snapshot.groups,
        summary=snapshot.summary,
        taken_at=fields.pop("taken_at", timezone.now()),
        taken_by=snapshot.taken_by,
        **fields,
    )
    for row in snapshot.units.all():
        row.pk, row.snapshot, row.index = None, copy, Decimal(index)
        row.previous = previous
        row._state.adding = True
        row.save()
    return copy


def add_units(snapshot: ResultSnapshot, count: int) -> None:
    """`count` more communes in the snapshot, copies of its first row (for query counts)."""
    template = snapshot.units.order_by("pk").first()
    campaign = snapshot.campaign
    for number in range(count):
        unit = UnitFactory(
            code=f"PY-THEM{number}", name=f"Xã Thêm {number}", parent=campaign.jurisdiction
        )
        row = UnitResult.objects.get(pk=template.pk)
        row.pk, row.unit = None, unit
        row.assessment = Assessment.objects.create(campaign=campaign, unit=unit)
        row.rank = 3 + number
        row._state.adding = True
        row.save()
