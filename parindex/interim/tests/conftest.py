"""An interim round of the demo district set for Phù Yên district (seed 000's 9 months)."""

import datetime
import shutil
import textwrap

import pytest

from parindex.frameworks.demo import DEMO_DIR, load_demo_frameworks
from parindex.frameworks.models import FrameworkVersion
from parindex.interim import services
from parindex.orgs.models import Department

SEED_000_INPUTS = DEMO_DIR / "district-2025-interim-inputs.yaml"


def inputs_file(unit_code: str, text: str | None = None) -> bytes:
    """The CLI's YAML inputs file for one unit, from a {leaf: inputs} mapping's text."""
    body = SEED_000_INPUTS.read_text(encoding="utf-8") if text is None else text
    head = f"units:\n- code: {unit_code}\n  name: Huyện Phù Yên\n  inputs:\n"
    return (head + textwrap.indent(body, "    ")).encode()


DEPARTMENTS = ["NV", "TP", "TCKH", "VHTT", "VP", "KTHT", "NNPTNT", "TNMT", "YT", "CA"]


@pytest.fixture
def district_set(department, district, tmp_path) -> FrameworkVersion:
    departments = {
        code: Department.objects.get_or_create(
            jurisdiction=district, code=code, defaults={"name": f"Phòng {code}"}
        )[0]
        for code in DEPARTMENTS
    }
    # Only the district set: importing both demo sets costs seconds per test.
    shutil.copy(DEMO_DIR / "district-2025.yaml", tmp_path)
    load_demo_frameworks(district, departments, directory=tmp_path)
    return FrameworkVersion.objects.get(code="phu-yen-huyen-2025")


@pytest.fixture
def nine_months(organiser, district, district_set):
    return services.start_round(
        organiser, district, district_set, datetime.date(2025, 9, 30), "9 tháng"
    )
