"""manage.py import_framework FILE --jurisdiction CODE [--publish]: a set from YAML or XLSX."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from parindex.frameworks import services
from parindex.frameworks.problems import DocumentFormatError
from parindex.frameworks.xlsx_format import read_xlsx
from parindex.frameworks.yaml_format import load_yaml
from parindex.orgs.models import Unit


class Command(BaseCommand):
    help = "Import a criteria set (YAML or XLSX) as a draft of a jurisdiction; all or nothing."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--jurisdiction", required=True, help="code of the owning unit")
        parser.add_argument("--publish", action="store_true", help="publish it after import")

    def handle(self, *args, **options) -> None:
        path: Path = options["file"]
        jurisdiction = Unit.objects.filter(code=options["jurisdiction"]).first()
        if jurisdiction is None:
            raise CommandError(f"No unit with code {options['jurisdiction']!r}.")
        try:
            if path.suffix.lower() == ".xlsx":
                parsed = read_xlsx(path.read_bytes())
                doc, rows = parsed.document, parsed.rows
            else:
                doc, rows = load_yaml(path.read_bytes()), {}
            version = services.import_document(None, jurisdiction, doc, rows=rows, source="cli")
            if options["publish"]:
                services.publish(None, version)
        except (DocumentFormatError, services.RefusedError) as exc:
            raise CommandError("\n".join(str(p) for p in exc.problems)) from exc
        self.stdout.write(f"Imported {version.code} ({version.get_status_display()}).")
