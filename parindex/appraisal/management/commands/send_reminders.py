"""`manage.py send_reminders [--date YYYY-MM-DD]`: the daily reminder run (cron, systemd)."""

import datetime

from django.core.management.base import BaseCommand, CommandParser

from parindex.appraisal.reminders import days_before, send_due_reminders


class Command(BaseCommand):
    help = "E-mail the reminders due today (once per person, deadline and due date)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date",
            type=datetime.date.fromisoformat,
            help="Act as if today were this date (YYYY-MM-DD); default: today in TIME_ZONE.",
        )

    def handle(self, *args, **options) -> None:
        sent = send_due_reminders(options["date"])
        self.stdout.write(f"{sent} reminder(s) sent ({days_before()} day(s) before deadlines).")
