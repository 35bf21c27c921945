"""E-mail reminders before the deadlines of assigned tasks not yet done.

Who: the reporters and head of the task's unit, and the owners of the task's department whose
scope covers the unit. When: the deadline is at most N days away (N =
`settings.ASSIGNED_TASK_REMINDER_DAYS`, else `settings.REMINDER_DAYS_BEFORE`, else 3), deadline
day included. Once: a `SentTaskReminder` per task, person and deadline is written in the
transaction that sends the e-mail, so running the job again sends nothing new, and a deadline
moved later is reminded afresh. One e-mail per person lists all their tasks due.

Run daily: `manage.py send_task_reminders` (cron, systemd timer) or the django-tasks task in
tasks.py.
"""

import datetime
import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from parindex.appraisal.emails import addressed, site_url
from parindex.assigned_tasks.models import AssignedTask, SentTaskReminder
from parindex.orgs.models import Membership, Role

DEFAULT_DAYS_BEFORE = 3
UNIT_ROLES = (Role.REPORTER, Role.HEAD)
logger = logging.getLogger("parindex.assigned_tasks")


def days_before() -> int:
    fallback = getattr(settings, "REMINDER_DAYS_BEFORE", DEFAULT_DAYS_BEFORE)
    return int(getattr(settings, "ASSIGNED_TASK_REMINDER_DAYS", fallback))


def tasks_due(today: datetime.date, days: int) -> list[AssignedTask]:
    """Living tasks not done whose deadline is within `days` days from `today`."""
    return list(
        AssignedTask.objects.alive()
        .filter(
            completed_on__isnull=True,
            deadline__gte=today,
            deadline__lte=today + datetime.timedelta(days=days),
        )
        .select_related("unit", "department")
    )


def recipients(tasks: list[AssignedTask]) -> dict[int, list]:
    """{task id: [users]}: the unit's reporters/head and the department's owners over it."""
    unit_ids = {t.unit_id for t in tasks}
    department_ids = {t.department_id for t in tasks if t.department_id}
    members = Membership.objects.filter(
        unit_id__in=unit_ids, role__in=UNIT_ROLES
    ) | Membership.objects.filter(department_id__in=department_ids, role=Role.DEPARTMENT_OWNER)
    by_task: dict[int, list] = defaultdict(list)
    members = list(members.select_related("user", "unit"))
    for task in tasks:
        for m in members:
            own = m.role in UNIT_ROLES and m.unit_id == task.unit_id
            owner = (
                m.role == Role.DEPARTMENT_OWNER
                and m.department_id == task.department_id
                and task.unit.is_within(m.unit)
            )
            if own or owner:
                by_task[task.pk].append(m.user)
    return by_task


def _not_sent(pairs: list[tuple[AssignedTask, object]]) -> list[tuple[AssignedTask, object]]:
    sent = set(
        SentTaskReminder.objects.filter(task_id__in={t.pk for t, _u in pairs}).values_list(
            "task_id", "user_id", "deadline"
        )
    )
    return [(t, u) for t, u in pairs if (t.pk, u.pk, t.deadline) not in sent]


def _message(user, tasks: list[AssignedTask]) -> EmailMessage:
    for task in tasks:
        task.register_url = site_url(reverse("assigned_tasks:register", args=[task.unit_id]))
    context = {"user": user, "tasks": sorted(tasks, key=lambda t: (t.deadline, t.pk))}
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject = render_to_string("assigned_tasks/email/reminder_subject.txt", context)
        body = render_to_string("assigned_tasks/email/reminder_body.txt", context)
    return EmailMessage(" ".join(subject.split()), body, to=[user.email])


def _send_once(user, tasks: list[AssignedTask], today: datetime.date) -> bool:
    try:
        with transaction.atomic():
            for task in tasks:
                SentTaskReminder.objects.create(
                    task=task, user=user, deadline=task.deadline, sent_on=today
                )
            get_connection().send_messages([_message(user, tasks)])
    except IntegrityError:
        return False  # another run sent it meanwhile
    except OSError:
        logger.exception("Task reminder to %s could not be sent", user.pk)
        return False  # not recorded: the next run tries again
    return True


def send_task_reminders(today: datetime.date | None = None) -> int:
    """Send the reminders due on `today` that were not sent before; how many e-mails went."""
    today = today or timezone.localdate()
    tasks = tasks_due(today, days_before())
    by_task = recipients(tasks)
    pairs = [(t, u) for t in tasks for u in addressed(by_task.get(t.pk, []))]
    by_user: dict[int, tuple[object, list[AssignedTask]]] = {}
    for task, user in _not_sent(pairs):
        by_user.setdefault(user.pk, (user, []))[1].append(task)
    return sum(1 for user, user_tasks in by_user.values() if _send_once(user, user_tasks, today))
