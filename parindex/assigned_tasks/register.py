"""What the register page shows: filtered tasks and the counts by department (seed 000's
"17 overdue: Tài chính-Kế hoạch 8, NN&PTNT 1 …"), each in one query whatever the size."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from parindex.assigned_tasks.forms import LATE, NO_DEPARTMENT
from parindex.assigned_tasks.models import AssignedTask, TaskStatus, status_conditions
from parindex.textnorm import fold


def filter_tasks(
    tasks: QuerySet[AssignedTask], filters: dict, today: datetime.date
) -> QuerySet[AssignedTask]:
    """Apply the list filters (cleaned TaskFilterForm data; empty values mean "all")."""
    for word in fold(filters.get("q") or "").split():
        tasks = tasks.filter(search_text__contains=word)
    department = filters.get("department") or ""
    if department == NO_DEPARTMENT:
        tasks = tasks.filter(department__isnull=True)
    elif department.isdigit():
        tasks = tasks.filter(department_id=int(department))
    status = filters.get("status") or ""
    if status == LATE:
        conditions = status_conditions(today)
        tasks = tasks.filter(conditions[TaskStatus.OVERDUE] | conditions[TaskStatus.DONE_LATE])
    elif status:
        tasks = tasks.in_status(status, today)
    if filters.get("year"):
        tasks = tasks.filter(deadline__year=filters["year"])
    return tasks


@dataclass
class DepartmentCount:
    name: str
    code: str
    total: int
    open: int
    overdue: int
    done_late: int
    done_on_time: int

    @property
    def missed(self) -> int:
        """Tasks past their deadline, done or not: what seed 000 calls "quá hạn"."""
        return self.overdue + self.done_late


def _counters(today: datetime.date) -> dict[str, Count]:
    counters = {"total": Count("pk")}
    for status, condition in status_conditions(today).items():
        counters[str(status)] = Count("pk", filter=condition)
    return counters


def department_counts(
    tasks: QuerySet[AssignedTask], today: datetime.date
) -> tuple[list[DepartmentCount], DepartmentCount]:
    """Per department (no department last) and the total, in one query."""
    rows = (
        tasks.order_by()
        .values("department__code", "department__name")
        .annotate(**_counters(today))
        .order_by("department__name")
    )
    counts = [
        DepartmentCount(
            name=row["department__name"] or "",
            code=row["department__code"] or "",
            total=row["total"],
            open=row[TaskStatus.OPEN],
            overdue=row[TaskStatus.OVERDUE],
            done_late=row[TaskStatus.DONE_LATE],
            done_on_time=row[TaskStatus.DONE_ON_TIME],
        )
        for row in rows
    ]
    counts.sort(key=lambda c: (not c.code, -c.overdue, c.name))
    total = DepartmentCount(
        name="",
        code="",
        **{
            key: sum(getattr(c, key) for c in counts)
            for key in ("total", "open", "overdue", "done_late", "done_on_time")
        },
    )
    return counts, total


def unit_counts(tasks: QuerySet[AssignedTask], today: datetime.date) -> dict[int, dict[str, int]]:
    """{unit_id: {"total": n, "overdue": n, …}} for the index page, in one query."""
    rows = tasks.order_by().values("unit_id").annotate(**_counters(today))
    return {row.pop("unit_id"): row for row in rows}
