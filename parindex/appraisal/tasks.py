"""The reminder run as a django-tasks task, for deployments with a task worker.

django-tasks has no scheduler: something still has to enqueue this once a day (cron calling
`manage.py send_reminders` does the same work directly). Arguments are JSON: a date is passed
as its ISO text.
"""

import datetime

from django_tasks import task

from parindex.appraisal.reminders import send_due_reminders


@task()
def send_reminders_task(today: str | None = None) -> int:
    return send_due_reminders(datetime.date.fromisoformat(today) if today else None)
