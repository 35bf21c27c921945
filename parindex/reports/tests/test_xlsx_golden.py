"""The workbook read back with openpyxl shows the summary's and the snapshot's own numbers."""

import io
from decimal import Decimal

import openpyxl
import pytest

from parindex.reports.content import report_content
from parindex.reports.xlsx import build_workbook


@pytest.fixture
def book_and_content(seed003):
    content = report_content(seed003["snapshot"])
    buffer = io.BytesIO()
    build_workbook(content, buffer)
    buffer.seek(0)
    return openpyxl.load_workbook(buffer), content


def as_decimal(value) -> Decimal | None:
    """A number read back from a cell, as the Decimal it was written from."""
    return None if value is None else Decimal(str(value))


def _rows(sheet):
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def _table(sheet):
    """(header, body rows) of the sheet's first table: the rows after the "STT" header row with
    a number in column A."""
    rows = _rows(sheet)
    start = next(n for n, row in enumerate(rows) if row[0] == "STT")
    return rows[start], [row for row in rows[start + 1 :] if isinstance(row[0], int)]


def test_one_sheet_per_table_and_field(book_and_content):
    book, _ = book_and_content
    assert book.sheetnames == [
        "Biểu 1 - Tổng hợp",
        "Biểu 2 - Xếp hạng",
        "Biểu 3 - Lĩnh vực",
        "Biểu 4 - LV 1",
        "Biểu 5 - LV 2",
    ]
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation in ("landscape", "portrait")
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert book["Biểu 2 - Xếp hạng"].print_title_rows == "$5:$5"  # the header row


def test_groups_share_14_8_59_3_25_9(book_and_content):
    book, _ = book_and_content
    rows = {row[0]: row for row in _rows(book["Biểu 1 - Tổng hợp"]) if row[0] in tuple("ABCD")}
    got = {label: (row[2], as_decimal(row[3])) for label, row in rows.items()}
    assert got == {
        "A": (0, Decimal("0")),
        "B": (4, Decimal("14.8")),
        "C": (16, Decimal("59.3")),
        "D": (7, Decimal("25.9")),
    }
    assert rows["B"][1] == "từ 70 điểm đến dưới 90 điểm"
    assert rows["D"][1] == "dưới 50 điểm"
    assert rows["B"][4].startswith("Xã Tường Phù, Thị trấn Phù Yên")


def test_ranking_equals_the_snapshot_rows(book_and_content, seed003):
    book, _ = book_and_content
    sheet = book["Biểu 2 - Xếp hạng"]
    body = _table(sheet)[1]
    stored = {r.unit.code: r for r in seed003["snapshot"].units.select_related("unit")}
    assert len(body) == 27
    for row in body:
        unit = stored[row[1]]
        assert as_decimal(row[3]) == unit.total
        assert as_decimal(row[5]) == unit.index and row[6] == unit.rank and row[7] == unit.group
        assert as_decimal(row[8]) == Decimal(unit.previous["index"])
    assert body[0][2] == "Xã Tường Phù" and as_decimal(body[0][5]) == Decimal("77.14")


def test_field_sheets_hold_every_unit_and_node(book_and_content, seed003):
    book, content = book_and_content
    header, body = _table(book["Biểu 4 - LV 1"])
    assert [text.split("\n")[0] for text in header[2:5]] == ["1.1", "1.2", "1.2.1"]
    stored = {r.unit.name: r for r in seed003["snapshot"].units.select_related("unit")}
    assert len(body) == 27
    for row in body:
        unit = stored[row[1]]
        assert [as_decimal(v) for v in row[2:7]] == [
            Decimal(unit.points[code]) for code in ("1.1", "1.2", "1.2.1", "1.2.2", "1")
        ]
    summary = {row[1]: row for row in _table(book["Biểu 3 - Lĩnh vực"])[1]}
    for field in content.summary.fields:
        row = summary[f"{field.code}. {field.title}"]
        assert as_decimal(row[3]) == field.average
        assert as_decimal(row[9]) == field.spread.gap
