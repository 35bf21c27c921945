"""`manage.py send_task_reminders [--date YYYY-MM-DD]`: the daily run for assigned tasks."""

import datetime

from django.core.management.base import BaseCommand, CommandParser

from parindex.assigned_tasks.reminders import days_before, send_task_reminders


class Command(BaseCommand):
    help = "E-mail reminders of assigned tasks due soon (once per person, task and deadline)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date",
            type=datetime.date.fromisoformat,
            help="Act as if today were this date (YYYY-MM-DD); default: today in TIME_ZONE.",
        )

    def handle(self, *args, **options) -> None:
        sent = send_task_reminders(options["date"])
        self.stdout.write(f"{sent} reminder(s) sent ({days_before()} day(s) before deadlines).")
