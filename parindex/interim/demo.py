"""The demo interim round: Phù Yên district's 9-month self-score of seed 000 (55,20/70).

Idempotent; needs the demo district, its criteria set and the demo organiser (load_demo)."""

import datetime

from parindex.accounts.models import User
from parindex.frameworks.demo import DEMO_DIR
from parindex.frameworks.models import FrameworkVersion, Status
from parindex.interim import services
from parindex.interim.models import InterimRound
from parindex.orgs.models import Unit

DEMO_SET = "phu-yen-huyen-2025"
DISTRICT = "SL-PY"
AS_OF = datetime.date(2025, 9, 30)
INPUTS = DEMO_DIR / "district-2025-interim-inputs.yaml"


def _one_unit_file(unit: Unit) -> bytes:
    lines = INPUTS.read_text(encoding="utf-8").splitlines()
    body = "\n".join(f"    {line}" if line.strip() else "" for line in lines)
    return f"units:\n- code: {unit.code}\n  name: {unit.name}\n  inputs:\n{body}\n".encode()


def load_demo_interim(organiser_username: str = "organiser") -> str:
    unit = Unit.objects.filter(code=DISTRICT).first()
    framework = FrameworkVersion.objects.filter(code=DEMO_SET, status=Status.PUBLISHED).first()
    organiser = User.objects.filter(username=organiser_username).first()
    if unit is None or framework is None or organiser is None:
        return "Interim round: demo district, set or organiser missing; skipped."
    if InterimRound.objects.filter(unit=unit, framework=framework, as_of=AS_OF).exists():
        return "Interim round: already loaded."
    round_ = services.start_round(organiser, unit, framework, AS_OF, "9 tháng")
    count = services.import_answers(
        organiser, round_, "seed-000-9-thang.yaml", _one_unit_file(unit)
    )
    result = services.evaluate_round(round_)
    score = f"{result.total}/{result.maximum}"
    return f"Interim round loaded: {unit.name}, 9 tháng, {count} answers, {score}."
