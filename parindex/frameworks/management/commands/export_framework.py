"""manage.py export_framework JURISDICTION CODE OUT: write a set as .yaml or .xlsx."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from parindex.frameworks.documents import to_document
from parindex.frameworks.models import FrameworkVersion
from parindex.frameworks.xlsx_format import write_xlsx
from parindex.frameworks.yaml_format import dump_yaml


class Command(BaseCommand):
    help = "Export a criteria set; the format follows the output file's extension."

    def add_arguments(self, parser) -> None:
        parser.add_argument("jurisdiction", help="code of the owning unit")
        parser.add_argument("code", help="code of the criteria set")
        parser.add_argument("out", type=Path, help="output file, .yaml or .xlsx")

    def handle(self, *args, **options) -> None:
        version = FrameworkVersion.objects.filter(
            jurisdiction__code=options["jurisdiction"], code=options["code"]
        ).first()
        if version is None:
            raise CommandError("No such criteria set.")
        out: Path = options["out"]
        doc = to_document(version)
        if out.suffix.lower() == ".xlsx":
            out.write_bytes(write_xlsx(doc))
        else:
            out.write_text(dump_yaml(doc), encoding="utf-8")
        self.stdout.write(f"Wrote {out}.")
