"""Who may see and change which unit's register of assigned tasks, built on orgs.access.

- organisers: every register in their jurisdiction, read and write (import, delete too);
- a unit's reporter and head: their own unit's register, read and write;
- council members, viewers, appraisers: every register in their scope, read only (the register
  is the evidence of the criterion it feeds);
- department owners: the tasks of their department in the units of their scope, read only;
- anyone else: 404 for a unit they cannot see at all, 403 for one they see without a role here.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from parindex.assigned_tasks.models import AssignedTask
from parindex.orgs import access
from parindex.orgs.models import Department, Role, Unit

EDITOR_ROLES = frozenset({Role.ORGANISER, Role.REPORTER, Role.HEAD})
READER_ROLES = EDITOR_ROLES | {Role.COUNCIL, Role.VIEWER, Role.APPRAISER}
DEPARTMENT_ROLES = frozenset({Role.DEPARTMENT_OWNER})
FEED_MANAGER_ROLES = access.CAMPAIGN_MANAGER_ROLES


def may_edit(user, unit: Unit) -> bool:
    return access.has_role(user, unit, EDITOR_ROLES)


def may_read_all(user, unit: Unit) -> bool:
    return access.has_role(user, unit, READER_ROLES)


def owned_departments(user, unit: Unit) -> list[int]:
    """Departments the user owns with a scope covering `unit` (empty for a superuser, who
    reads everything anyway)."""
    return [
        m.department_id
        for m in access.memberships(user)
        if m.role in DEPARTMENT_ROLES and m.department_id and unit.is_within(m.unit)
    ]


def get_register_unit(user, pk: int, *, edit: bool = False) -> Unit:
    """The unit whose register is asked for: 404 outside sight, 403 without a role here."""
    unit = access.get_unit(user, pk)
    if may_edit(user, unit):
        return unit
    if edit:
        raise PermissionDenied
    if may_read_all(user, unit) or owned_departments(user, unit):
        return unit
    raise PermissionDenied


def register_tasks(user, unit: Unit) -> QuerySet[AssignedTask]:
    """The living tasks of `unit` the user may read (the unit was checked already)."""
    tasks = AssignedTask.objects.alive().filter(unit=unit)
    if may_read_all(user, unit):
        return tasks
    return tasks.filter(department_id__in=owned_departments(user, unit))


def get_task(user, pk: int, *, edit: bool = False) -> AssignedTask:
    """A living task: 404 when its unit (or, for a department owner, the task) is out of
    sight; 403 when seen but not editable and `edit` is asked."""
    task = AssignedTask.objects.alive().select_related("unit", "department").filter(pk=pk).first()
    if task is None:
        raise Http404
    unit = get_register_unit(user, task.unit_id, edit=edit)
    if not may_read_all(user, unit) and task.department_id not in owned_departments(user, unit):
        raise Http404
    return task


def visible_tasks(user) -> QuerySet[AssignedTask]:
    """Every living task the user may read, across units (the index page)."""
    tasks = AssignedTask.objects.alive()
    if getattr(user, "is_superuser", False):
        return tasks
    condition = Q(unit__in=access.units_with_role(user, READER_ROLES))
    for m in access.memberships(user):
        if m.role in DEPARTMENT_ROLES and m.department_id:
            condition |= Q(department_id=m.department_id, unit__path__startswith=m.unit.path)
    return tasks.filter(condition)


def editable_units(user) -> QuerySet[Unit]:
    return access.units_with_role(user, EDITOR_ROLES)


def department_choices(unit: Unit) -> QuerySet[Department]:
    """Departments a task of `unit` may be given to: those of the unit or of a unit above it."""
    ancestor_ids = [int(part) for part in unit.path.strip("/").split("/") if part]
    return Department.objects.filter(jurisdiction_id__in=ancestor_ids).select_related(
        "jurisdiction"
    )


def may_manage_feed(user, campaign) -> bool:
    return access.has_role(user, campaign.jurisdiction, FEED_MANAGER_ROLES)


def feed_campaigns(user) -> QuerySet:
    """Campaigns whose register feed the user may configure."""
    from parindex.assessments.models import Campaign

    return Campaign.objects.filter(
        jurisdiction__in=access.units_with_role(user, FEED_MANAGER_ROLES)
    )
