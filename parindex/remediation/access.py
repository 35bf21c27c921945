"""Who may see and do what with lost points and remediation plans, built only on orgs.access.

- Lost points and the whole plan of a unit: the organisers, council and viewers whose scope
  covers the unit, and the unit's own reporter and head (read-only: the plan is about their
  unit, and they already saw each change in the appraisal notices).
- Department owners (domain.md §6): only the nodes and tasks of the departments they act for,
  in units their scope covers; they update those tasks (status, note, evidence) and nothing
  else.
- Building, editing and deleting plans and tasks: the unit's organisers.
- Appraisers have no business here: 403 inside their scope.
As in orgs.access, something outside the user's sight is a 404, seen without the role a 403.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from parindex.assessments.models import Campaign
from parindex.orgs import access
from parindex.orgs.models import Role, Unit
from parindex.remediation.models import RemediationPlan, RemediationTask

MANAGER_ROLES = frozenset({Role.ORGANISER})
READER_ROLES = frozenset({Role.ORGANISER, Role.COUNCIL, Role.VIEWER, Role.REPORTER, Role.HEAD})
# The department view is about the jurisdiction's departments: its staff, not the units.
DEPARTMENT_VIEW_ROLES = frozenset({Role.ORGANISER, Role.COUNCIL, Role.VIEWER})


@dataclass(frozen=True)
class Scope:
    """What one user sees of one unit's remediation: every department (None) or some."""

    departments: frozenset[int] | None
    may_manage: bool

    def sees_department(self, department_id: int | None) -> bool:
        return self.departments is None or department_id in self.departments


def owned_departments(user, unit: Unit) -> frozenset[int]:
    """Departments the user acts for as department owner with a scope covering `unit`."""
    if getattr(user, "is_superuser", False):
        return frozenset()
    return frozenset(
        m.department_id
        for m in access.memberships(user)
        if m.role == Role.DEPARTMENT_OWNER
        and m.department_id
        and unit.path.startswith(m.unit.path)  # a subtree role (orgs.access.SUBTREE_ROLES)
    )


def scope_for(user, unit: Unit) -> Scope:
    """The user's scope over `unit`: 404 outside their sight, 403 with no role here."""
    if not access.has_role(user, unit, access.ALL_ROLES):
        raise Http404
    manage = access.has_role(user, unit, MANAGER_ROLES)
    if access.has_role(user, unit, READER_ROLES):
        return Scope(None, manage)
    owned = owned_departments(user, unit)
    if owned:
        return Scope(owned, False)
    raise PermissionDenied


def require_manager(user, unit: Unit) -> Scope:
    scope = scope_for(user, unit)
    if not scope.may_manage:
        raise PermissionDenied
    return scope


def get_plan(user, pk: int, *, manage: bool = False) -> tuple[RemediationPlan, Scope]:
    plan = (
        RemediationPlan.objects.select_related(
            "unit", "campaign__framework", "snapshot", "created_by"
        )
        .filter(pk=pk)
        .first()
    )
    if plan is None:
        raise Http404
    scope = require_manager(user, plan.unit) if manage else scope_for(user, plan.unit)
    return plan, scope


def may_update(user, task: RemediationTask, scope: Scope) -> bool:
    """Status, note and evidence: the organisers, and the department that owns the task."""
    if scope.may_manage:
        return True
    return scope.departments is not None and task.department_id in scope.departments


def get_task(user, pk: int, *, update: bool = False, manage: bool = False):
    """(task, scope): 404 when its unit or its department is out of the user's sight."""
    task = (
        RemediationTask.objects.select_related("plan__unit", "plan__campaign", "department")
        .filter(pk=pk)
        .first()
    )
    if task is None:
        raise Http404
    scope = scope_for(user, task.plan.unit)
    if not scope.sees_department(task.department_id):
        raise Http404
    if manage and not scope.may_manage:
        raise PermissionDenied
    if update and not may_update(user, task, scope):
        raise PermissionDenied
    return task, scope


def visible_tasks(user) -> QuerySet[RemediationTask]:
    """Every task the user may see: whole plans of units they read, their departments' tasks."""
    tasks = RemediationTask.objects.all()
    if getattr(user, "is_superuser", False):
        return tasks
    condition = Q(plan__unit__in=access.units_with_role(user, READER_ROLES))
    for m in access.memberships(user):
        if m.role == Role.DEPARTMENT_OWNER and m.department_id:
            condition |= Q(department_id=m.department_id, plan__unit__path__startswith=m.unit.path)
    return tasks.filter(condition)


def visible_plans(user) -> QuerySet[RemediationPlan]:
    readable = Q(unit__in=access.units_with_role(user, READER_ROLES))
    if getattr(user, "is_superuser", False):
        return RemediationPlan.objects.all()
    own = Q(pk__in=visible_tasks(user).values("plan_id"))
    return RemediationPlan.objects.filter(readable | own)


def get_department_campaign(user, pk: int) -> tuple[Campaign, frozenset[int] | None]:
    """A campaign for the department view, and the departments shown (None: all of them)."""
    campaign = Campaign.objects.select_related("jurisdiction", "framework").filter(pk=pk).first()
    if campaign is None or not access.has_role(user, campaign.jurisdiction, access.ALL_ROLES):
        raise Http404
    if access.has_role(user, campaign.jurisdiction, DEPARTMENT_VIEW_ROLES):
        return campaign, None
    owned = owned_departments(user, campaign.jurisdiction)
    if owned:
        return campaign, owned
    raise PermissionDenied
