"""The report tables as an XLSX workbook (seed 003's Biểu số 1–11), ready to print.

Biểu số 1: overall summary; 2: ranking with groups and last year; 3: per-field summary; then
one sheet per field (Biểu số 4, 5, …) with every unit × every node of the field. Numbers are
stored as numbers with 2-decimal formats (Excel shows the decimal comma of the reader's
locale); each sheet prints A4 landscape, fitted to the page width, header rows repeated.
"""

from collections.abc import Callable
from typing import IO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from parindex.reports import wording
from parindex.reports.content import ReportContent
from parindex.scoring import Node

Progress = Callable[[int], None]

FONT = "Times New Roman"
TWO_PLACES = "0.00"
ONE_PLACE = "0.0"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(name=FONT, bold=True, size=12)
PLAIN = Font(name=FONT, size=12)
TITLE = Font(name=FONT, bold=True, size=14)
ITALIC = Font(name=FONT, italic=True, size=12)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")
LEFT = Alignment(wrap_text=True, vertical="center", horizontal="left")

RANKING_HEADERS = (
    ("STT", 6),
    ("Mã đơn vị", 14),
    ("Tên đơn vị", 32),
    ("Tổng điểm đạt được", 12),
    ("Điểm tối đa", 10),
    ("Chỉ số CCHC (%)", 11),
    ("Xếp hạng", 9),
    ("Nhóm", 8),
    ("Chỉ số năm trước (%)", 11),
    ("Tăng (+), giảm (-) điểm", 11),
    ("Xếp hạng năm trước", 10),
    ("Tăng (+), giảm (-) bậc", 10),
)
FIELD_HEADERS = (
    ("STT", 6),
    ("Lĩnh vực", 40),
    ("Điểm tối đa", 10),
    ("Điểm trung bình", 11),
    ("Tỷ lệ đạt (%)", 10),
    ("Điểm cao nhất", 10),
    ("Đơn vị cao nhất", 26),
    ("Điểm thấp nhất", 10),
    ("Đơn vị thấp nhất", 26),
    ("Khoảng cách", 10),
    ("Số đơn vị trên mức trung bình", 12),
)


def _title(sheet: Worksheet, number: int, title: str, content: ReportContent, width: int) -> int:
    """Biểu số N, the title, its subject line; returns the next free row."""
    lines = [
        (f"Biểu số {number}", BOLD),
        (title, TITLE),
        (f"của {wording.subject(content.framework.unit_kind)} — {content.jurisdiction}", ITALIC),
    ]
    if content.provisional:
        lines.append((wording.PROVISIONAL_MARK, BOLD))
    last = get_column_letter(max(width, 1))
    for row, (text, font) in enumerate(lines, start=1):
        cell = sheet.cell(row=row, column=1, value=text)
        cell.font, cell.alignment = font, Alignment(horizontal="center")
        sheet.merge_cells(f"A{row}:{last}{row}")
    return len(lines) + 2


def _header(sheet: Worksheet, row: int, headers, height: int = 45) -> None:
    for column, (text, width) in enumerate(headers, start=1):
        cell = sheet.cell(row=row, column=column, value=text)
        cell.font, cell.alignment, cell.border, cell.fill = BOLD, WRAP, BOX, HEADER_FILL
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[row].height = height


def _row(sheet: Worksheet, row: int, values, formats=None) -> None:
    formats = formats or {}
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        cell.font, cell.border = PLAIN, BOX
        cell.alignment = LEFT if isinstance(value, str) and len(value) > 12 else WRAP
        if formats.get(column) and value is not None:
            cell.number_format = formats[column]


def _print_setup(sheet: Worksheet, header_rows: str | None) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as needed
    if header_rows:
        sheet.print_title_rows = header_rows
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.oddFooter.center.text = "Trang &P / &N"


def summary_sheet(sheet: Worksheet, content: ReportContent) -> None:
    summary, index = content.summary, content.summary.index
    row = _title(sheet, 1, f"TỔNG HỢP KẾT QUẢ CHỈ SỐ CCHC NĂM {content.year}", content, 6)
    _header(sheet, row, (("STT", 6), ("Nội dung", 46), ("Kết quả", 14), ("", 14), ("", 30)))
    sheet.merge_cells(start_row=row, start_column=3, end_row=row, end_column=5)
    lines: list[tuple[str, object, str | None]] = [
        ("Số đơn vị được đánh giá", summary.units, None),
        ("Chỉ số trung bình (%)", index.average if index else None, TWO_PLACES),
        ("Chỉ số trung bình năm trước (%)", summary.previous_average, TWO_PLACES),
        ("Tăng (+), giảm (-) so với năm trước", summary.average_change, TWO_PLACES),
        ("Chỉ số cao nhất (%)", index.highest if index else None, TWO_PLACES),
        ("Đơn vị cao nhất", wording.names(index.highest_units) if index else "", None),
        ("Chỉ số thấp nhất (%)", index.lowest if index else None, TWO_PLACES),
        ("Đơn vị thấp nhất", wording.names(index.lowest_units) if index else "", None),
        ("Khoảng cách cao nhất - thấp nhất", index.gap if index else None, TWO_PLACES),
        ("Khoảng cách năm trước", summary.previous_gap, TWO_PLACES),
        ("Thay đổi khoảng cách so với năm trước", summary.gap_change, TWO_PLACES),
        ("Số đơn vị trên mức trung bình", index.above_average if index else 0, None),
        ("Số đơn vị nộp báo cáo tự đánh giá quá hạn", len(summary.late), None),
    ]
    for number, (label, value, number_format) in enumerate(lines, start=1):
        _row(sheet, row + number, (number, label, value, None, None), {3: number_format})
        sheet.merge_cells(
            start_row=row + number, start_column=3, end_row=row + number, end_column=5
        )
    row += len(lines) + 2
    _header(
        sheet,
        row,
        (
            ("Nhóm", 6),
            ("Khoảng điểm", 46),
            ("Số đơn vị", 14),
            ("Tỷ lệ (%)", 14),
            ("Các đơn vị", 30),
        ),
    )
    for offset, (group, text) in enumerate(wording.bands(summary.groups), start=1):
        values = (group.label, text, group.count, group.share, wording.names(group.units))
        _row(sheet, row + offset, values, {4: ONE_PLACE})
    row += len(summary.groups) + 2
    _header(
        sheet,
        row,
        (("", 6), ("So với năm trước", 46), ("Số đơn vị", 14), ("Điểm", 14), ("Các đơn vị", 30)),
    )
    moves = (
        ("Tăng điểm", summary.score_up),
        ("Giảm điểm", summary.score_down),
        ("Tăng bậc", summary.rank_up),
        ("Giữ bậc", summary.rank_kept),
        ("Giảm bậc", summary.rank_down),
    )
    for offset, (label, move) in enumerate(moves, start=1):
        values = ("", label, len(move.units), move.points, wording.names(move.units))
        _row(sheet, row + offset, values, {4: TWO_PLACES})
    _print_setup(sheet, None)
    sheet.page_setup.orientation = "portrait"


def ranking_sheet(sheet: Worksheet, content: ReportContent) -> None:
    row = _title(sheet, 2, f"XẾP HẠNG CHỈ SỐ CCHC NĂM {content.year}", content, 12)
    _header(sheet, row, RANKING_HEADERS)
    formats = {4: TWO_PLACES, 5: TWO_PLACES, 6: TWO_PLACES, 9: TWO_PLACES, 10: TWO_PLACES}
    for number, line in enumerate(content.units, start=1):
        unit = line.unit
        values = (
            number,
            unit.code,
            unit.name,
            unit.total,
            unit.maximum,
            unit.index,
            unit.rank,
            unit.group,
            unit.previous_index,
            unit.score_change,
            unit.previous_rank,
            unit.rank_change,
        )
        _row(sheet, row + number, values, formats)
    sheet.freeze_panes = sheet.cell(row=row + 1, column=4)
    _print_setup(sheet, f"{row}:{row}")


def fields_sheet(sheet: Worksheet, content: ReportContent) -> None:
    row = _title(sheet, 3, f"KẾT QUẢ THEO TỪNG LĨNH VỰC NĂM {content.year}", content, 11)
    _header(sheet, row, FIELD_HEADERS)
    formats = dict.fromkeys((3, 4, 5, 6, 8, 10), TWO_PLACES)
    for number, field in enumerate(content.summary.fields, start=1):
        spread = field.spread
        values = (
            number,
            f"{field.code}. {field.title}",
            field.maximum,
            field.average,
            field.average_percent,
            spread.highest,
            wording.names(spread.highest_units),
            spread.lowest,
            wording.names(spread.lowest_units),
            spread.gap,
            spread.above_average,
        )
        _row(sheet, row + number, values, formats)
    _print_setup(sheet, f"{row}:{row}")


def _field_nodes(content: ReportContent, field: Node) -> list[Node]:
    """The field's nodes below it, in document order (criteria, then their sub-criteria)."""
    found: list[Node] = []

    def walk(node: Node) -> None:
        for code in node.children:
            child = content.framework.node(code)
            found.append(child)
            walk(child)

    walk(field)
    return found


def field_sheet(sheet: Worksheet, content: ReportContent, number: int, field: Node) -> None:
    nodes = _field_nodes(content, field)
    width = 4 + len(nodes)
    row = _title(sheet, number, f"LĨNH VỰC {field.code}: {field.title.upper()}", content, width)
    headers = [("STT", 6), ("Tên đơn vị", 30)]
    headers += [(f"{node.code}\n{node.title}", 14 if node.is_leaf else 12) for node in nodes]
    headers += [(f"Tổng lĩnh vực {field.code}", 12), ("Xếp hạng chung", 9)]
    _header(sheet, row, headers, height=90)
    maxima = ["", "Điểm tối đa", *(node.maximum for node in nodes), field.maximum, ""]
    _row(sheet, row + 1, maxima, dict.fromkeys(range(3, width + 1), TWO_PLACES))
    for column in range(1, width + 1):
        sheet.cell(row=row + 1, column=column).font = ITALIC
    codes = [node.code for node in nodes]
    formats = dict.fromkeys(range(3, width), TWO_PLACES)
    for offset, line in enumerate(content.units, start=1):
        values = [offset, line.name, *(line.points[code] for code in codes)]
        values += [line.points[field.code], line.unit.rank]
        _row(sheet, row + 1 + offset, values, formats)
    sheet.freeze_panes = sheet.cell(row=row + 2, column=3)
    _print_setup(sheet, f"{row}:{row + 1}")


def build_workbook(content: ReportContent, output: IO[bytes], progress: Progress | None = None):
    """Write the workbook to `output` (a binary file)."""
    report = progress or (lambda percent: None)
    book = Workbook()
    summary_sheet(book.active, content)
    book.active.title = "Biểu 1 - Tổng hợp"
    ranking_sheet(book.create_sheet("Biểu 2 - Xếp hạng"), content)
    fields_sheet(book.create_sheet("Biểu 3 - Lĩnh vực"), content)
    fields = content.framework.fields
    for position, field in enumerate(fields):
        number = 4 + position
        sheet = book.create_sheet(f"Biểu {number} - LV {field.code}"[:31])
        field_sheet(sheet, content, number, field)
        report(10 + 80 * (position + 1) // max(len(fields), 1))
    book.properties.title = f"{wording.INDEX_NAME} năm {content.year} — {content.jurisdiction}"
    book.properties.creator = "parindex"
    book.save(output)
    report(100)
