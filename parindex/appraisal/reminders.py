"""Reminder e-mails before deadlines, to the people who still have work open for them.

- self-assessment open, before the submission deadline (the unit's, with extensions): the
  reporters and head of units that have not submitted;
- step 1, before the step-1 due date: appraisers with assigned leaves not yet appraised;
- explanations, before the explanation deadline (the unit's, with extensions): the reporters
  and head of units asked to explain that have not submitted their explanations;
- step 2, before the step-2 due date: appraisers with answered explanations not yet appraised.

A reminder goes out when the deadline is at most `settings.REMINDER_DAYS_BEFORE` (default 3)
days away, once per person, deadline and due date: running the job again the same day or the
next sends nothing new, and a deadline moved by an extension is reminded afresh. `SentReminder`
rows are the record; one is written in the transaction that sends its e-mail.

Run daily: `manage.py send_reminders` (cron or a systemd timer), or the django-tasks task in
tasks.py.
"""

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from parindex.appraisal.appraise import IN_STEP1
from parindex.appraisal.emails import addressed, send_each, site_url
from parindex.appraisal.models import Assignment, SentReminder
from parindex.appraisal.services import leaves_under
from parindex.assessments.criteria import criteria_for
from parindex.assessments.layers import current_entries_query
from parindex.assessments.models import (
    SELF_EDITABLE_STATUSES,
    AssessmentStatus,
    Campaign,
    CampaignStatus,
    Deadline,
    DeadlineExtension,
    Layer,
)
from parindex.assessments.schedule import effective_due, latest_extensions
from parindex.orgs import access
from parindex.orgs.models import Membership

DEFAULT_DAYS_BEFORE = 3
logger = logging.getLogger("parindex.appraisal")


@dataclass
class Reminder:
    campaign: Campaign
    deadline: str  # the Campaign date field: submit_due, step1_due, explain_due, step2_due
    due: datetime.datetime
    user: object
    units: list[str] = field(default_factory=list)  # units with work open (unit reminders)
    pending: int = 0  # leaves still to appraise (appraiser reminders)


def days_before() -> int:
    return int(getattr(settings, "REMINDER_DAYS_BEFORE", DEFAULT_DAYS_BEFORE))


def _in_window(due: datetime.datetime | None, today: datetime.date, days: int) -> bool:
    return due is not None and 0 <= (timezone.localdate(due) - today).days <= days


def _unit_reminders(campaign, deadline, statuses, today, days) -> list[Reminder]:
    assessments = list(campaign.assessments.filter(status__in=statuses).select_related("unit"))
    extensions = latest_extensions(
        DeadlineExtension.objects.filter(assessment__in=assessments, deadline=deadline)
    )
    dues = {
        a.pk: effective_due(campaign, extensions.get((a.pk, deadline)), deadline)
        for a in assessments
    }
    chosen = [a for a in assessments if _in_window(dues[a.pk], today, days)]
    people = Membership.objects.filter(
        unit_id__in=[a.unit_id for a in chosen], role__in=access.EXPLANATION_ROLES
    ).select_related("user")
    by_unit: dict[int, list] = {}
    for membership in people:
        by_unit.setdefault(membership.unit_id, []).append(membership.user)
    found: dict[tuple[int, datetime.datetime], Reminder] = {}
    for assessment in chosen:
        due = dues[assessment.pk]
        for user in by_unit.get(assessment.unit_id, []):
            reminder = found.setdefault((user.pk, due), Reminder(campaign, deadline, due, user))
            reminder.units.append(assessment.unit.name)
    return list(found.values())


def _step1_pending(campaign: Campaign, leaves: set[str]) -> int:
    ids = list(campaign.assessments.filter(status__in=IN_STEP1).values_list("pk", flat=True))
    done = current_entries_query(ids, [Layer.STEP1]).filter(node_code__in=leaves).count()
    return len(ids) * len(leaves) - done


def _step2_pending(campaign: Campaign, leaves: set[str]) -> int:
    ids = list(
        campaign.assessments.filter(status=AssessmentStatus.EXPLAINED).values_list("pk", flat=True)
    )
    answered = set(
        current_entries_query(ids, [Layer.EXPLANATION])
        .filter(node_code__in=leaves)
        .exclude(note="")
        .values_list("assessment_id", "node_code")
    )
    done = set(
        current_entries_query(ids, [Layer.STEP2])
        .filter(node_code__in=leaves)
        .values_list("assessment_id", "node_code")
    )
    return len(answered - done)


def _appraiser_reminders(campaign, deadline, pending_of, today, days) -> list[Reminder]:
    due = getattr(campaign, deadline)
    if not _in_window(due, today, days):
        return []
    criteria = criteria_for(campaign.framework)
    leaves_of: dict[int, set[str]] = {}
    users = {}
    assignments = Assignment.objects.filter(campaign=campaign, withdrawn_at__isnull=True)
    for assignment in assignments.select_related("appraiser"):
        users[assignment.appraiser_id] = assignment.appraiser
        leaves = leaves_of.setdefault(assignment.appraiser_id, set())
        if assignment.node_code in criteria.framework.by_code:
            leaves.update(leaves_under(criteria, assignment.node_code))
    reminders = []
    for user_id, leaves in leaves_of.items():
        pending = pending_of(campaign, leaves)
        if pending:
            reminders.append(Reminder(campaign, deadline, due, users[user_id], pending=pending))
    return reminders


def due_reminders(today: datetime.date, days: int) -> list[Reminder]:
    """Every reminder the deadlines within `days` of `today` call for (sent or not)."""
    reminders: list[Reminder] = []
    stages = [
        CampaignStatus.OPEN,
        CampaignStatus.APPRAISAL,
        CampaignStatus.EXPLANATION,
        CampaignStatus.FINAL_APPRAISAL,
    ]
    for campaign in Campaign.objects.filter(status__in=stages).select_related("framework"):
        if campaign.status == CampaignStatus.OPEN:
            reminders += _unit_reminders(
                campaign, Deadline.SUBMIT, SELF_EDITABLE_STATUSES, today, days
            )
        elif campaign.status == CampaignStatus.APPRAISAL:
            reminders += _appraiser_reminders(campaign, "step1_due", _step1_pending, today, days)
        elif campaign.status == CampaignStatus.EXPLANATION:
            statuses = [AssessmentStatus.EXPLANATION_REQUESTED]
            reminders += _unit_reminders(campaign, Deadline.EXPLAIN, statuses, today, days)
        else:
            reminders += _appraiser_reminders(campaign, "step2_due", _step2_pending, today, days)
    return reminders


def _link(reminder: Reminder) -> str:
    if reminder.units:
        return site_url(reverse("appraisal:index"))
    return site_url(reverse("appraisal:queue", args=[reminder.campaign.pk]))


def _send_once(reminder: Reminder, today: datetime.date) -> bool:
    """Record and send one reminder; False when it was already sent or could not be."""
    if not addressed([reminder.user]):
        return False
    try:
        with transaction.atomic():
            SentReminder.objects.create(
                campaign=reminder.campaign,
                user=reminder.user,
                deadline=reminder.deadline,
                due=reminder.due,
                sent_on=today,
            )
            label = Campaign._meta.get_field(reminder.deadline).verbose_name
            context = {"reminder": reminder, "deadline_label": label, "url": _link(reminder)}
            send_each([reminder.user], "reminder", context)
    except IntegrityError:
        return False  # sent meanwhile by another run
    except OSError:
        # Not recorded, so the next run tries again; the others still go out.
        logger.exception("Reminder to %s could not be sent", reminder.user.pk)
        return False
    return True


def _not_sent(reminders: Iterable[Reminder]) -> list[Reminder]:
    reminders = list(reminders)
    sent = set(
        SentReminder.objects.filter(campaign__in={r.campaign.pk for r in reminders}).values_list(
            "campaign_id", "user_id", "deadline", "due"
        )
    )
    return [r for r in reminders if (r.campaign.pk, r.user.pk, r.deadline, r.due) not in sent]


def send_due_reminders(today: datetime.date | None = None) -> int:
    """Send the reminders due on `today` (default: today in TIME_ZONE) that were not sent
    before; returns how many e-mails went out."""
    today = today or timezone.localdate()
    reminders = _not_sent(due_reminders(today, days_before()))
    return sum(1 for reminder in reminders if _send_once(reminder, today))
