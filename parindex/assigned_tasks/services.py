"""Changing the register: one transaction each, audited with the values before and after."""

from django.db import transaction
from django.utils import timezone

from parindex.assigned_tasks.models import AssignedTask
from parindex.audit.services import log_action
from parindex.textnorm import nfc

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
EDITABLE_FIELDS = (
    "document_number",
    "document_date",
    "issuer",
    "content",
    "department",
    "deadline",
    "completed_on",
    "notes",
)


def task_state(task: AssignedTask) -> dict[str, str]:
    """The editable fields as text, for change records and stale-edit checks."""
    department = task.department if task.department_id else None
    return {
        "document_number": nfc(task.document_number),
        "document_date": task.document_date.isoformat() if task.document_date else "",
        "issuer": nfc(task.issuer),
        "content": nfc(task.content),
        "department": department.code if department else "",
        "deadline": task.deadline.isoformat() if task.deadline else "",
        "completed_on": task.completed_on.isoformat() if task.completed_on else "",
        "notes": nfc(task.notes),
    }


def _diff(before: dict[str, str], after: dict[str, str]) -> dict[str, list[str]]:
    return {k: [before.get(k, ""), v] for k, v in after.items() if before.get(k, "") != v}


@transaction.atomic
def save_task(actor, task: AssignedTask, *, source: str = "form") -> str:
    """Create or update `task`; CREATED, UPDATED or UNCHANGED. Audited with old → new."""
    is_new = task.pk is None
    before = (
        {}
        if is_new
        else task_state(AssignedTask.objects.select_related("department").get(pk=task.pk))
    )
    changes = _diff(before, task_state(task))
    if not is_new and not changes:
        return UNCHANGED
    now = timezone.now()
    if is_new:
        task.created_by = actor if getattr(actor, "is_authenticated", False) else None
        task.created_at = now
    task.updated_at = now
    task.save()
    log_action(
        actor,
        "assigned_task.created" if is_new else "assigned_task.updated",
        task,
        unit=task.unit,
        data={"changes": changes, "source": source},
    )
    return CREATED if is_new else UPDATED


@transaction.atomic
def delete_task(actor, task: AssignedTask, reason: str) -> None:
    """Soft-delete with a reason: the row and its values stay, lists leave it out."""
    reason = nfc(reason)
    if not reason:
        raise ValueError("a reason is required")
    task.deleted_at = timezone.now()
    task.deleted_by = actor if getattr(actor, "is_authenticated", False) else None
    task.delete_reason = reason
    task.save(update_fields=["deleted_at", "deleted_by", "delete_reason"])
    log_action(
        actor, "assigned_task.deleted", task, unit=task.unit, reason=reason, data=task_state(task)
    )
