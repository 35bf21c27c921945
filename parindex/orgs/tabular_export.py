"""Writing a table as CSV or XLSX, the mirror of tabular_import: what one exports, the other
reads back unchanged (the round trip is tested)."""

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse

# A cell starting with one of these is run as a formula by spreadsheet programs; a leading
# apostrophe makes it text there and is removed again by the importer.
_FORMULA_STARTS = ("=", "+", "-", "@")

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def guard_formula(text: str) -> str:
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def unguard_formula(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_STARTS) else text


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return guard_formula(str(value))


def table_as_csv(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows([_csv_cell(v) for v in row] for row in rows)
    # The BOM makes Excel read the file as UTF-8 instead of the Windows code page.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def table_as_xlsx(headers: Sequence[str], rows: Iterable[Sequence[Any]], title: str) -> bytes:
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title[:31]  # Excel's limit on sheet names
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([guard_formula(v) if isinstance(v, str) else v for v in row])
    for index, header in enumerate(headers):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index + 1)].width = max(
            12, len(header) + 4
        )
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def table_response(
    fmt: str, filename: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    """A download of `rows` under `headers` as `fmt` ("csv" or "xlsx")."""
    body = (
        table_as_csv(headers, rows)
        if fmt == "csv"
        else table_as_xlsx(headers, rows, title=filename)
    )
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
