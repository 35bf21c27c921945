"""The results demo: Phù Yên's 2021 commune campaign, approved and published, and a provisional
snapshot of the 2022 demo campaign, so its results show last year's figures and arrows.

Call `load_demo_results()` after the 2022 demo campaign (parindex/assessments/demo.py) exists.
2021 runs on a copy of the demo commune set dated 2021 ("phu-yen-xa-2021"); each commune's
answers are generated a little better than in 2022 (seed 003: the average fell 4.56 points).
Self-scores are bulk-created with the engine's points (record_entry per leaf would take a minute
for 27 × 60 leaves); submission, the stages, the council's approval and publishing go through
the real services. The 2022 campaign stays in appraisal. Idempotent: an existing 2021 campaign
is left as it is, and a provisional 2022 snapshot is taken only when there is none.
"""

import datetime
import random
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from parindex.appraisal.council import approve_campaign
from parindex.assessments import services
from parindex.assessments.answer_samples import sample_answer
from parindex.assessments.criteria import criteria_for, evaluate
from parindex.assessments.demo import DEMO_SET, GROUP_B, GROUP_D, LATE
from parindex.assessments.models import Campaign, CampaignStatus, Layer, ScoreEntry
from parindex.assessments.self_scores import refresh_self_scores
from parindex.assessments.submission import record_submission
from parindex.frameworks import services as framework_services
from parindex.frameworks.documents import to_document
from parindex.frameworks.models import FrameworkVersion, Status
from parindex.orgs.models import Membership, Role
from parindex.results import services as results
from parindex.results.models import SnapshotKind

LAST_YEAR = 2021
LAST_YEAR_SET = "phu-yen-xa-2021"
NOTE = "[Demo] Số liệu theo báo cáo công tác CCHC năm 2021 của UBND xã."


def _at(day: int, month: int, year: int = LAST_YEAR, hour: int = 9) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=ZoneInfo(settings.TIME_ZONE))


SCHEDULE = {
    "self_open": _at(1, 11),
    "submit_due": _at(10, 12, hour=23),
    "step1_due": _at(13, 12),
    "notice_on": _at(14, 12),
    "explain_from": _at(14, 12),
    "explain_due": _at(17, 12, hour=17),
    "step2_due": _at(22, 12, hour=17),
    "council_on": _at(5, 1, 2022, 8),
    "publish_on": _at(31, 1, 2022, 8),
}


def _member(role: str, unit) -> object | None:
    for membership in Membership.objects.filter(role=role).select_related("unit", "user"):
        if unit.is_within(membership.unit):
            return membership.user
    return None


def _last_year_set(version: FrameworkVersion) -> FrameworkVersion:
    found = FrameworkVersion.objects.filter(
        jurisdiction=version.jurisdiction, code=LAST_YEAR_SET
    ).first()
    if found is not None:
        return found
    document = to_document(version)
    document.update(code=LAST_YEAR_SET, year=LAST_YEAR, title=f"{document['title']} (2021)")
    copy = framework_services.import_document(
        None, version.jurisdiction, document, source="demo:results"
    )
    return framework_services.publish(None, copy)


def _quality(code: str) -> float:
    return 0.9 if code in GROUP_B else 0.45 if code in GROUP_D else 0.72


def _self_scores(campaign: Campaign, rng: random.Random) -> None:
    """Every commune's answers as revision-1 self entries with the engine's points."""
    criteria = criteria_for(campaign.framework)
    rows = []
    for assessment in campaign.assessments.select_related("unit"):
        quality = _quality(assessment.unit.code)
        answers = {
            node.code: sample_answer(criteria.rule_of(node.code), rng, quality=quality)
            for node in criteria.entered_leaves
        }
        result = evaluate(criteria, answers, campaign.year, language="vi")
        rows += [
            ScoreEntry(
                assessment=assessment,
                node_code=code,
                layer=Layer.SELF,
                revision=1,
                inputs=inputs,
                points=result.node(code).points,
                explanation=result.node(code).explanation,
                note=NOTE,
                created_at=_at(3, 12),
            )
            for code, inputs in answers.items()
        ]
        day = 12 if assessment.unit.code in LATE[:1] else 8
        record_submission(None, assessment, _at(day, 12))
    ScoreEntry.objects.bulk_create(rows)
    refresh_self_scores(campaign.assessments.select_related("campaign__framework"))


def _last_year(version: FrameworkVersion, organiser, council) -> Campaign:
    framework = _last_year_set(version)
    existing = Campaign.objects.filter(framework=framework, year=LAST_YEAR).first()
    if existing is not None:
        return existing
    current = Campaign.objects.get(framework=version, year=LAST_YEAR + 1)
    campaign = services.create_campaign(
        organiser,
        jurisdiction=version.jurisdiction,
        framework=framework,
        year=LAST_YEAR,
        title="Chỉ số CCHC năm 2021 của UBND các xã, thị trấn huyện Phù Yên",
        schedule=SCHEDULE,
        units=[a.unit for a in current.assessments.select_related("unit")],
    )
    campaign = services.advance_campaign(organiser, campaign, CampaignStatus.OPEN)
    _self_scores(campaign, random.Random(LAST_YEAR))  # noqa: S311 - the same demo every time
    for status in (
        CampaignStatus.APPRAISAL,
        CampaignStatus.EXPLANATION,
        CampaignStatus.FINAL_APPRAISAL,
    ):
        campaign = services.advance_campaign(organiser, campaign, status)
    campaign = approve_campaign(council, campaign, now=_at(5, 1, 2022, 10))
    results.publish(organiser, campaign, reason="[Demo] Quyết định công bố Chỉ số CCHC năm 2021")
    return campaign


@transaction.atomic
def load_demo_results() -> str:
    """Load the results demo; returns a line for the command's output."""
    version = FrameworkVersion.objects.filter(code=DEMO_SET, status=Status.PUBLISHED).first()
    current = Campaign.objects.filter(framework=version, year=LAST_YEAR + 1).first()
    if version is None or current is None:
        return "Results demo skipped: the 2022 demo campaign is missing."
    organiser = _member(Role.ORGANISER, version.jurisdiction)
    council = _member(Role.COUNCIL, version.jurisdiction)
    if organiser is None or council is None:
        return "Results demo skipped: no demo organiser or council member."
    last = _last_year(version, organiser, council)
    if not current.snapshots.filter(kind=SnapshotKind.PROVISIONAL).exists():
        results.take_provisional(organiser, current)
    return f"Results demo: {last} published; provisional results of {current} taken."
