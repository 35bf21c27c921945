"""`load_demo_campaign`: Phù Yên's 27 communes on the 2022 demo set, all submitted, the three
seed 003 names late; a second run changes nothing; without the demo set it does nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from parindex.assessments.models import Assessment, Campaign, ScoreEntry
from parindex.assessments.submission import assessment_blockers


def _run(command: str, *args) -> str:
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_without_the_demo_set_nothing_is_created():
    assert "skipped" in _run("load_demo_campaign")
    assert not Campaign.objects.exists()


@pytest.mark.django_db
def test_the_demo_campaign_matches_seed_003_and_loads_once():
    # load_demo builds the demo world and then the campaign (make run's one command).
    assert "Demo campaign created" in _run("load_demo", "--allow-production")

    # load_demo also builds the results demo's 2021 campaign (parindex/results/demo.py).
    campaign = Campaign.objects.get(year=2022)
    assessments = Assessment.objects.filter(campaign=campaign).select_related("unit")
    assert assessments.count() == 27
    late = sorted(a.unit.name for a in assessments if a.late)
    assert late == ["Xã Bắc Phong", "Xã Huy Tường", "Xã Suối Tọ"]
    assert all(a.locked for a in assessments)
    assert all(a.submitted_at > campaign.submit_due for a in assessments if a.late)
    assert all(a.submitted_at <= campaign.submit_due for a in assessments if not a.late)
    assert assessment_blockers(assessments[0]) == []

    campaigns, entries = Campaign.objects.count(), ScoreEntry.objects.count()
    assert "already" in _run("load_demo_campaign")
    assert Campaign.objects.count() == campaigns and ScoreEntry.objects.count() == entries
