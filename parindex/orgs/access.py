"""The one door for permissions: every check and every scoped queryset lives here.

Scope rules (domain.md §6):
- organiser, council, viewer, appraiser, department owner: their membership unit and its subtree
  (the jurisdiction they work for);
- reporter, head: their own unit only.

Views never filter by hand: they ask this module for the object (or a refusal) and for the
querysets of list pages. A refusal for something outside the user's scope is a 404 (do not
leak that it exists); inside the scope but without the right role it is a 403.
"""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from parindex.orgs.models import Department, Membership, Role, Unit

# Roles whose scope is the membership unit and everything below it.
SUBTREE_ROLES = frozenset(
    {Role.ORGANISER, Role.COUNCIL, Role.VIEWER, Role.APPRAISER, Role.DEPARTMENT_OWNER}
)
# Roles whose scope is the membership unit alone.
OWN_UNIT_ROLES = frozenset({Role.REPORTER, Role.HEAD})
ALL_ROLES = SUBTREE_ROLES | OWN_UNIT_ROLES

_CACHE_ATTR = "_parindex_memberships"


def memberships(user) -> list[Membership]:
    """The user's memberships with their units, loaded once per user object (per request)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("unit", "department"))
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget_memberships(user) -> None:
    """Drop the per-object cache after memberships change (tests, imports)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def _covers(membership: Membership, unit: Unit) -> bool:
    if membership.role in OWN_UNIT_ROLES:
        return membership.unit_id == unit.pk
    return unit.path.startswith(membership.unit.path)


def has_role(user, unit: Unit, roles: Iterable[str]) -> bool:
    """True when the user holds one of `roles` with a scope that covers `unit`."""
    if getattr(user, "is_superuser", False):
        return True
    wanted = set(roles)
    return any(m.role in wanted and _covers(m, unit) for m in memberships(user))


def units_with_role(user, roles: Iterable[str]) -> QuerySet[Unit]:
    """All units covered by the user's memberships in `roles` (subtree or own unit)."""
    if getattr(user, "is_superuser", False):
        return Unit.objects.all()
    wanted = set(roles)
    condition = Q(pk__in=[])
    for m in memberships(user):
        if m.role not in wanted:
            continue
        if m.role in OWN_UNIT_ROLES:
            condition |= Q(pk=m.unit_id)
        else:
            condition |= Q(path__startswith=m.unit.path)
    return Unit.objects.filter(condition)


def visible_units(user) -> QuerySet[Unit]:
    """Units the user may see at all (in any role)."""
    return units_with_role(user, ALL_ROLES)


def organised_units(user) -> QuerySet[Unit]:
    """Units the user administers as organiser."""
    return units_with_role(user, {Role.ORGANISER})


def visible_departments(user) -> QuerySet[Department]:
    return Department.objects.filter(jurisdiction__in=visible_units(user))


def get_unit(user, pk: int, roles: Iterable[str] = ALL_ROLES) -> Unit:
    """The unit, or 404 when outside the user's sight, or 403 when seen but not in `roles`."""
    try:
        unit = Unit.objects.select_related("parent").get(pk=pk)
    except Unit.DoesNotExist:
        raise Http404 from None
    if not has_role(user, unit, ALL_ROLES):
        raise Http404
    if not has_role(user, unit, roles):
        raise PermissionDenied
    return unit


def is_organiser_anywhere(user) -> bool:
    return getattr(user, "is_superuser", False) or any(
        m.role == Role.ORGANISER for m in memberships(user)
    )


def require_organiser(user) -> None:
    """403 unless the user organises somewhere (the user-management pages)."""
    if not is_organiser_anywhere(user):
        raise PermissionDenied


def managed_users(user) -> QuerySet:
    """Users holding at least one role in a unit the user organises."""
    users = get_user_model().objects.all()
    if getattr(user, "is_superuser", False):
        return users
    in_scope = Membership.objects.filter(unit__in=organised_units(user)).values("user_id")
    return users.filter(pk__in=in_scope)


def get_managed_user(user, pk: int):
    """The user, 403 for non-organisers, 404 when they have no role in the user's scope."""
    require_organiser(user)
    try:
        return managed_users(user).get(pk=pk)
    except get_user_model().DoesNotExist:
        raise Http404 from None


def may_edit_profile(user, target) -> bool:
    """Name, e-mail, active flag: only when every role of `target` lies in the user's
    organised scope and `target` is not staff. Otherwise an organiser could take over a wider
    account by changing its e-mail and resetting the password."""
    if getattr(user, "is_superuser", False):
        return True
    if target.is_staff or target.is_superuser:
        return False
    return all(has_role(user, m.unit, {Role.ORGANISER}) for m in memberships(target))


def get_managed_membership(user, pk: int) -> Membership:
    """A membership in a unit the user organises, or 403 (not an organiser) / 404."""
    require_organiser(user)
    membership = (
        Membership.objects.select_related("unit", "user", "department").filter(pk=pk).first()
    )
    if membership is None or not has_role(user, membership.unit, {Role.ORGANISER}):
        raise Http404
    return membership


def may_see_members(user, unit: Unit) -> bool:
    """Who holds which role in a unit is for its organisers only."""
    return has_role(user, unit, {Role.ORGANISER})


# --- criteria sets ---
# Criteria sets are owned by a jurisdiction (the province or a district). Organisers of it (or
# of an ancestor) manage them; organisers and council read drafts; a published set is read by
# everyone whose scope includes the jurisdiction and by members of units below it, who are
# the ones assessed on it. The frameworks app imports orgs, so its models are imported late.

FRAMEWORK_MANAGER_ROLES = frozenset({Role.ORGANISER})
FRAMEWORK_DRAFT_ROLES = frozenset({Role.ORGANISER, Role.COUNCIL})


def _membership_ancestor_ids(user) -> set[int]:
    ids: set[int] = set()
    for m in memberships(user):
        ids.update(int(part) for part in m.unit.path.strip("/").split("/") if part)
    return ids


def framework_reader_units(user) -> QuerySet[Unit]:
    """Jurisdictions whose published criteria sets the user may read."""
    if getattr(user, "is_superuser", False):
        return Unit.objects.all()
    return visible_units(user) | Unit.objects.filter(pk__in=_membership_ancestor_ids(user))


def may_manage_frameworks(user, jurisdiction: Unit) -> bool:
    return has_role(user, jurisdiction, FRAMEWORK_MANAGER_ROLES)


def may_read_framework(user, version) -> bool:
    jurisdiction = version.jurisdiction
    if version.status != "published":
        return has_role(user, jurisdiction, FRAMEWORK_DRAFT_ROLES)
    return has_role(user, jurisdiction, ALL_ROLES) or (
        jurisdiction.pk in _membership_ancestor_ids(user)
    )


def framework_versions_for(user) -> QuerySet:
    """The criteria-set versions the user may see: published ones they read, drafts they work on."""
    from parindex.frameworks.models import FrameworkVersion, Status

    published = Q(status=Status.PUBLISHED, jurisdiction__in=framework_reader_units(user))
    drafts = Q(status=Status.DRAFT, jurisdiction__in=units_with_role(user, FRAMEWORK_DRAFT_ROLES))
    return FrameworkVersion.objects.filter(published | drafts)


def get_framework_version(user, pk: int, *, manage: bool = False):
    """A version the user may read (else 404); with `manage`, 403 unless they manage it."""
    from parindex.frameworks.models import FrameworkVersion

    version = FrameworkVersion.objects.select_related("jurisdiction").filter(pk=pk).first()
    if version is None or not may_read_framework(user, version):
        raise Http404
    if manage and not may_manage_frameworks(user, version.jurisdiction):
        raise PermissionDenied
    return version


def framework_jurisdictions(user) -> QuerySet[Unit]:
    """Units the user may create criteria sets for: provinces and districts they organise."""
    return organised_units(user).filter(kind__in=["province", "district"])


# --- assessments ---
# A campaign belongs to a jurisdiction (a province or district). Its organisers manage it; its
# council and viewers read the dashboard and every unit's assessment; a unit's reporter and head
# work on their own unit's assessment (the head alone submits). Appraisers and department owners
# get their own pages in the appraisal app. The assessments app imports orgs: imported late.

CAMPAIGN_MANAGER_ROLES = frozenset({Role.ORGANISER})
CAMPAIGN_READER_ROLES = frozenset({Role.ORGANISER, Role.COUNCIL, Role.VIEWER})
SELF_ASSESSMENT_EDIT_ROLES = frozenset({Role.REPORTER, Role.HEAD})
SELF_ASSESSMENT_SUBMIT_ROLES = frozenset({Role.HEAD})
ASSESSMENT_READER_ROLES = CAMPAIGN_READER_ROLES | SELF_ASSESSMENT_EDIT_ROLES


def campaign_jurisdictions(user) -> QuerySet[Unit]:
    """Units the user may open campaigns for: provinces and districts they organise."""
    return organised_units(user).filter(kind__in=["province", "district"])


def campaigns_for(user) -> QuerySet:
    """Campaigns whose dashboard the user may read."""
    from parindex.assessments.models import Campaign

    return Campaign.objects.filter(jurisdiction__in=units_with_role(user, CAMPAIGN_READER_ROLES))


def own_assessments(user) -> QuerySet:
    """Assessments of the units the user reports for or heads."""
    from parindex.assessments.models import Assessment

    return Assessment.objects.filter(unit__in=units_with_role(user, SELF_ASSESSMENT_EDIT_ROLES))


def may_manage_campaign(user, campaign) -> bool:
    return has_role(user, campaign.jurisdiction, CAMPAIGN_MANAGER_ROLES)


def get_campaign(user, pk: int, roles: Iterable[str] = CAMPAIGN_READER_ROLES):
    """The campaign, 404 when the user neither sees its jurisdiction nor has a unit in it,
    403 when seen without one of `roles`."""
    from parindex.assessments.models import Campaign

    campaign = Campaign.objects.select_related("jurisdiction", "framework").filter(pk=pk).first()
    if campaign is None:
        raise Http404
    if has_role(user, campaign.jurisdiction, roles):
        return campaign
    if (
        has_role(user, campaign.jurisdiction, ALL_ROLES)
        or own_assessments(user).filter(campaign=campaign).exists()
    ):
        raise PermissionDenied
    raise Http404


def get_assessment(user, pk: int, roles: Iterable[str] = ASSESSMENT_READER_ROLES):
    """The assessment, 404 when its unit is outside the user's sight, 403 without `roles`."""
    from parindex.assessments.models import Assessment

    assessment = (
        Assessment.objects.select_related("unit", "campaign__framework", "campaign__jurisdiction")
        .filter(pk=pk)
        .first()
    )
    if assessment is None or not has_role(user, assessment.unit, ALL_ROLES):
        raise Http404
    if not has_role(user, assessment.unit, roles):
        raise PermissionDenied
    return assessment


def may_edit_self_assessment(user, assessment) -> bool:
    return has_role(user, assessment.unit, SELF_ASSESSMENT_EDIT_ROLES)


def may_submit_assessment(user, assessment) -> bool:
    return has_role(user, assessment.unit, SELF_ASSESSMENT_SUBMIT_ROLES)


def may_manage_assessment(user, assessment) -> bool:
    """Extend a unit's deadline, reopen it: the campaign's organisers."""
    return has_role(user, assessment.campaign.jurisdiction, CAMPAIGN_MANAGER_ROLES)


# --- appraisal ---
# The campaign's organisers assign fields or criteria to appraisers, close step 1 and reopen an
# approved unit; an appraiser sees and scores only the leaves assigned to them, in the units
# their scope covers; a unit's reporter and head read their notices and write explanations (the
# head submits them); council members approve. The comparison and a node's history are read by
# the campaign's readers, the unit itself, and (history only) the node's appraisers. The
# appraisal app imports orgs: imported late.

APPRAISAL_MANAGER_ROLES = CAMPAIGN_MANAGER_ROLES
APPRAISER_ROLES = frozenset({Role.APPRAISER})
COUNCIL_ROLES = frozenset({Role.COUNCIL})
EXPLANATION_ROLES = SELF_ASSESSMENT_EDIT_ROLES
EXPLANATION_SUBMIT_ROLES = SELF_ASSESSMENT_SUBMIT_ROLES
COMPARISON_READER_ROLES = ASSESSMENT_READER_ROLES

_ASSIGNED_ATTR = "_parindex_assigned_leaves"


def assigned_leaves(user, campaign) -> frozenset[str]:
    """Leaf codes of `campaign` the user appraises (all of them for a superuser); cached on the
    user object per campaign, so a page asks once."""
    from parindex.appraisal.services import all_leaf_codes, assigned_leaf_codes

    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cache = getattr(user, _ASSIGNED_ATTR, None)
    if cache is None:
        cache = {}
        setattr(user, _ASSIGNED_ATTR, cache)
    if campaign.pk not in cache:
        if getattr(user, "is_superuser", False):
            cache[campaign.pk] = all_leaf_codes(campaign)
        else:
            cache[campaign.pk] = assigned_leaf_codes(user, campaign)
    return cache[campaign.pk]


def forget_assigned_leaves(user) -> None:
    if hasattr(user, _ASSIGNED_ATTR):
        delattr(user, _ASSIGNED_ATTR)


def may_appraise(user, assessment, code: str) -> bool:
    """An appraiser whose scope covers the unit and who is assigned the leaf."""
    return has_role(user, assessment.unit, APPRAISER_ROLES) and code in assigned_leaves(
        user, assessment.campaign
    )


def may_read_node_history(user, assessment, code: str) -> bool:
    return has_role(user, assessment.unit, COMPARISON_READER_ROLES) or may_appraise(
        user, assessment, code
    )


def get_appraised_node(user, pk: int, code: str):
    """The assessment for appraising leaf `code`: 404 outside sight, 403 unless assigned."""
    assessment = get_assessment(user, pk, ALL_ROLES)
    if not may_appraise(user, assessment, code):
        raise PermissionDenied
    return assessment


def get_node_history(user, pk: int, code: str):
    """The assessment whose node history the user may read: 404 outside sight, else 403."""
    assessment = get_assessment(user, pk, ALL_ROLES)
    if not may_read_node_history(user, assessment, code):
        raise PermissionDenied
    return assessment


def campaign_appraisers(campaign) -> QuerySet[Membership]:
    """Appraiser memberships whose scope covers the whole campaign (its jurisdiction's subtree)."""
    ancestors = [int(part) for part in campaign.jurisdiction.path.strip("/").split("/") if part]
    return Membership.objects.filter(
        role=Role.APPRAISER, unit_id__in=ancestors, user__is_active=True
    ).select_related("user", "department")


def may_approve(user, campaign) -> bool:
    return has_role(user, campaign.jurisdiction, COUNCIL_ROLES)


def notices_for(user) -> QuerySet:
    """Notices sent to the units the user reports for or heads."""
    from parindex.appraisal.models import Notice

    return Notice.objects.filter(assessment__in=own_assessments(user))
