"""The generic table reader: header matching, cell text, encodings, row/column numbers."""

import datetime
import io

import pytest

from parindex.orgs.tabular_import import (
    CellError,
    Column,
    UnreadableTable,
    cell_text,
    choice_parser,
    header_key,
    parse_decimal,
    parse_optional_date,
    read_table,
)
from parindex.orgs.tests.helpers_tables import xlsx_upload

COLUMNS = (
    Column("code", ("Mã đơn vị", "code"), required=True),
    Column("name", ("Tên đơn vị",)),
)


def read_csv(data: bytes):
    return read_table(io.BytesIO(data), "t.csv", COLUMNS)


@pytest.mark.parametrize(
    "header", ["Mã đơn vị", "ma don vi", "MA_DON_VI", " Mã  đơn vị (*) ", "Mã đơn vị", "CODE"]
)
def test_header_variants_match(header):
    # Accents, case, underscores, extra spaces and marks like "(*)" do not matter.
    table = read_csv(f"{header},Tên đơn vị\nA,B\n".encode())
    assert table.rows[0].cells == {"code": "A", "name": "B"}


def test_semicolon_csv_with_bom_and_crlf():
    table = read_csv("\ufeffMã đơn vị;Tên đơn vị\r\nA;Xã A, B\r\n".encode())
    assert table.rows[0].cells == {"code": "A", "name": "Xã A, B"}


def test_non_utf8_csv_is_refused_with_advice():
    with pytest.raises(UnreadableTable, match="CSV UTF-8"):
        read_csv("Đơn\nĐơn\n".encode("cp1258"))  # Windows' Vietnamese code page


def test_blank_rows_are_skipped_but_numbers_are_kept():
    table = read_csv(b"code,name\n\nA,x\n,,\nB,y\n")
    assert [(r.number, r.get("code")) for r in table.rows] == [(3, "A"), (5, "B")]


def test_duplicate_and_missing_columns():
    table = read_csv("Tên đơn vị,ten don vi\nA,B\n".encode())
    assert [str(p) for p in table.problems] == [
        "Row 1, column 2 (ten don vi): This column appears twice.",
        "Row 1: Mã đơn vị: This column is missing.",
    ]


def test_error_names_the_file_column_not_the_declared_order():
    table = read_csv("STT,Tên đơn vị,Mã đơn vị\n1,B,A\n".encode())
    table.error(table.rows[0], "code", "bad")
    assert str(table.problems[0]) == "Row 2, column 3 (Mã đơn vị): bad"
    assert table.ignored_headers == ["STT"]


def test_xlsx_cells_become_the_text_a_person_typed():
    upload = xlsx_upload(
        [["Mã đơn vị", "Tên đơn vị"], [12, 0.6], [3.0, datetime.datetime(2025, 7, 1)]]
    )
    table = read_table(upload, "t.xlsx", COLUMNS)
    assert [r.cells for r in table.rows] == [
        {"code": "12", "name": "0.6"},
        {"code": "3", "name": "2025-07-01"},
    ]


def test_corrupt_xlsx():
    with pytest.raises(UnreadableTable, match="not a valid XLSX"):
        read_table(io.BytesIO(b"PK\x03\x04 nope"), "t.xlsx", COLUMNS)


def test_file_over_the_upload_limit(settings):
    settings.UPLOAD_MAX_BYTES = 10
    with pytest.raises(UnreadableTable, match="larger than the upload limit"):
        read_csv(b"code,name\nAAAAAAAAAAA,B\n")


def test_header_key():
    assert header_key("Mã đơn vị cấp trên (*)") == "ma don vi cap tren"


def test_cell_text_normalises_and_unguards():
    assert cell_text("Tu\u031bo\u031b\u0300ng ") == "Tường"
    assert cell_text("'=SUM(A1)") == "=SUM(A1)"
    assert cell_text("'quoted") == "'quoted"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-07-01", datetime.date(2025, 7, 1)),
        ("01/07/2025", datetime.date(2025, 7, 1)),  # day first, as Vietnamese documents write
        ("1.7.2025", datetime.date(2025, 7, 1)),
        ("", None),
    ],
)
def test_dates(text, expected):
    assert parse_optional_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2025", "2025/07/01", "July 1"])
def test_bad_dates(text):
    with pytest.raises(CellError):
        parse_optional_date(text)


def test_decimal_comma():
    assert str(parse_decimal("0,25")) == "0.25"
    with pytest.raises(CellError):
        parse_decimal("NaN")


def test_choice_parser_ignores_accents_and_case():
    parse = choice_parser({"head": ("Thủ trưởng", "Unit head")})
    assert parse("THU TRUONG") == "head"
    assert parse("unit head") == "head"
    assert parse("head") == "head"
    with pytest.raises(CellError, match="Thủ trưởng"):
        parse("chủ tịch")
