"""A unit's register as a table: XLSX/CSV export, and an all-or-nothing import of it.

- The export writes the import's columns (plus the computed status, which the import ignores),
  so export → edit in Excel → import with "Update existing records" ticked round-trips.
- A row with an ID (Mã nhiệm vụ) updates that task of this register; without an ID it adds a
  task. A row repeating a stored task's document number, content and deadline without its ID
  is refused,
  so importing the same file twice does not double the register.
- Dates are 2025-07-01 or 01/07/2025; the department is given by code or name, accents and
  case ignored ("Tài chính-Kế hoạch", "tai chinh ke hoach" and "TCKH" are the same), among the
  departments of the unit or of a unit above it (the nearest wins).
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from parindex.assigned_tasks.access import department_choices
from parindex.assigned_tasks.models import AssignedTask, TaskStatus
from parindex.assigned_tasks.services import CREATED, UPDATED, save_task
from parindex.orgs.import_result import AllOrNothingImport, ImportResult
from parindex.orgs.models import Department, Unit
from parindex.orgs.tabular_import import (
    CellError,
    Column,
    Row,
    Table,
    UnreadableTable,
    header_key,
    parse_optional_date,
    read_table,
)

TASK_COLUMNS = (
    Column("id", ("Mã nhiệm vụ", "ID", "Task ID")),
    Column("document_number", ("Số hiệu văn bản", "Số hiệu", "Số văn bản", "Document number")),
    Column("document_date", ("Ngày văn bản", "Ngày ban hành", "Document date")),
    Column("issuer", ("Cơ quan giao", "Cơ quan ban hành", "Issued by")),
    Column("content", ("Nội dung nhiệm vụ", "Nội dung", "Content", "Task"), required=True),
    Column(
        "department",
        ("Cơ quan tham mưu", "Phòng phụ trách", "Đơn vị chủ trì", "Department", "Department code"),
    ),
    Column("deadline", ("Hạn hoàn thành", "Thời hạn", "Deadline")),
    Column("completed_on", ("Ngày hoàn thành", "Completion date", "Completed on")),
    Column("notes", ("Ghi chú", "Notes")),
    Column("status", ("Trạng thái", "Status")),  # computed: exported, ignored on import
)
IMPORTED_KEYS = (
    "document_number",
    "document_date",
    "issuer",
    "content",
    "department",
    "deadline",
    "completed_on",
    "notes",
)
LIMITS = {"document_number": 80, "issuer": 200}
PREFIXES = ("phong ", "so ", "ban ")  # "Phòng Tài chính – Kế hoạch" is also "Tài chính – Kế hoạch"


def department_lookup(unit: Unit) -> dict[str, Department]:
    """Code, name and name without "Phòng/Sở/Ban" → department; the nearest jurisdiction wins."""
    lookup: dict[str, Department] = {}
    departments = sorted(department_choices(unit), key=lambda d: len(d.jurisdiction.path))
    for department in departments:  # farthest first, so nearer ones overwrite
        name = header_key(department.name)
        keys = {header_key(department.code), name}
        keys.update(name[len(p) :] for p in PREFIXES if name.startswith(p))
        for key in keys:
            lookup[key] = department
    return lookup


@dataclass
class TaskRow:
    number: int
    task_id: int | None
    values: dict[str, Any]


class TaskImport(AllOrNothingImport):
    action = "assigned_tasks.imported"

    def __init__(self, actor, table: Table, update_existing: bool, filename: str, unit: Unit):
        super().__init__(actor, table, update_existing, filename)
        self.unit = unit
        self.departments = department_lookup(unit)
        self.stored = {
            t.pk: t
            for t in AssignedTask.objects.alive().filter(unit=unit).select_related("department")
        }

    def parse_department(self, text: str) -> Department | None:
        if not text:
            return None
        try:
            return self.departments[header_key(text)]
        except KeyError:
            raise CellError(
                _(
                    "Unknown department “%(text)s”: give the code or name of a department "
                    "of this unit or above it."
                )
                % {"text": text}
            ) from None

    def parse_id(self, text: str) -> int | None:
        if not text:
            return None
        if not text.isdigit() or int(text) not in self.stored:
            raise CellError(_("No task %(id)s in this register.") % {"id": text})
        return int(text)

    def read_row(self, row: Row) -> TaskRow:
        table = self.table
        values = {
            "document_number": row.get("document_number"),
            "issuer": row.get("issuer"),
            "content": table.require(row, "content"),
            "notes": row.get("notes"),
            "department": table.convert(row, "department", self.parse_department),
        }
        for key in ("document_date", "deadline", "completed_on"):
            values[key] = table.convert(row, key, parse_optional_date)
        for key, limit in LIMITS.items():
            if len(values[key]) > limit:
                table.error(row, key, _("At most %(n)s characters.") % {"n": limit})
        self.check_dates(row, values)
        return TaskRow(row.number, table.convert(row, "id", self.parse_id), values)

    def check_dates(self, row: Row, values: dict[str, Any]) -> None:
        issued = values["document_date"]
        if values["completed_on"] and values["completed_on"] > timezone.localdate():
            self.table.error(row, "completed_on", _("The completion date cannot be in the future."))
        for key, message in (
            ("deadline", _("The deadline is before the document date.")),
            ("completed_on", _("The completion date is before the document date.")),
        ):
            if issued and values[key] and values[key] < issued:
                self.table.error(row, key, message)

    def check_identity(self, rows: list[TaskRow]) -> None:
        """IDs used once, updates allowed, no stored task repeated without its ID."""
        seen: dict[int, int] = {}
        by_text = {(t.document_number, t.content, t.deadline): t for t in self.stored.values()}
        for r in rows:
            if r.task_id is not None:
                if r.task_id in seen:
                    message = _("Task %(id)s is already on row %(row)s of this file.")
                    self.table.error(
                        r.number, "id", message % {"id": r.task_id, "row": seen[r.task_id]}
                    )
                elif not self.update_existing:
                    message = _(
                        "Task %(id)s exists. Tick “Update existing records” to update it "
                        "from this file."
                    )
                    self.table.error(r.number, "id", message % {"id": r.task_id})
                seen.setdefault(r.task_id, r.number)
                continue
            key = (r.values["document_number"], r.values["content"], r.values["deadline"])
            twin = by_text.get(key)
            if twin is not None:
                message = _(
                    "This task is already in the register (ID %(id)s). Give its ID to update it."
                )
                self.table.error(r.number, "content", message % {"id": twin.pk})

    def check(self) -> list[TaskRow]:
        rows = [self.read_row(row) for row in self.table.rows]
        self.check_identity(rows)
        return rows

    def write(self, rows: list[TaskRow], result: ImportResult) -> None:
        source = f"import:{self.filename}"
        for r in rows:
            task = self.stored[r.task_id] if r.task_id else AssignedTask(unit=self.unit)
            for key in IMPORTED_KEYS:
                if task.pk is None or self.table.has(key):
                    setattr(task, key, r.values[key] if r.values[key] is not None else _empty(key))
            status = save_task(self.actor, task, source=source)
            label = str(task.pk)
            if status == CREATED:
                result.created.append(label)
            elif status == UPDATED:
                result.updated.append(label)
            else:
                result.unchanged += 1

    def audit_data(self, result: ImportResult) -> dict:
        return {**super().audit_data(result), "unit": self.unit.code, "unchanged": result.unchanged}


def _empty(key: str) -> Any:
    return None if key in ("document_date", "deadline", "completed_on", "department") else ""


def import_tasks(
    actor, unit: Unit, upload: Any, filename: str, *, update_existing: bool = False
) -> ImportResult:
    """Read and apply a register file for `unit`, all or nothing."""
    try:
        table = read_table(upload, filename, TASK_COLUMNS)
    except UnreadableTable as exc:
        return ImportResult(filename, file_error=str(exc))
    return TaskImport(actor, table, update_existing, filename, unit).run()


def export_headers() -> list[str]:
    return [c.label for c in TASK_COLUMNS]


def export_rows(tasks, today: datetime.date) -> list[list[Any]]:
    """Tasks (with `department` selected) in the import's column order."""
    return [
        [
            task.pk,
            task.document_number,
            task.document_date,
            task.issuer,
            task.content,
            task.department.code if task.department_id else "",
            task.deadline,
            task.completed_on,
            task.notes,
            str(TaskStatus(task.status_on(today)).label),
        ]
        for task in tasks
    ]
