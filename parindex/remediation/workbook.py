"""The plan as a workbook: one row per task and node, points as numbers (Decimal, never float),
deadlines as dates, overdue tasks marked."""

import datetime
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from parindex.remediation.models import RemediationPlan

OVERDUE_FILL = PatternFill("solid", fgColor="F4CCCC")


def _headers() -> list[str]:
    return [
        _("No."),
        _("Field"),
        _("Criterion"),
        _("Title"),
        _("Points lost"),
        _("Limitation"),
        _("Responsible department"),
        _("Remedy"),
        _("Deadline"),
        _("Status"),
        _("Overdue"),
        _("Department's note"),
    ]


def build_workbook(plan: RemediationPlan, fields, today: datetime.date) -> bytes:
    """`fields`: [(field node, tasks)] in order. A grouped task spans one row per node."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Plan")[:31]
    sheet.append([plan.title])
    sheet.append([f"{plan.unit.name} — {plan.campaign.title}"])
    sheet.append(_headers())
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    number = 0
    for field, tasks in fields:
        for task in tasks:
            number += 1
            overdue = task.is_overdue_on(today)
            for code in task.codes:
                sheet.append(
                    [
                        number,
                        f"{field.code}. {field.title}",
                        code,
                        task.titles.get(code, ""),
                        task.lost_of(code),
                        task.limitation,
                        task.department.name if task.department else "",
                        task.remedy,
                        task.deadline,
                        task.get_status_display(),
                        _("yes") if overdue else "",
                        task.note,
                    ]
                )
                if overdue:
                    for cell in sheet[sheet.max_row]:
                        cell.fill = OVERDUE_FILL
                sheet.cell(sheet.max_row, 9).number_format = "DD/MM/YYYY"
    for column, width in zip(
        "ABCDEFGHIJKL", (5, 30, 10, 40, 10, 40, 25, 40, 12, 14, 9, 30), strict=True
    ):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
