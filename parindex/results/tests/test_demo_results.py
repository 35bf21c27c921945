"""`load_demo_results`: 2021 published with its final snapshot, 2022 (still in appraisal) with a
provisional snapshot that compares all 27 communes with 2021; a second run adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from parindex.assessments.models import Campaign, CampaignStatus
from parindex.results import services
from parindex.results.demo import load_demo_results
from parindex.results.models import ResultSnapshot, SnapshotKind
from parindex.results.summary import campaign_summary, unit_rows


@pytest.mark.django_db
def test_the_demo_shows_2022_against_published_2021():
    assert "skipped" in load_demo_results()
    call_command("load_demo", "--allow-production", stdout=StringIO())

    assert "published" in load_demo_results()
    last = Campaign.objects.get(year=2021)
    current = Campaign.objects.get(year=2022)
    assert last.status == CampaignStatus.PUBLISHED
    assert current.status == CampaignStatus.OPEN  # left for the appraisal demo
    published = services.latest_snapshot(last, published_only=True)
    assert published.kind == SnapshotKind.FINAL and published.summary["units"] == 27

    snapshot = services.latest_snapshot(current)
    assert snapshot.kind == SnapshotKind.PROVISIONAL
    summary = campaign_summary(snapshot)
    assert summary.compared == 27 and summary.previous_year == 2021
    assert sum(g.count for g in summary.groups) == 27
    assert all(row.direction in ("up", "kept", "down") for row in unit_rows(snapshot))

    load_demo_results()
    assert ResultSnapshot.objects.count() == 2
