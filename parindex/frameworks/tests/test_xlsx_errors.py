from io import BytesIO

import pytest
from openpyxl import Workbook

from parindex.frameworks.problems import DocumentFormatError
from parindex.frameworks.xlsx_format import read_xlsx


def _sheet(rows: list[list]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _problems(rows: list[list]):
    with pytest.raises(DocumentFormatError) as caught:
        read_xlsx(_sheet(rows))
    return caught.value.problems


def test_every_bad_cell_is_reported_with_row_and_column():
    problems = _problems(
        [
            ["Mã", "Nội dung", "Điểm tối đa", "Cuối năm", "Cấu hình"],
            ["1", "Lĩnh vực", "mười", None, None],
            ["1.1", "Tiêu chí", "1", "perhaps", None],
            ["1.2", "Tiêu chí", "1", None, "{floor: '80'"],
        ]
    )
    located = {(p.row, p.column.split(" ")[0], p.code) for p in problems}
    assert located == {(2, "C", "1"), (3, "D", "1.1"), (4, "E", "1.2")}
    assert "Điểm tối đa" in problems[0].column


def test_a_child_without_its_parent_row_is_refused():
    problems = _problems([["Mã", "Nội dung"], ["1", "A"], ["2.1", "B"]])
    assert [(p.row, p.code) for p in problems] == [(3, "2.1")]
    assert "2" in problems[0].message


def test_unknown_headers_and_duplicate_codes_are_reported():
    problems = _problems([["Mã", "Nội dung", "Ghi chú"], ["1", "A", ""], ["1", "B", ""]])
    messages = [str(p) for p in problems]
    assert any("Ghi chú" in m and "row 1" in m for m in messages)


def test_a_file_that_is_not_xlsx_is_refused():
    with pytest.raises(DocumentFormatError, match="xlsx"):
        read_xlsx(b"code: not a spreadsheet")


def test_a_sheet_without_a_table_header_is_refused():
    assert "header" in _problems([["hello", "world"]])[0].message
