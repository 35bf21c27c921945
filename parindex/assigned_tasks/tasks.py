"""The task-reminder run as a django-tasks task, for deployments with a task worker.

django-tasks has no scheduler: something still enqueues it once a day (cron calling
`manage.py send_task_reminders` does the same work directly). A date argument is ISO text.
"""

import datetime

from django_tasks import task

from parindex.assigned_tasks.reminders import send_task_reminders


@task()
def send_task_reminders_task(today: str | None = None) -> int:
    return send_task_reminders(datetime.date.fromisoformat(today) if today else None)
