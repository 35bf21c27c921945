"""Status changes are appended with who, when and why; stale forms are refused; "overdue" is
derived from the deadline and the status, the same in Python and in SQL."""

import datetime

import pytest

from parindex.audit.models import AuditEntry
from parindex.remediation.models import RemediationTask, TaskStatus, overdue_condition
from parindex.remediation.services import (
    EditConflict,
    RemediationRefused,
    build_plan,
    change_status,
    edit_task,
)

TODAY = datetime.date(2023, 6, 1)


@pytest.fixture
def task(organiser, commune, campaign, snapshot):
    plan = build_plan(
        organiser,
        commune,
        campaign,
        snapshot_id=snapshot.pk,
        codes=["1.5"],
        grouped=[],
        letter={"title": "Kế hoạch"},
    )
    return plan.tasks.get()


def test_each_change_records_who_and_why(task, dept_owner):
    change_status(
        dept_owner, task, TaskStatus.IN_PROGRESS, reason="Đang xây dựng", expected_version=1
    )
    change_status(
        dept_owner,
        task,
        TaskStatus.DONE,
        reason="Đã có 02 sáng kiến",
        note="QĐ 12",
        expected_version=2,
    )
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE and task.note == "QĐ 12"
    history = [(c.from_status, c.to_status, c.by, c.reason) for c in task.changes.all()]
    assert history == [
        ("open", "in_progress", dept_owner, "Đang xây dựng"),
        ("in_progress", "done", dept_owner, "Đã có 02 sáng kiến"),
    ]
    audit = AuditEntry.objects.filter(action="remediation.task_status").order_by("id")
    assert [(a.actor, a.reason) for a in audit] == [
        (dept_owner, "Đang xây dựng"),
        (dept_owner, "Đã có 02 sáng kiến"),
    ]


def test_cannot_fix_needs_a_reason(task, dept_owner):
    with pytest.raises(RemediationRefused):
        change_status(dept_owner, task, TaskStatus.CANNOT_FIX, reason=" ", expected_version=1)
    assert not task.changes.exists()


def test_a_stale_form_is_refused_not_applied(task, dept_owner, organiser):
    change_status(dept_owner, task, TaskStatus.IN_PROGRESS, expected_version=1)
    with pytest.raises(EditConflict):
        edit_task(organiser, task, {"remedy": "Giao Phòng Nội vụ"}, expected_version=1)
    with pytest.raises(EditConflict):
        change_status(organiser, task, TaskStatus.DONE, expected_version=1)
    task.refresh_from_db()
    assert task.remedy == "" and task.status == TaskStatus.IN_PROGRESS


@pytest.mark.parametrize(
    ("deadline", "status", "overdue"),
    [
        (TODAY - datetime.timedelta(days=1), TaskStatus.OPEN, True),
        (TODAY - datetime.timedelta(days=1), TaskStatus.IN_PROGRESS, True),
        (TODAY - datetime.timedelta(days=1), TaskStatus.DONE, False),
        (TODAY - datetime.timedelta(days=1), TaskStatus.CANNOT_FIX, False),
        (TODAY, TaskStatus.OPEN, False),
        (None, TaskStatus.OPEN, False),
    ],
)
def test_overdue_is_past_the_deadline_and_not_finished(task, deadline, status, overdue):
    RemediationTask.objects.filter(pk=task.pk).update(deadline=deadline, status=status)
    task.refresh_from_db()
    assert task.is_overdue_on(TODAY) is overdue
    in_sql = RemediationTask.objects.filter(overdue_condition(TODAY), pk=task.pk).exists()
    assert in_sql is overdue
