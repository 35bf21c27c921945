"""Remediation workflows: build a plan from lost points, edit it, move tasks, attach evidence.

Each function is one transaction with its audit entry (parindex.audit.services.log_action).
Edits name the version the person saw; a newer one in the database refuses the edit
(EditConflict) rather than overwrite what someone else saved meanwhile.
"""

import datetime
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from parindex.audit.services import log_action
from parindex.evidence.services import EvidenceMetadata, upload_evidence
from parindex.remediation.losses import Loss, unit_losses
from parindex.remediation.models import (
    RemediationPlan,
    RemediationTask,
    TaskEvidence,
    TaskStatus,
    TaskStatusChange,
)
from parindex.remediation.snapshots import latest_snapshot, unit_row
from parindex.textnorm import nfc

PLAN_FIELDS = (
    "title",
    "issuing_body",
    "reference",
    "place",
    "letter_date",
    "signer_title",
    "signer_name",
)
TASK_FIELDS = ("department", "limitation", "remedy", "deadline")


class RemediationRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class EditConflict(RemediationRefused):
    pass


def _conflict() -> EditConflict:
    return EditConflict(
        _(
            "Someone else changed this while you were editing it. Your changes were not "
            "saved; review the current values and save again."
        )
    )


def group_losses(losses: Iterable[Loss], grouped: set[str]) -> list[list[Loss]]:
    """One group per loss, except that the `grouped` codes share one group per criterion;
    groups in criteria-set order (the letter's reading order)."""
    groups: dict[str, list[Loss]] = {}
    for loss in sorted(losses, key=lambda x: x.position):
        key = f"criterion:{loss.criterion_code}" if loss.code in grouped else loss.code
        groups.setdefault(key, []).append(loss)
    return list(groups.values())


def _limitation(group: list[Loss]) -> str:
    parts = []
    for loss in group:
        text = f"{loss.code}: {loss.shortfall}" if len(group) > 1 else loss.shortfall
        parts.append(f"{text} ({loss.reason})" if loss.reason else text)
    return "; ".join(parts)


def _task_for(plan: RemediationPlan, position: int, group: list[Loss]) -> RemediationTask:
    first = max(group, key=lambda x: (x.lost, -x.position))
    return RemediationTask(
        plan=plan,
        position=position,
        field_code=group[0].field_code,
        lost={loss.code: str(loss.lost) for loss in group},
        titles={loss.code: loss.title for loss in group},
        points_lost=sum((loss.lost for loss in group), Decimal(0)),
        department=first.department,
        limitation=_limitation(group),
    )


@transaction.atomic
def build_plan(
    actor,
    unit,
    campaign,
    *,
    snapshot_id: int,
    codes: Iterable[str],
    grouped: Iterable[str],
    letter: Mapping,
) -> RemediationPlan:
    """A plan with one task per chosen lost node (grouped ones: one per criterion).

    Refused when the results changed since the page was read or a code lost nothing."""
    snapshot = latest_snapshot(campaign)
    if snapshot is None or snapshot.pk != snapshot_id:
        raise RemediationRefused(
            _("The results changed since you opened the page. Review the lost points again.")
        )
    row = unit_row(snapshot, unit)
    losses = {loss.code: loss for loss in unit_losses(snapshot, row, unit, language="vi")}
    chosen = list(dict.fromkeys(codes))
    if not chosen:
        raise RemediationRefused(_("Choose at least one criterion for the plan."))
    unknown = [code for code in chosen if code not in losses]
    if unknown:
        raise RemediationRefused(
            _("No points were lost on: %(codes)s.") % {"codes": ", ".join(unknown)}
        )
    plan = RemediationPlan.objects.create(
        unit=unit, campaign=campaign, snapshot=snapshot, created_by=_user(actor), **letter
    )
    groups = group_losses([losses[c] for c in chosen], set(grouped))
    RemediationTask.objects.bulk_create(
        [_task_for(plan, position, group) for position, group in enumerate(groups, 1)]
    )
    log_action(
        actor,
        "remediation.plan_created",
        plan,
        unit=unit,
        data={"snapshot": snapshot.pk, "tasks": [[loss.code for loss in g] for g in groups]},
    )
    return plan


def _user(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(getattr(value, "pk", value))


def _apply(obj, values: Mapping, names: Iterable[str]) -> dict[str, list[str]]:
    changes = {}
    for name in names:
        if name not in values:
            continue
        new = values[name]
        new = nfc(new) if isinstance(new, str) else new
        old = getattr(obj, name)
        if _text(old) != _text(new):
            changes[name] = [_text(old), _text(new)]
            setattr(obj, name, new)
    return changes


@transaction.atomic
def edit_plan(actor, plan: RemediationPlan, values: Mapping, expected_version: int) -> dict:
    locked = RemediationPlan.objects.select_for_update().get(pk=plan.pk)
    if locked.version != expected_version:
        raise _conflict()
    changes = _apply(locked, values, PLAN_FIELDS)
    if changes:
        locked.version += 1
        locked.save()
        log_action(actor, "remediation.plan_edited", locked, unit=locked.unit, data=changes)
    return changes


@transaction.atomic
def edit_task(actor, task: RemediationTask, values: Mapping, expected_version: int) -> dict:
    """The organiser's edit: department, limitation, remedy, deadline."""
    locked = RemediationTask.objects.select_for_update().get(pk=task.pk)
    if locked.version != expected_version:
        raise _conflict()
    changes = _apply(locked, values, TASK_FIELDS)
    if changes:
        locked.version += 1
        locked.save()
        log_action(actor, "remediation.task_edited", locked, unit=task.plan.unit, data=changes)
    return changes


@transaction.atomic
def change_status(
    actor,
    task: RemediationTask,
    status: str,
    *,
    reason: str = "",
    note: str | None = None,
    expected_version: int,
    now: datetime.datetime | None = None,
) -> TaskStatusChange | None:
    """Move the task to `status` (a reason is required for "cannot fix") and/or change the
    department's note; the change is appended to the task's history and audited."""
    locked = RemediationTask.objects.select_for_update().get(pk=task.pk)
    if locked.version != expected_version:
        raise _conflict()
    status, reason = TaskStatus(status), nfc(reason or "")
    if status == TaskStatus.CANNOT_FIX and not reason:
        raise RemediationRefused(_("Say why the task cannot be done."))
    note_changes = _apply(locked, {"note": note} if note is not None else {}, ["note"])
    change = None
    if status != locked.status:
        change = TaskStatusChange.objects.create(
            task=locked,
            from_status=locked.status,
            to_status=status,
            reason=reason,
            by=_user(actor),
            by_name=str(actor) if actor is not None else "",
            at=now or timezone.now(),
        )
        locked.status, locked.status_reason = status, reason
    if change is None and not note_changes:
        return None
    locked.version += 1
    locked.save()
    data = {"status": [change.from_status, change.to_status]} if change else {}
    log_action(
        actor,
        "remediation.task_status",
        locked,
        unit=task.plan.unit,
        reason=reason,
        data={**data, **note_changes},
    )
    return change


@transaction.atomic
def add_evidence(
    actor, task: RemediationTask, *, stream, file_name: str, metadata: EvidenceMetadata
) -> TaskEvidence:
    """Upload through the evidence app into the unit's library and link it to the task."""
    unit = task.plan.unit
    result = upload_evidence(
        actor=actor, unit=unit, stream=stream, file_name=file_name, metadata=metadata
    )
    link = TaskEvidence.objects.create(task=task, document=result.document, added_by=_user(actor))
    log_action(
        actor,
        "remediation.evidence_added",
        task,
        unit=unit,
        data={"document": result.document.pk, "file_name": result.document.original_name},
    )
    return link


def _task_record(task: RemediationTask) -> dict:
    return {
        "codes": task.codes,
        "points_lost": str(task.points_lost),
        "department": task.department_id,
        "status": task.status,
        "deadline": _text(task.deadline),
        "history": [
            [c.from_status, c.to_status, c.by_name, c.at.isoformat(), c.reason]
            for c in task.changes.all()
        ],
        "evidence": [link.document_id for link in task.evidence.all()],
    }


@transaction.atomic
def delete_task(actor, task: RemediationTask, reason: str = "") -> None:
    """Delete after confirmation; the audit entry keeps what was deleted."""
    log_action(
        actor,
        "remediation.task_deleted",
        task,
        unit=task.plan.unit,
        reason=nfc(reason),
        data=_task_record(task),
    )
    task.delete()


@transaction.atomic
def delete_plan(actor, plan: RemediationPlan, reason: str = "") -> None:
    tasks = [_task_record(t) for t in plan.tasks.prefetch_related("changes", "evidence")]
    log_action(
        actor,
        "remediation.plan_deleted",
        plan,
        unit=plan.unit,
        reason=nfc(reason),
        data={"title": plan.title, "snapshot": plan.snapshot_id, "tasks": tasks},
    )
    plan.delete()
