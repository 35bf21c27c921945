"""The register feeds its criterion: the on-time ratio of the tasks due in the campaign year
is recorded as the criterion's self-assessment inputs through the assessments service, so the
engine computes the points — and locks, permissions and revision conflicts still apply."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from parindex.assessments.entries import EntryRefused, RevisionConflict
from parindex.assessments.models import ScoreEntry
from parindex.assessments.submission import record_submission
from parindex.assigned_tasks.feed import fill_from_register, register_ratio, set_feed
from parindex.assigned_tasks.models import RegisterFeed
from parindex.assigned_tasks.services import delete_task
from parindex.assigned_tasks.tests.conftest import make_task
from parindex.audit.models import AuditEntry

D = datetime.date
TODAY = D(2022, 10, 1)
RATIO_LEAF = "1.3"  # bands on a ratio: < 80% → 0, 80–100% → 1


@pytest.fixture
def register(commune, organiser):
    """2022: 9 done on time, 1 overdue, 1 done late (11 due); not counted: one due later this
    year and still open, one due in 2021, one without deadline, one deleted."""
    for day in range(1, 10):
        make_task(commune, deadline=D(2022, 3, day), completed_on=D(2022, 3, day))
    make_task(commune, deadline=D(2022, 9, 1))
    make_task(commune, deadline=D(2022, 5, 1), completed_on=D(2022, 5, 2))
    make_task(commune, deadline=D(2022, 12, 1))
    make_task(commune, deadline=D(2021, 12, 1), completed_on=D(2021, 12, 1))
    make_task(commune, completed_on=D(2022, 4, 1))
    delete_task(organiser, make_task(commune, deadline=D(2022, 2, 1)), "nhập nhầm")


def test_the_ratio_counts_the_tasks_due_in_the_year_that_can_be_judged(register, commune):
    ratio = register_ratio(commune, 2022, TODAY)
    assert (ratio.on_time, ratio.total) == (9, 11)
    later = register_ratio(commune, 2022, D(2022, 12, 2))  # the December task is overdue now
    assert (later.on_time, later.total) == (9, 12)
    assert register_ratio(commune, 2021, TODAY).total == 1


def test_the_ratio_is_recorded_as_the_criterion_self_assessment(
    register, reporter, organiser, campaign, assessment
):
    set_feed(organiser, campaign, RATIO_LEAF)
    entry = fill_from_register(reporter, assessment, RATIO_LEAF, today=TODAY)

    assert entry.layer == "self" and entry.revision == 1 and entry.author == reporter
    assert entry.inputs == {"value": {"num": "9", "den": "11"}}
    assert entry.points == 1  # 81.8% is in the 80–100% band
    assert (
        entry.note
        == "Computed from the register of assigned tasks: 9/11 on time (tasks due in 2022)."
    )
    assert AuditEntry.objects.filter(action="assessment.entry_saved").count() == 1


def test_a_lower_ratio_gives_the_lower_band(commune, reporter, assessment):
    for day in range(1, 4):
        make_task(commune, deadline=D(2022, 3, day), completed_on=D(2022, 3, day))
    make_task(commune, deadline=D(2022, 3, 9))
    entry = fill_from_register(reporter, assessment, RATIO_LEAF, today=TODAY)
    assert entry.inputs["value"] == {"num": "3", "den": "4"} and entry.points == 0


def test_filling_again_adds_a_revision_only_when_the_register_changed(
    register, commune, reporter, assessment
):
    first = fill_from_register(reporter, assessment, RATIO_LEAF, today=TODAY)
    assert fill_from_register(reporter, assessment, RATIO_LEAF, today=TODAY).pk == first.pk
    make_task(commune, deadline=D(2022, 9, 2), completed_on=D(2022, 9, 2))
    second = fill_from_register(reporter, assessment, RATIO_LEAF, today=TODAY)
    assert second.revision == 2 and second.inputs["value"] == {"num": "10", "den": "12"}
    assert ScoreEntry.objects.filter(node_code=RATIO_LEAF).count() == 2  # history kept


def test_a_stale_base_revision_is_a_conflict(register, reporter, head, assessment):
    fill_from_register(head, assessment, RATIO_LEAF, today=TODAY)
    with pytest.raises(RevisionConflict):
        fill_from_register(reporter, assessment, RATIO_LEAF, base_revision=0, today=TODAY)


def test_a_submitted_assessment_is_locked(register, reporter, head, assessment):
    record_submission(head, assessment, timezone.now())
    with pytest.raises(EntryRefused, match="submitted and is locked"):
        fill_from_register(reporter, assessment, RATIO_LEAF, today=TODAY)
    assert not ScoreEntry.objects.exists()


def test_only_the_units_reporter_or_head_may_record_it(register, organiser, outsider, assessment):
    for user in (organiser, outsider):
        with pytest.raises(PermissionDenied):
            fill_from_register(user, assessment, RATIO_LEAF, today=TODAY)
    assert not ScoreEntry.objects.exists()


def test_only_a_ratio_criterion_can_be_fed(register, reporter, organiser, campaign, assessment):
    with pytest.raises(EntryRefused):
        fill_from_register(reporter, assessment, "1.1", today=TODAY)
    with pytest.raises(EntryRefused):
        set_feed(organiser, campaign, "1.1")
    assert not RegisterFeed.objects.exists()


def test_the_feed_is_set_by_the_campaigns_organiser_and_audited(organiser, council, campaign):
    with pytest.raises(PermissionDenied):
        set_feed(council, campaign, RATIO_LEAF)
    set_feed(organiser, campaign, RATIO_LEAF)
    set_feed(organiser, campaign, "1.4")
    assert RegisterFeed.objects.get().node_code == "1.4"
    set_feed(organiser, campaign, "")
    assert not RegisterFeed.objects.exists()
    changes = [
        e.data["node"]
        for e in AuditEntry.objects.filter(action="assigned_tasks.feed_set").order_by("pk")
    ]
    assert changes == [["", "1.3"], ["1.3", "1.4"], ["1.4", ""]]


def test_the_register_page_button_records_it(
    client_for, register, reporter, organiser, campaign, assessment, commune
):
    set_feed(organiser, campaign, RATIO_LEAF)
    client = client_for(reporter)
    page = client.get(reverse("assigned_tasks:register", args=[commune.pk])).content.decode()
    assert "Record 1.3 from the register" in page
    url = reverse("assigned_tasks:fill", args=[commune.pk, assessment.pk])
    response = client.post(url, {"base_revision": "0"}, follow=True)
    # Today the December 2022 task is overdue too: 9/12 = 75% → 0 points.
    assert "1.3 recorded from the register: 0 points." in response.content.decode()
    assert ScoreEntry.objects.get().inputs == {"value": {"num": "9", "den": "12"}}
    stale = client.post(url, {"base_revision": "0"}, follow=True).content.decode()
    assert "after you opened it" in stale and ScoreEntry.objects.count() == 1


def test_organisers_see_the_ratio_without_the_button(
    client_for, register, organiser, campaign, assessment, commune
):
    set_feed(organiser, campaign, RATIO_LEAF)
    page = (
        client_for(organiser)
        .get(reverse("assigned_tasks:register", args=[commune.pk]))
        .content.decode()
    )
    assert "Criteria computed from this register" in page
    assert "Record 1.3 from the register" not in page
    assert "9/12 (75.00%)" in page and "The unit's reporter or head records it." in page
