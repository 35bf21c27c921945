"""Reminders N days before a task's deadline to the unit's reporter and head and the owners of
its department: once per person, task and deadline, however often the job runs."""

import datetime
import io

from django.core import mail
from django.core.management import call_command

from parindex.assigned_tasks.models import SentTaskReminder
from parindex.assigned_tasks.reminders import send_task_reminders
from parindex.assigned_tasks.services import delete_task
from parindex.assigned_tasks.tests.conftest import make_task

D = datetime.date
TODAY = D(2022, 9, 28)
DAY = datetime.timedelta(days=1)


def _to(outbox) -> list[str]:
    return sorted(m.to[0] for m in outbox)


def test_the_unit_and_the_departments_owner_are_reminded(
    commune, department, reporter, head, dept_owner, outsider, organiser
):
    make_task(commune, deadline=D(2022, 9, 30), department=department, content="Báo cáo đất đai")
    assert send_task_reminders(TODAY) == 3
    assert _to(mail.outbox) == [
        "dept_owner@example.test",
        "head@example.test",
        "reporter@example.test",
    ]
    message = mail.outbox[0]
    assert message.subject == "Reminder: 1 assigned task due soon"
    assert (
        "Báo cáo đất đai" in message.body and f"/assigned-tasks/units/{commune.pk}/" in message.body
    )


def test_the_same_reminder_is_sent_once(commune, reporter):
    make_task(commune, deadline=D(2022, 9, 30))
    assert send_task_reminders(TODAY) == 1
    assert send_task_reminders(TODAY) == 0
    assert send_task_reminders(TODAY + DAY) == 0
    assert len(mail.outbox) == 1 and SentTaskReminder.objects.count() == 1


def test_a_moved_deadline_is_reminded_again(commune, reporter):
    task = make_task(commune, deadline=D(2022, 9, 30))
    send_task_reminders(TODAY)
    task.deadline = D(2022, 10, 15)
    task.save()
    assert send_task_reminders(D(2022, 10, 13)) == 1


def test_one_email_lists_all_of_a_persons_tasks(commune, reporter):
    make_task(commune, deadline=D(2022, 9, 29), content="Việc một")
    make_task(commune, deadline=D(2022, 10, 1), content="Việc hai")
    assert send_task_reminders(TODAY) == 1
    body = mail.outbox[0].body
    assert body.index("Việc một") < body.index("Việc hai")
    assert mail.outbox[0].subject == "Reminder: 2 assigned tasks due soon"


def test_the_window_is_configurable_and_done_or_deleted_tasks_are_skipped(
    commune, reporter, organiser, settings
):
    make_task(commune, deadline=D(2022, 10, 2))  # 4 days away
    make_task(commune, deadline=D(2022, 9, 29), completed_on=D(2022, 9, 27))
    delete_task(organiser, make_task(commune, deadline=D(2022, 9, 29)), "trùng")
    make_task(commune, deadline=D(2022, 9, 27))  # already overdue: not a "before" reminder
    assert send_task_reminders(TODAY) == 0
    settings.ASSIGNED_TASK_REMINDER_DAYS = 5
    assert send_task_reminders(TODAY) == 1


def test_people_without_an_email_or_inactive_are_skipped(commune, reporter, head):
    reporter.email = ""
    reporter.save()
    head.is_active = False
    head.save()
    make_task(commune, deadline=D(2022, 9, 30))
    assert send_task_reminders(TODAY) == 0


def test_the_management_command(commune, reporter):
    make_task(commune, deadline=D(2022, 9, 30))
    out = io.StringIO()
    call_command("send_task_reminders", "--date", TODAY.isoformat(), stdout=out)
    call_command("send_task_reminders", "--date", TODAY.isoformat(), stdout=out)
    assert out.getvalue().splitlines() == [
        "1 reminder(s) sent (3 day(s) before deadlines).",
        "0 reminder(s) sent (3 day(s) before deadlines).",
    ]


def test_the_django_tasks_task_with_the_immediate_backend(commune, reporter):
    from parindex.assigned_tasks.tasks import send_task_reminders_task

    make_task(commune, deadline=D(2022, 9, 30))
    result = send_task_reminders_task.enqueue(TODAY.isoformat())
    assert result.status == "SUCCESSFUL" and result.return_value == 1
