"""Reminders: e-mailed N days before a deadline (REMINDER_DAYS_BEFORE, default 3) to those
with work open for it — units before submission and explanations, appraisers before each
step — once per person, deadline and due date, however often the job runs."""

import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from parindex.appraisal.models import SentReminder
from parindex.appraisal.reminders import send_due_reminders
from parindex.appraisal.tests.factories import (
    change_and_close,
    departmental_set,
    explain_and_start_step2,
    full_schedule,
    refresh,
    submit_by,
)
from parindex.assessments import services
from parindex.assessments.models import CampaignStatus

DAY = datetime.timedelta(days=1)


def _today_for(due: datetime.datetime, days_before: int) -> datetime.date:
    return timezone.localdate(due) - datetime.timedelta(days=days_before)


def _to(outbox) -> list[str]:
    return sorted(m.to[0] for m in outbox)


def test_units_not_submitted_are_reminded_of_the_submission_deadline(
    campaign, reporter, head, outsider, other_head
):
    sent = send_due_reminders(_today_for(campaign.submit_due, 1))

    assert sent == 4
    assert _to(mail.outbox) == [
        "head@example.test",
        "other_head@example.test",
        "outsider@example.test",
        "reporter@example.test",
    ]
    assert "Reminder: submission deadline" in mail.outbox[0].subject


def test_the_same_reminder_is_sent_once(campaign, reporter, head):
    today = _today_for(campaign.submit_due, 2)
    assert send_due_reminders(today) == 2
    assert send_due_reminders(today) == 0
    assert send_due_reminders(today + DAY) == 0
    assert len(mail.outbox) == 2 and SentReminder.objects.count() == 2


def test_nothing_before_the_window_and_the_window_is_configurable(campaign, reporter, settings):
    early = _today_for(campaign.submit_due, 4)
    assert send_due_reminders(early) == 0
    settings.REMINDER_DAYS_BEFORE = 5
    assert send_due_reminders(early) == 1


def test_a_unit_that_submitted_is_not_reminded(campaign, reporter, head, assessment):
    submit_by(reporter, head, assessment)
    assert send_due_reminders(_today_for(campaign.submit_due, 1)) == 0


def test_an_extension_is_a_new_deadline_reminded_afresh(campaign, organiser, reporter, assessment):
    send_due_reminders(_today_for(campaign.submit_due, 1))
    later = campaign.submit_due + 10 * DAY
    services.extend_deadline(organiser, assessment, later, "Lũ quét")

    assert send_due_reminders(_today_for(campaign.submit_due, 0)) == 0  # outside its new window
    assert send_due_reminders(_today_for(later, 1)) == 1
    assert {r.due for r in SentReminder.objects.all()} == {campaign.submit_due, later}


def test_appraisers_with_pending_leaves_before_step_1_is_due(step1, appraiser, justice_appraiser):
    sent = send_due_reminders(_today_for(step1.step1_due, 0))
    assert sent == 2
    assert _to(mail.outbox) == ["appraiser@example.test", "tp_appraiser@example.test"]
    assert "10 criteria are still waiting" in mail.outbox[0].body


def test_units_asked_to_explain_and_then_appraisers_of_step_2(
    step1, organiser, appraiser, reporter, head, assessment
):
    change_and_close(organiser, appraiser, assessment)
    campaign = refresh(assessment).campaign
    assert send_due_reminders(_today_for(campaign.explain_due, 3)) == 2
    assert _to(mail.outbox) == ["head@example.test", "reporter@example.test"]
    assert "Xã Tường Phù" in mail.outbox[0].body

    explain_and_start_step2(organiser, reporter, head, assessment)
    mail.outbox.clear()
    assert send_due_reminders(_today_for(campaign.step2_due, 1)) == 1
    assert _to(mail.outbox) == ["appraiser@example.test"]
    assert "1 criterion is still waiting" in mail.outbox[0].body


def test_the_management_command(campaign, reporter):
    day = _today_for(campaign.submit_due, 1).isoformat()
    out = io.StringIO()
    call_command("send_reminders", "--date", day, stdout=out)
    call_command("send_reminders", "--date", day, stdout=out)
    assert out.getvalue().splitlines() == [
        "1 reminder(s) sent (3 day(s) before deadlines).",
        "0 reminder(s) sent (3 day(s) before deadlines).",
    ]


def test_the_django_tasks_task_with_the_immediate_backend(campaign, reporter):
    from parindex.appraisal.tasks import send_reminders_task

    result = send_reminders_task.enqueue(_today_for(campaign.submit_due, 1).isoformat())
    assert result.status == "SUCCESSFUL" and result.return_value == 1


def test_a_draft_campaign_reminds_nobody(organiser, district, commune, department, reporter):
    draft = services.create_campaign(
        organiser,
        jurisdiction=district,
        framework=departmental_set(district, {"1": department}, code="draft-set"),
        year=2022,
        title="Nháp",
        schedule=full_schedule(),
        units=[commune],
    )
    assert draft.status == CampaignStatus.DRAFT
    assert send_due_reminders(_today_for(draft.submit_due, 1)) == 0
