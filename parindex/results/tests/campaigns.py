"""Campaigns with chosen results, built through the real services, for the results tests.

`points_set` is a criteria set of manual leaves (the unit types its points), so a test picks
each unit's index exactly: fields 1 (1.1 max 40, 1.2 max 20, owned by Phòng Nội vụ) and 2 (2.1
max 40, N/A excludes it), 100 points in all, so the index equals the total unless 2.1 is N/A.
`approved_campaign` then opens a campaign, records each unit's self-scores and submission (late
ones after the deadline), moves it through the appraisal stages with no change, and has the
council approve it — which writes the final layer that take_snapshot reads. Driving step 1 /
step 2 per unit adds nothing these tests look at.

Self-scores are bulk-created `self` ScoreEntry rows (revision 1) with the engine's points for
the inputs — what record_entry would write, without its per-entry audit and locking, which
made 27-unit campaigns take seconds each. The approval that follows is the real service.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from parindex.appraisal.council import approve_campaign
from parindex.assessments import services
from parindex.assessments.criteria import criteria_for, evaluate
from parindex.assessments.models import Assessment, Campaign, CampaignStatus, Layer, ScoreEntry
from parindex.assessments.submission import record_submission
from parindex.frameworks import services as framework_services
from parindex.frameworks.models import FrameworkVersion
from parindex.orgs.models import Department, Unit
from parindex.orgs.tests.factories import UnitFactory

GROUPS = [
    {"label": "A", "min": "90"},
    {"label": "B", "min": "70"},
    {"label": "C", "min": "50"},
    {"label": "D", "min": "0"},
]


def _leaf(code: str, maximum: str, **extra) -> dict:
    rule = {"kind": "manual", "step": "0.01"}
    return {"code": code, "title": f"Tiêu chí {code}", "max": maximum, "rule": rule, **extra}


def points_set(
    jurisdiction: Unit, department: Department | None = None, *, code="kq-set", year=2021
) -> FrameworkVersion:
    owner = {"department": department.code} if department else {}
    document = {
        "format": "parindex-framework/1",
        "code": code,
        "title": f"Bộ chỉ số {code}",
        "year": year,
        "unit_kind": "commune",
        "scale_to": "100",
        "groups": GROUPS,
        "nodes": [
            {
                "code": "1",
                "title": "Công tác chỉ đạo, điều hành",
                "max": "60",
                "children": [_leaf("1.1", "40", **owner), _leaf("1.2", "20")],
            },
            {
                "code": "2",
                "title": "Cải cách thủ tục hành chính",
                "max": "40",
                "children": [_leaf("2.1", "40", na="exclude")],
            },
        ],
    }
    departments = {department.code: department} if department else {}
    version = framework_services.import_document(
        None, jurisdiction, document, departments=departments
    )
    return framework_services.publish(None, version)


def split(total: Decimal | str) -> dict[str, dict]:
    """Inputs giving `total` points: 1.1 up to 40, then 1.2 up to 20, the rest on 2.1."""
    left = Decimal(total)
    inputs = {}
    for code, maximum in (("1.1", 40), ("1.2", 20), ("2.1", 40)):
        part = min(left, Decimal(maximum))
        inputs[code] = {"value": str(part)}
        left -= part
    assert left == 0, total
    return inputs


def communes(parent: Unit, count: int, prefix: str = "X") -> list[Unit]:
    return [
        UnitFactory(code=f"{prefix}{n:02d}", name=f"Xã Số {n:02d}", parent=parent)
        for n in range(1, count + 1)
    ]


def _schedule(now: datetime.datetime) -> dict:
    day = datetime.timedelta(days=1)
    return {"self_open": now - 20 * day, "submit_due": now - day}


def open_campaign(organiser, jurisdiction, framework, units, year) -> Campaign:
    campaign = services.create_campaign(
        organiser,
        jurisdiction=jurisdiction,
        framework=framework,
        year=year,
        title=f"Chỉ số CCHC cấp xã năm {year}",
        schedule=_schedule(timezone.now()),
        units=units,
        groups=GROUPS,
    )
    return services.advance_campaign(organiser, campaign, CampaignStatus.OPEN)


def self_entries(assessment: Assessment, inputs: dict[str, dict]) -> list[ScoreEntry]:
    """Revision-1 self entries with the engine's points and explanations (see the docstring)."""
    campaign = assessment.campaign
    result = evaluate(criteria_for(campaign.framework), inputs, campaign.year, language="vi")
    return [
        ScoreEntry(
            assessment=assessment,
            node_code=code,
            layer=Layer.SELF,
            revision=1,
            inputs=value,
            points=result.node(code).points,
            explanation=result.node(code).explanation,
        )
        for code, value in inputs.items()
    ]


def submit_points(campaign: Campaign, inputs_by_unit: dict[Unit, dict], late=()) -> None:
    """Self-scores and submission of each unit: on time, or a day after the deadline if late."""
    late_codes = {unit.code for unit in late}
    entries = []
    for assessment in campaign.assessments.select_related("unit", "campaign__framework"):
        entries += self_entries(assessment, inputs_by_unit[assessment.unit])
        day = datetime.timedelta(days=1)
        due = campaign.submit_due
        at = due + day if assessment.unit.code in late_codes else due - day
        record_submission(None, assessment, at)
    ScoreEntry.objects.bulk_create(entries)


def through_appraisal(organiser, campaign: Campaign) -> Campaign:
    for status in (
        CampaignStatus.APPRAISAL,
        CampaignStatus.EXPLANATION,
        CampaignStatus.FINAL_APPRAISAL,
    ):
        campaign = services.advance_campaign(organiser, campaign, status)
    return campaign


def approved_campaign(
    organiser, council, jurisdiction, framework, totals: dict[Unit, object], *, year, late=()
) -> Campaign:
    """`totals` maps each unit to its total (a number, split over the leaves) or its inputs."""
    inputs = {
        unit: value if isinstance(value, dict) else split(value) for unit, value in totals.items()
    }
    campaign = open_campaign(organiser, jurisdiction, framework, list(totals), year)
    submit_points(campaign, inputs, late)
    campaign = through_appraisal(organiser, campaign)
    return approve_campaign(council, campaign)
