"""`manage.py evidence_sweep_orphans [--delete] [--min-age-hours N]`: list or remove blobs
that no evidence row points at (see parindex/evidence/maintenance.py)."""

import datetime

from django.core.management.base import BaseCommand

from parindex.evidence.maintenance import DEFAULT_MIN_AGE, delete_orphan_blobs, orphan_blob_names


class Command(BaseCommand):
    help = "List (or with --delete remove) stored evidence blobs without a database row."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--delete", action="store_true", help="Delete them, not just list.")
        parser.add_argument(
            "--min-age-hours",
            type=float,
            default=DEFAULT_MIN_AGE.total_seconds() / 3600,
            help="Leave blobs younger than this alone (an upload may still be committing).",
        )

    def handle(self, *args, delete: bool, min_age_hours: float, **options) -> None:
        min_age = datetime.timedelta(hours=min_age_hours)
        names = delete_orphan_blobs(min_age) if delete else orphan_blob_names(min_age)
        for name in names:
            self.stdout.write(name)
        verb = "Deleted" if delete else "Found"
        self.stderr.write(f"{verb} {len(names)} orphan blob(s).")
