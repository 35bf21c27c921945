"""Assignments: which appraiser appraises which fields, criteria or leaves of a campaign.

An assignment names a node of the campaign's frozen criteria set; it covers every leaf the unit
answers at or below that node. "Assign by department" gives each part of the tree to the
appraisers acting for the department that owns it (`FrameworkNode.department`; a node without
one belongs to its nearest ancestor's department), in as few assignments as possible: a whole
field when all its leaves share one department, its criteria one by one otherwise.

Stopping an assignment keeps the row (withdrawn_at/by): who was responsible stays on record.
"""

from collections.abc import Iterable, Mapping

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from parindex.appraisal.errors import AppraisalRefused
from parindex.appraisal.models import Assignment
from parindex.assessments.criteria import CriteriaSet, criteria_for
from parindex.assessments.models import Campaign, CampaignStatus
from parindex.audit.services import log_action
from parindex.frameworks.models import FrameworkNode
from parindex.orgs import access
from parindex.orgs.models import Membership

# After publication the results are public and nobody appraises any more.
ASSIGNABLE_STATUSES = frozenset(set(CampaignStatus.values) - {CampaignStatus.PUBLISHED})


def leaves_under(criteria: CriteriaSet, code: str) -> list[str]:
    """Codes of the leaves the unit answers at or below `code`, in tree order."""
    found, stack = [], [code]
    by_code = criteria.framework.by_code
    while stack:
        node = by_code[stack.pop()]
        if node.rule is not None:
            if criteria.is_entered(node):
                found.append(node.code)
        else:
            stack.extend(reversed(node.children))
    return found


def all_leaf_codes(campaign: Campaign) -> frozenset[str]:
    criteria = criteria_for(campaign.framework)
    return frozenset(node.code for node in criteria.entered_leaves)


def assigned_leaf_codes(user, campaign: Campaign) -> frozenset[str]:
    """The leaves `user` is assigned in `campaign` (one query; the tree is cached)."""
    codes = Assignment.objects.filter(
        campaign=campaign, appraiser=user, withdrawn_at__isnull=True
    ).values_list("node_code", flat=True)
    criteria = criteria_for(campaign.framework)
    return frozenset(
        leaf
        for code in codes
        if code in criteria.framework.by_code
        for leaf in leaves_under(criteria, code)
    )


def _require_manager(actor, campaign: Campaign) -> None:
    if not access.may_manage_campaign(actor, campaign):
        raise PermissionDenied
    if campaign.status not in ASSIGNABLE_STATUSES:
        raise AppraisalRefused(_("This campaign is published: assignments are closed."))


def _create(actor, campaign: Campaign, membership: Membership, code: str) -> Assignment | None:
    """A new active assignment, or None when the appraiser already has this node."""
    if Assignment.objects.filter(
        campaign=campaign, appraiser=membership.user, node_code=code, withdrawn_at__isnull=True
    ).exists():
        return None
    assignment = Assignment.objects.create(
        campaign=campaign,
        appraiser=membership.user,
        node_code=code,
        department=membership.department,
        assigned_by=actor,
    )
    data = {"node": code, "appraiser": membership.user.username}
    if membership.department_id:
        data["department"] = membership.department.code
    log_action(actor, "appraisal.assigned", campaign, unit=campaign.jurisdiction, data=data)
    return assignment


@transaction.atomic
def assign(actor, campaign: Campaign, appraiser, node_code: str) -> Assignment | None:
    """Give one node (and the leaves below it) to one appraiser; None if they already have it."""
    _require_manager(actor, campaign)
    if node_code not in criteria_for(campaign.framework).framework.by_code:
        raise AppraisalRefused(_("%(code)s is not a criterion of this set.") % {"code": node_code})
    membership = access.campaign_appraisers(campaign).filter(user=appraiser).first()
    if membership is None:
        raise AppraisalRefused(
            _("%(user)s is not an appraiser for this campaign's jurisdiction.")
            % {"user": appraiser}
        )
    return _create(actor, campaign, membership, node_code)


@transaction.atomic
def withdraw_assignment(actor, assignment: Assignment) -> Assignment:
    """Stop an assignment; the row stays, marked withdrawn."""
    campaign = assignment.campaign
    _require_manager(actor, campaign)
    if assignment.withdrawn_at is None:
        assignment.withdrawn_at, assignment.withdrawn_by = timezone.now(), actor
        assignment.save(update_fields=["withdrawn_at", "withdrawn_by"])
        data = {"node": assignment.node_code, "appraiser": assignment.appraiser.username}
        log_action(actor, "appraisal.unassigned", campaign, unit=campaign.jurisdiction, data=data)
    return assignment


def _owner_of_each_node(criteria: CriteriaSet, explicit: Mapping[str, int]) -> dict[str, int]:
    """{code: department id} where a node without its own department inherits its parent's."""
    owners: dict[str, int] = {}
    for node in criteria.framework.nodes:  # parents come before their children
        inherited = owners.get(node.parent) if node.parent else None
        department = explicit.get(node.code, inherited)
        if department is not None:
            owners[node.code] = department
    return owners


def department_blocks(criteria: CriteriaSet, explicit: Mapping[str, int]) -> list[tuple[str, int]]:
    """[(node code, department id)]: the highest nodes whose answered leaves all belong to one
    department. Leaves without any department are left out (assign them by hand)."""
    owners = _owner_of_each_node(criteria, explicit)
    by_code = criteria.framework.by_code

    def owners_below(code: str) -> set[int | None]:
        return {owners.get(leaf) for leaf in leaves_under(criteria, code)}

    blocks: list[tuple[str, int]] = []
    stack = [node.code for node in reversed(criteria.framework.nodes) if node.parent is None]
    while stack:
        code = stack.pop()
        below = owners_below(code)
        if len(below) == 1 and None not in below:
            blocks.append((code, below.pop()))  # type: ignore[arg-type]
        elif len(below) > 1:
            stack.extend(reversed(by_code[code].children))
    return blocks


@transaction.atomic
def assign_by_department(actor, campaign: Campaign) -> list[Assignment]:
    """Give every part of the tree to the appraisers of the department that owns it; returns
    the assignments created (those already in place are kept as they are)."""
    _require_manager(actor, campaign)
    explicit = dict(
        FrameworkNode.objects.filter(
            version=campaign.framework, department__isnull=False
        ).values_list("code", "department_id")
    )
    blocks = department_blocks(criteria_for(campaign.framework), explicit)
    appraisers: dict[int, list[Membership]] = {}
    for membership in access.campaign_appraisers(campaign).filter(department__isnull=False):
        appraisers.setdefault(membership.department_id, []).append(membership)
    created = [
        _create(actor, campaign, membership, code)
        for code, department in blocks
        for membership in appraisers.get(department, [])
    ]
    return [assignment for assignment in created if assignment is not None]


def active_assignments(campaign: Campaign) -> Iterable[Assignment]:
    return (
        Assignment.objects.filter(campaign=campaign, withdrawn_at__isnull=True)
        .select_related("appraiser", "department")
        .order_by("node_code", "appraiser__username")
    )
