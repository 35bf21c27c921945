"""Campaign workflows: open a campaign, change it, choose its units, move it on, extend one
unit's deadline, reopen a submitted unit. Each runs in one transaction with its audit entry.

Saving answers lives in entries.py, submission in submission.py, evidence links in
evidence_links.py.
"""

import datetime
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from parindex.assessments.entries import SELF_ENTRY_CAMPAIGN_STATUSES
from parindex.assessments.models import (
    CAMPAIGN_FLOW,
    Assessment,
    AssessmentStatus,
    Campaign,
    CampaignStatus,
    Deadline,
    DeadlineExtension,
)
from parindex.assessments.schedule import SCHEDULE_FIELDS, due_for, schedule_problems
from parindex.audit.services import log_action
from parindex.frameworks.models import FrameworkVersion
from parindex.orgs import access
from parindex.orgs.models import Unit, UnitKind
from parindex.textnorm import nfc

# The kinds of unit a criteria set for `unit_kind` assesses (a township is scored as a commune).
KIND_FAMILIES: dict[str, frozenset[str]] = {
    "commune": frozenset(
        {UnitKind.COMMUNE, UnitKind.WARD, UnitKind.TOWNSHIP, UnitKind.SPECIAL_ZONE}
    ),
    "district": frozenset({UnitKind.DISTRICT}),
    "department": frozenset({UnitKind.DEPARTMENT}),
    "province": frozenset({UnitKind.PROVINCE}),
}


class CampaignRefused(Exception):
    """`problems` maps a field name ("" for the whole) to the messages about it."""

    def __init__(self, problems: dict[str, list[str]]) -> None:
        super().__init__("; ".join(m for messages in problems.values() for m in messages))
        self.problems = problems


def _refuse(field: str, message: str):
    raise CampaignRefused({field: [message]})


def group_problems(groups: list[dict]) -> list[str]:
    """Bands are [{label, min}], highest first, labels distinct, minima strictly decreasing."""
    problems, previous, labels = [], None, set()
    for band in groups:
        label = str(band.get("label", "")).strip()
        try:
            minimum = Decimal(str(band.get("min")))
        except InvalidOperation:
            problems.append(_("“%(min)s” is not a number.") % {"min": band.get("min")})
            continue
        if not label or label in labels:
            problems.append(_("Each group needs its own label."))
        if previous is not None and minimum >= previous:
            problems.append(_("List the groups highest first, each minimum below the previous."))
        labels.add(label)
        previous = minimum
    return problems


def _framework_problems(jurisdiction: Unit, framework: FrameworkVersion, year: int) -> list[str]:
    problems = []
    if not framework.is_published:
        problems.append(_("Only a published criteria set can be used."))
    if not jurisdiction.is_within(framework.jurisdiction):
        problems.append(_("This criteria set belongs to another jurisdiction."))
    if year < framework.year:
        problems.append(
            _("The criteria set is for %(year)s, later than the campaign.")
            % {"year": framework.year}
        )
    return problems


def unit_problems(
    jurisdiction: Unit, framework: FrameworkVersion, units: Iterable[Unit]
) -> list[str]:
    kinds = KIND_FAMILIES.get(framework.unit_kind, frozenset({framework.unit_kind}))
    problems = []
    for unit in units:
        if unit.pk == jurisdiction.pk or not unit.is_within(jurisdiction):
            problems.append(_("%(unit)s is not in this jurisdiction.") % {"unit": unit.name})
        elif unit.kind not in kinds:
            problems.append(
                _("%(unit)s is not a unit of the kind this criteria set assesses.")
                % {"unit": unit.name}
            )
    return problems


def _check(jurisdiction, framework, year, schedule, groups, units) -> None:
    problems: dict[str, list[str]] = {}
    for name, message in schedule_problems(schedule).items():
        problems.setdefault(name, []).append(message)
    for field, found in (
        ("framework", _framework_problems(jurisdiction, framework, year)),
        ("groups", group_problems(groups)),
        ("units", unit_problems(jurisdiction, framework, units)),
    ):
        if found:
            problems[field] = found
    if problems:
        raise CampaignRefused(problems)


def _require_manager(actor, jurisdiction: Unit) -> None:
    if not access.has_role(actor, jurisdiction, access.CAMPAIGN_MANAGER_ROLES):
        raise PermissionDenied


@transaction.atomic
def create_campaign(
    actor,
    *,
    jurisdiction: Unit,
    framework: FrameworkVersion,
    year: int,
    title: str,
    schedule: dict[str, datetime.datetime | None],
    units: Iterable[Unit],
    groups: list[dict] | None = None,
) -> Campaign:
    """A draft campaign with one not-started assessment per unit; CampaignRefused lists problems.
    `groups` default to the criteria set's bands."""
    _require_manager(actor, jurisdiction)
    units = list(units)
    groups = list(framework.groups) if groups is None else groups
    _check(jurisdiction, framework, year, schedule, groups, units)
    if Campaign.objects.filter(jurisdiction=jurisdiction, framework=framework, year=year).exists():
        _refuse("year", _("This jurisdiction already has a campaign for this set and year."))
    campaign = Campaign.objects.create(
        jurisdiction=jurisdiction,
        framework=framework,
        year=year,
        title=nfc(title),
        groups=groups,
        created_by=actor,
        **{n: schedule.get(n) for n in SCHEDULE_FIELDS},
    )
    Assessment.objects.bulk_create([Assessment(campaign=campaign, unit=u) for u in units])
    data = {"framework": framework.code, "year": year, "units": [u.code for u in units]}
    log_action(actor, "campaign.created", campaign, unit=jurisdiction, data=data)
    return campaign


def _shown(value) -> str:
    return value.isoformat() if isinstance(value, datetime.datetime) else str(value)


@transaction.atomic
def update_campaign(actor, campaign: Campaign, **fields) -> dict[str, list[str]]:
    """Change title, schedule dates or groups; returns and audits {field: [old, new]}."""
    _require_manager(actor, campaign.jurisdiction)
    allowed = {"title", "groups", *SCHEDULE_FIELDS}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"not editable here: {', '.join(sorted(unknown))}")
    if "title" in fields:
        fields["title"] = nfc(fields["title"])
    schedule = {n: fields.get(n, getattr(campaign, n)) for n in SCHEDULE_FIELDS}
    groups = fields.get("groups", campaign.groups)
    _check(campaign.jurisdiction, campaign.framework, campaign.year, schedule, groups, [])
    changed = {}
    for name, value in fields.items():
        old = getattr(campaign, name)
        if old != value:
            changed[name] = [_shown(old), _shown(value)]
            setattr(campaign, name, value)
    if changed:
        campaign.save()
        log_action(actor, "campaign.updated", campaign, unit=campaign.jurisdiction, data=changed)
    return changed


@transaction.atomic
def set_campaign_units(actor, campaign: Campaign, units: Iterable[Unit]) -> dict[str, list[str]]:
    """Make `units` the assessed units: new ones get an assessment; a unit can be taken out only
    while its assessment has not started. Returns and audits {"added": …, "removed": …}."""
    _require_manager(actor, campaign.jurisdiction)
    wanted = {unit.pk: unit for unit in units}
    problems = unit_problems(campaign.jurisdiction, campaign.framework, wanted.values())
    if problems:
        raise CampaignRefused({"units": problems})
    existing = {a.unit_id: a for a in campaign.assessments.select_related("unit")}
    removed = [a for unit_id, a in existing.items() if unit_id not in wanted]
    started = [a.unit.name for a in removed if a.status != AssessmentStatus.NOT_STARTED]
    if started or any(a.entries.exists() for a in removed):
        _refuse(
            "units",
            _("Units that have started cannot be taken out: %(units)s.")
            % {"units": ", ".join(started) or _("(entries recorded)")},
        )
    added = [
        Assessment(campaign=campaign, unit=u) for pk, u in wanted.items() if pk not in existing
    ]
    Assessment.objects.bulk_create(added)
    Assessment.objects.filter(pk__in=[a.pk for a in removed]).delete()
    change = {"added": [a.unit.code for a in added], "removed": [a.unit.code for a in removed]}
    if added or removed:
        log_action(
            actor, "campaign.units_changed", campaign, unit=campaign.jurisdiction, data=change
        )
    return change


@transaction.atomic
def advance_campaign(actor, campaign: Campaign, to_status: str, *, reason: str = "") -> Campaign:
    """Move the campaign to the next stage of CAMPAIGN_FLOW (never back, never skipping)."""
    _require_manager(actor, campaign.jurisdiction)
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    position = CAMPAIGN_FLOW.index(campaign.status)
    if position + 1 >= len(CAMPAIGN_FLOW) or CAMPAIGN_FLOW[position + 1] != to_status:
        _refuse(
            "status",
            _("The campaign cannot move from “%(from)s” to “%(to)s”.")
            % {"from": campaign.get_status_display(), "to": CampaignStatus(to_status).label},
        )
    if to_status == CampaignStatus.OPEN and not campaign.assessments.exists():
        _refuse("units", _("Choose the units assessed before opening the campaign."))
    old, campaign.status = campaign.status, to_status
    campaign.save(update_fields=["status"])
    data = {"from": old, "to": to_status}
    log_action(
        actor,
        "campaign.status_changed",
        campaign,
        unit=campaign.jurisdiction,
        reason=reason,
        data=data,
    )
    return campaign


@transaction.atomic
def delete_draft_campaign(actor, campaign: Campaign) -> None:
    _require_manager(actor, campaign.jurisdiction)
    if campaign.status != CampaignStatus.DRAFT:
        _refuse("status", _("Only a draft campaign can be deleted."))
    log_action(actor, "campaign.deleted", campaign, unit=campaign.jurisdiction)
    campaign.delete()


def _require_reason(reason: str) -> str:
    reason = nfc(reason or "")
    if not reason:
        _refuse("reason", _("A reason is required."))
    return reason


@transaction.atomic
def extend_deadline(
    actor,
    assessment: Assessment,
    new_due: datetime.datetime,
    reason: str,
    *,
    deadline: str = Deadline.SUBMIT,
) -> DeadlineExtension:
    """A later (or earlier) deadline for one unit, with a reason; audited with the old one."""
    if not access.may_manage_assessment(actor, assessment):
        raise PermissionDenied
    reason = _require_reason(reason)
    assessment = (
        Assessment.objects.select_for_update()
        .select_related("campaign", "unit")
        .get(pk=assessment.pk)
    )
    if deadline == Deadline.SUBMIT and assessment.locked:
        _refuse("new_due", _("This unit has already submitted; reopen it first."))
    if new_due <= assessment.campaign.self_open:
        _refuse("new_due", _("The new deadline must be after self-assessment opens."))
    old = due_for(assessment, deadline)
    extension = DeadlineExtension.objects.create(
        assessment=assessment,
        deadline=deadline,
        new_due=new_due,
        reason=reason,
        granted_by=actor,
        granted_at=timezone.now(),
    )
    data = {"deadline": deadline, "old": _shown(old), "new": _shown(new_due)}
    log_action(
        actor,
        "assessment.deadline_extended",
        assessment,
        unit=assessment.unit,
        reason=reason,
        data=data,
    )
    return extension


@transaction.atomic
def reopen_assessment(actor, assessment: Assessment, reason: str) -> Assessment:
    """Unlock a submitted unit so it can change its self layer again (organisers, with a reason).

    The previous submission (time, author, lateness) is kept in the audit entry; every score
    entry stays as it was.
    """
    if not access.may_manage_assessment(actor, assessment):
        raise PermissionDenied
    reason = _require_reason(reason)
    fresh = (
        Assessment.objects.select_for_update()
        .select_related("unit", "campaign")
        .get(pk=assessment.pk)
    )
    if not fresh.locked:
        _refuse("reason", _("This assessment is not locked."))
    if fresh.campaign.status not in SELF_ENTRY_CAMPAIGN_STATUSES:
        # Past step 1 a unit is corrected in the appraisal (appraisal.council.reopen_unit).
        _refuse("reason", _("Self-assessment is closed for this campaign."))
    data = {
        "from": fresh.status,
        "submitted_at": _shown(fresh.submitted_at),
        "submitted_by": str(fresh.submitted_by or ""),
        "late": fresh.late,
    }
    fresh.status = AssessmentStatus.IN_PROGRESS
    fresh.submitted_at, fresh.submitted_by, fresh.late = None, None, False
    fresh.save(update_fields=["status", "submitted_at", "submitted_by", "late"])
    log_action(actor, "assessment.reopened", fresh, unit=fresh.unit, reason=reason, data=data)
    return fresh
