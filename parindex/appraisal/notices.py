"""Closing step 1: each appraised unit gets a notice of every criterion whose step-1 score
differs from its self-score, with the appraiser's reason — stored (in-app) and e-mailed to the
unit's reporters and head. A unit with changes is asked for explanations; one without is
appraised. The campaign moves on to its explanation stage in the same transaction.

E-mails leave after the commit: a mail server that is down must not undo the closing, and the
notice is in the application whatever happens to the mail.
"""

import logging
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from parindex.appraisal.appraise import IN_STEP1
from parindex.appraisal.emails import send_each, site_url
from parindex.appraisal.errors import AppraisalRefused
from parindex.appraisal.models import Notice, NoticeKind
from parindex.assessments import services as campaign_services
from parindex.assessments.criteria import CriteriaSet, criteria_for
from parindex.assessments.layers import current_entries
from parindex.assessments.models import (
    Assessment,
    AssessmentStatus,
    Campaign,
    CampaignStatus,
    Layer,
    ScoreEntry,
)
from parindex.audit.services import log_action
from parindex.frameworks.canonical import decimal_text
from parindex.orgs import access
from parindex.orgs.models import Membership

logger = logging.getLogger("parindex.appraisal")


def changed_items(criteria: CriteriaSet, by_layer: dict[str, dict[str, ScoreEntry]]) -> list[dict]:
    """The notice's lines: leaves whose step-1 points differ from the self points, tree order."""
    own, step1 = by_layer.get(Layer.SELF, {}), by_layer.get(Layer.STEP1, {})
    items = []
    for node in criteria.entered_leaves:
        appraised = step1.get(node.code)
        claimed = own.get(node.code)
        claimed_points = claimed.points if claimed else Decimal(0)
        if appraised is None or appraised.points == claimed_points:
            continue
        items.append(
            {
                "code": node.code,
                "title": node.title,
                "self_points": decimal_text(claimed_points),
                "step1_points": decimal_text(appraised.points),
                "reason": appraised.note,
                "appraiser": str(appraised.author or ""),
            }
        )
    return items


@dataclass
class UnitStep1:
    assessment: Assessment
    items: list[dict]
    pending: int  # leaves no appraiser has recorded in step 1 (they keep the self-score)


def step1_summary(campaign: Campaign) -> list[UnitStep1]:
    """Per unit in step 1: what its notice would list and how many leaves are still pending."""
    criteria = criteria_for(campaign.framework)
    assessments = list(
        campaign.assessments.filter(status__in=IN_STEP1)
        .select_related("unit")
        .order_by("unit__path", "unit__code")
    )
    entries = current_entries([a.pk for a in assessments], [Layer.SELF, Layer.STEP1])
    leaves = len(criteria.entered_leaves)
    summary = []
    for assessment in assessments:
        by_layer = entries.get(assessment.pk, {})
        pending = leaves - len(by_layer.get(Layer.STEP1, {}))
        summary.append(UnitStep1(assessment, changed_items(criteria, by_layer), pending))
    return summary


def _unit_people(unit_ids: list[int]) -> dict[int, list]:
    found: dict[int, list] = {}
    memberships = Membership.objects.filter(
        unit_id__in=unit_ids, role__in=access.EXPLANATION_ROLES
    ).select_related("user")
    for membership in memberships:
        found.setdefault(membership.unit_id, []).append(membership.user)
    return found


def _email_notice(notice_id: int, people: list) -> None:
    notice = Notice.objects.select_related("assessment__unit", "assessment__campaign").get(
        pk=notice_id
    )
    url = site_url(reverse("appraisal:explanations", args=[notice.assessment_id]))
    try:
        send_each(people, "notice", {"notice": notice, "assessment": notice.assessment, "url": url})
    except OSError:
        # The notice is stored and shown in the application; the mail can be sent again.
        logger.exception("Step-1 notice %s could not be e-mailed", notice_id)


@transaction.atomic
def close_step1(actor, campaign: Campaign) -> list[Notice]:
    """Send every unit in step 1 its notice and move the campaign to explanations.

    PermissionDenied unless the actor organises the campaign; AppraisalRefused unless the
    campaign is at step 1.
    """
    if not access.may_manage_campaign(actor, campaign):
        raise PermissionDenied
    if campaign.status != CampaignStatus.APPRAISAL:
        raise AppraisalRefused(_("Step 1 can be closed only while the campaign is at step 1."))
    campaign = campaign_services.advance_campaign(
        actor, campaign, CampaignStatus.EXPLANATION, reason=_("Step 1 closed")
    )
    # Lock the units first: a step-1 save still running finishes before the notice is written.
    list(Assessment.objects.select_for_update().filter(campaign=campaign, status__in=IN_STEP1))
    summary = step1_summary(campaign)
    people = _unit_people([s.assessment.unit_id for s in summary])
    return [_notify(actor, unit, people.get(unit.assessment.unit_id, [])) for unit in summary]


def _notify(actor, unit: UnitStep1, people: list) -> Notice:
    assessment = unit.assessment
    recipients = sorted({u.email for u in people if u.is_active and u.email})
    notice = Notice.objects.create(
        assessment=assessment,
        kind=NoticeKind.STEP1,
        items=unit.items,
        recipients=recipients,
        created_by=actor,
    )
    old = assessment.status
    assessment.status = (
        AssessmentStatus.EXPLANATION_REQUESTED if unit.items else AssessmentStatus.APPRAISED
    )
    assessment.save(update_fields=["status"])
    data = {
        "notice": notice.pk,
        "changed": [item["code"] for item in unit.items],
        "recipients": recipients,
        "from": old,
        "to": assessment.status,
    }
    log_action(actor, "appraisal.notice_sent", assessment, unit=assessment.unit, data=data)
    transaction.on_commit(lambda: _email_notice(notice.pk, people))
    return notice


def latest_notice(assessment: Assessment) -> Notice | None:
    return assessment.notices.filter(kind=NoticeKind.STEP1).order_by("-created_at", "-id").first()
