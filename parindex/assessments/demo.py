"""The demo campaign: Phù Yên's 2022 commune assessment (seed 003), self-scored and submitted.

Seed 003: 27 communes and townships assessed on the 2022 set; submission due 10/12/2022;
24 submitted on time, 3 late (Bắc Phong, Suối Tọ, Huy Tường); step-1 notice 14/12/2022, step 2
from 18 to 22/12/2022, results published 31/01/2023. The answers are generated, skewed per
commune by the group seed 003 put it in, so the dashboard spreads like the real ranking.
Idempotent: an existing campaign for the set and year is left untouched.
"""

import datetime
import random
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from parindex.assessments import services
from parindex.assessments.answer_samples import sample_answer
from parindex.assessments.criteria import criteria_for
from parindex.assessments.entries import record_entry
from parindex.assessments.models import Assessment, Campaign, CampaignStatus, Layer
from parindex.assessments.submission import record_submission
from parindex.frameworks.models import FrameworkVersion, Status
from parindex.orgs.models import Membership, Role, Unit

DEMO_SET = "phu-yen-xa-2022"
LATE = ("PY-BACPHONG", "PY-SUOITO", "PY-HUYTUONG")
# Seed 003's groups: B (70–<90), D (< 50); the other sixteen are in C.
GROUP_B = ("PY-TUONGPHU", "PY-TTPHUYEN", "PY-TUONGTIEN", "PY-TUONGPHONG")
GROUP_D = (
    "PY-TANPHONG",
    "PY-TUONGHA",
    "PY-KIMBON",
    "PY-SUOITO",
    "PY-HUYTHUONG",
    "PY-MUONGTHAI",
    "PY-HUYTUONG",
)
NOTE = "[Demo] Số liệu theo báo cáo công tác CCHC năm 2022 của UBND xã."


def _at(day: int, month: int = 12, hour: int = 9, year: int = 2022) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=ZoneInfo(settings.TIME_ZONE))


def demo_schedule() -> dict[str, datetime.datetime]:
    return {
        "self_open": _at(1, 11, 8),
        "submit_due": _at(10, 12, 23),
        "step1_due": _at(13),
        "notice_on": _at(14),
        "explain_from": _at(14),
        "explain_due": _at(17, 12, 17),
        "step2_due": _at(22, 12, 17),
        "council_on": _at(5, 1, 8, 2023),
        "publish_on": _at(31, 1, 8, 2023),
    }


@dataclass
class DemoResult:
    campaign: Campaign | None
    created: bool
    message: str


def _organiser_for(unit: Unit):
    for membership in Membership.objects.filter(role=Role.ORGANISER).select_related("unit", "user"):
        if unit.is_within(membership.unit):
            return membership.user
    return None


def _quality(code: str) -> float:
    return 0.85 if code in GROUP_B else 0.35 if code in GROUP_D else 0.65


def _answer(assessment: Assessment, author, rng: random.Random, submitted: datetime.datetime):
    criteria = criteria_for(assessment.campaign.framework)
    quality = _quality(assessment.unit.code)
    for step, node in enumerate(criteria.entered_leaves):
        inputs = sample_answer(criteria.rule_of(node.code), rng, quality=quality)
        at = submitted - datetime.timedelta(days=7, minutes=-5 * step)
        record_entry(assessment, node.code, Layer.SELF, inputs, NOTE, author, 0, at=at)


def _submission_time(code: str, rng: random.Random) -> datetime.datetime:
    if code in LATE:
        return _at(rng.randint(11, 13), hour=rng.randint(8, 16))
    return _at(rng.randint(5, 10), hour=rng.randint(8, 16))


@transaction.atomic
def load_demo_campaign(communes: list[str]) -> DemoResult:
    """Create the campaign for `communes` (unit codes, seed 003's order) if it does not exist."""
    version = FrameworkVersion.objects.filter(code=DEMO_SET, status=Status.PUBLISHED).first()
    if version is None:
        return DemoResult(None, False, f"No published demo criteria set {DEMO_SET}: skipped.")
    existing = Campaign.objects.filter(framework=version, year=2022).first()
    if existing is not None:
        return DemoResult(existing, False, f"Demo campaign already there: {existing}.")
    jurisdiction = version.jurisdiction
    units = {u.code: u for u in Unit.objects.filter(code__in=communes)}
    organiser = _organiser_for(jurisdiction)
    if len(units) != len(communes) or organiser is None:
        return DemoResult(None, False, "Demo communes or organiser missing: run load_demo first.")
    campaign = services.create_campaign(
        organiser,
        jurisdiction=jurisdiction,
        framework=version,
        year=2022,
        title="Chỉ số CCHC năm 2022 của UBND các xã, thị trấn huyện Phù Yên",
        schedule=demo_schedule(),
        units=[units[code] for code in communes],
    )
    services.advance_campaign(organiser, campaign, CampaignStatus.OPEN)
    _fill_and_submit(campaign)
    return DemoResult(campaign, True, f"Demo campaign created: {campaign} ({len(units)} units).")


def _fill_and_submit(campaign: Campaign) -> None:
    rng = random.Random(2022)  # noqa: S311 - the same demo every time, not security
    for assessment in campaign.assessments.select_related("unit", "campaign__framework"):
        head = (
            Membership.objects.filter(unit=assessment.unit, role=Role.HEAD)
            .select_related("user")
            .first()
        )
        author = head.user if head else None
        submitted = _submission_time(assessment.unit.code, rng)
        _answer(assessment, author, rng, submitted)
        record_submission(author, assessment, submitted)
