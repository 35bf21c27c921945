"""Demo criteria sets: every framework YAML file in parindex/frameworks/demo/, published.

The folder also holds demo inputs (per-unit answers); only files whose `format` is the
framework format are criteria sets.
"""

from pathlib import Path

from django.db import transaction

from parindex.frameworks import services
from parindex.frameworks.canonical import FORMAT
from parindex.frameworks.models import FrameworkVersion
from parindex.frameworks.yaml_format import load_yaml
from parindex.orgs.models import Department, Unit

DEMO_DIR = Path(__file__).resolve().parent / "demo"


@transaction.atomic
def load_demo_frameworks(
    jurisdiction: Unit, departments: dict[str, Department], *, directory: Path = DEMO_DIR
) -> list[FrameworkVersion]:
    """Import and publish each demo set not yet present (by code) in `jurisdiction`.

    Returns the versions created; running it again creates nothing. A demo file that does not
    validate raises services.RefusedError, listing its problems.
    """
    created = []
    for path in sorted(directory.glob("*.yaml")):
        doc = load_yaml(path.read_bytes())
        if doc.get("format") != FORMAT:
            continue
        if FrameworkVersion.objects.filter(jurisdiction=jurisdiction, code=doc.get("code")):
            continue
        version = services.import_document(
            None, jurisdiction, doc, source=f"demo:{path.name}", departments=departments
        )
        created.append(services.publish(None, version))
    return created
