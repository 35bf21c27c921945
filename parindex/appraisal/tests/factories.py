"""Criteria sets whose nodes belong to departments, campaigns with a full schedule, and the
steps that bring a campaign to a stage (each through the real services)."""

import datetime

from django.utils import timezone

from parindex.appraisal.appraise import appraise_node
from parindex.appraisal.explanations import record_explanation, submit_explanations
from parindex.appraisal.notices import close_step1
from parindex.appraisal.services import assign_by_department
from parindex.assessments import services
from parindex.assessments.entries import record_entry
from parindex.assessments.models import Campaign, CampaignStatus, Layer
from parindex.assessments.submission import record_submission, submit_assessment
from parindex.assessments.tests.factories import COMPLETE_ANSWERS, answer_everything, set_document
from parindex.frameworks import services as framework_services
from parindex.frameworks.models import FrameworkVersion
from parindex.orgs import access
from parindex.orgs.models import Department, Unit

# The step-1 change most tests make: 1.1 (yes/no, max 0.5) from "yes" (0.5) to "no" (0).
CHANGE_CODE, CHANGE_INPUTS, CHANGE_REASON = "1.1", {"value": False}, "Chưa ban hành kế hoạch"


def _mark(nodes: list[dict], owners: dict[str, Department]) -> None:
    for node in nodes:
        if node["code"] in owners:
            node["department"] = owners[node["code"]].code
        _mark(node.get("children", []), owners)


def departmental_set(
    jurisdiction: Unit, owners: dict[str, Department], leaves: int = 10, code: str = "ap-set"
) -> FrameworkVersion:
    """The assessments' test set of `leaves` leaves, with `owners` {node code: department}."""
    document = set_document(leaves, code=code)
    _mark(document["nodes"], owners)
    departments = {d.code: d for d in owners.values()}
    version = framework_services.import_document(
        None, jurisdiction, document, departments=departments
    )
    return framework_services.publish(None, version)


def full_schedule(now: datetime.datetime | None = None) -> dict[str, datetime.datetime | None]:
    """Submission tomorrow, then step 1, explanations (open from the notice), step 2, council."""
    now = now or timezone.now()
    day = datetime.timedelta(days=1)
    return {
        "self_open": now - 20 * day,
        "submit_due": now + day,
        "step1_due": now + 2 * day,
        "notice_on": None,
        "explain_from": None,
        "explain_due": now + 5 * day,
        "step2_due": now + 7 * day,
        "council_on": now + 8 * day,
        "publish_on": None,
    }


def open_appraisal_campaign(
    organiser, jurisdiction: Unit, units, owners, *, leaves: int = 10, code: str = "ap-set"
) -> Campaign:
    framework = departmental_set(jurisdiction, owners, leaves, code)
    campaign = services.create_campaign(
        organiser,
        jurisdiction=jurisdiction,
        framework=framework,
        year=2022,
        title="Chỉ số CCHC cấp xã năm 2022",
        schedule=full_schedule(),
        units=units,
    )
    return services.advance_campaign(organiser, campaign, CampaignStatus.OPEN)


def submit_by(reporter, head, assessment) -> None:
    answer_everything(reporter, assessment)
    submit_assessment(head, assessment)


def submit_without_people(assessment) -> None:
    """Answers and submission recorded with no author (a unit whose staff is not in the cast)."""
    for node_code, inputs in COMPLETE_ANSWERS.items():
        record_entry(assessment, node_code, Layer.SELF, inputs, "Giải trình", None, 0)
    record_submission(None, assessment, timezone.now())


def start_step1(organiser, campaign: Campaign) -> Campaign:
    campaign = services.advance_campaign(organiser, campaign, CampaignStatus.APPRAISAL)
    assign_by_department(organiser, campaign)
    return campaign


def refresh(assessment):
    """The assessment re-read with its campaign (statuses move in the services)."""
    return (
        type(assessment).objects.select_related("campaign__framework", "unit").get(pk=assessment.pk)
    )


def change_and_close(organiser, appraiser, assessment) -> None:
    """Step 1 changes CHANGE_CODE with CHANGE_REASON, then the organiser closes step 1."""
    access.forget_assigned_leaves(appraiser)
    appraise_node(appraiser, refresh(assessment), CHANGE_CODE, CHANGE_INPUTS, CHANGE_REASON, 0)
    close_step1(organiser, refresh(assessment).campaign)


EXPLANATION_TEXT = "Đã ban hành Kế hoạch số 12/KH-UBND ngày 10/01/2022"


def explain_and_start_step2(organiser, reporter, head, assessment) -> None:
    """The unit explains CHANGE_CODE (standing by "yes"), the head submits, step 2 starts."""
    fresh = refresh(assessment)
    record_explanation(reporter, fresh, CHANGE_CODE, {"value": True}, EXPLANATION_TEXT, 0)
    submit_explanations(head, refresh(assessment))
    services.advance_campaign(
        organiser, refresh(assessment).campaign, CampaignStatus.FINAL_APPRAISAL
    )
