"""Reading a CSV or XLSX table for an import, generically.

What every import (units, users, and later criteria sets, task registers, survey responses)
needs the same way:

- headers matched with or without accents, in any case and spacing ("Mã đơn vị",
  "ma don vi", "MA_DON_VI" and "code" can all name one column);
- every cell NFC-normalised text, whatever the file stored (numbers, dates);
- every problem collected with its row and column, so a file is accepted whole or refused
  with the complete list of what to fix — never stopped at the first error.

An import declares its `Column`s, calls `read_table`, converts cells with `Table.convert`
(which records a problem and returns None when a cell is bad) and writes nothing while
`table.problems` is not empty.
"""

import csv
import datetime
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from django.conf import settings
from django.utils.translation import gettext as _

from parindex.orgs.tabular_export import unguard_formula
from parindex.textnorm import fold, nfc

T = TypeVar("T")
FORMATS = ("csv", "xlsx")


class CellError(ValueError):
    """A cell's text cannot be converted; the message is shown to the user as is."""


class UnreadableTable(Exception):
    """The file cannot be read as a table at all (wrong type, encoding, corrupt)."""


def header_key(text: str) -> str:
    """'Mã đơn vị (*)' and 'ma_don_vi' both → 'ma don vi'."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text)).split())


@dataclass(frozen=True)
class Column:
    key: str
    headers: tuple[str, ...]  # the first is the canonical one, written by exports
    required: bool = False  # the column must be in the file

    @property
    def label(self) -> str:
        return self.headers[0]


@dataclass(frozen=True)
class Problem:
    row: int
    column: int | None
    header: str
    message: str

    def __str__(self) -> str:
        if self.column is None:
            return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}
        return _("Row %(row)s, column %(col)s (%(header)s): %(message)s") % {
            "row": self.row,
            "col": self.column,
            "header": self.header,
            "message": self.message,
        }


@dataclass
class Row:
    number: int  # as the spreadsheet shows it, the header row included
    cells: dict[str, str]

    def get(self, key: str) -> str:
        return self.cells.get(key, "")


@dataclass
class Table:
    columns: dict[str, Column]
    positions: dict[str, int]  # key → 1-based column number in the file
    headers: dict[str, str]  # key → the header as the file wrote it
    rows: list[Row] = field(default_factory=list)
    ignored_headers: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def has(self, key: str) -> bool:
        """True when the file has this column (an absent column leaves data unchanged)."""
        return key in self.positions

    def error(self, row: Row | int, key: str | None, message: str) -> None:
        number = row.number if isinstance(row, Row) else row
        if key is None or key not in self.positions:
            label = self.columns[key].label if key in self.columns else ""
            text = f"{label}: {message}" if label else message
            self.problems.append(Problem(number, None, "", text))
        else:
            self.problems.append(Problem(number, self.positions[key], self.headers[key], message))

    def convert(self, row: Row, key: str, parse: Callable[[str], T]) -> T | None:
        """`parse(cell)`, or None after recording the CellError it raised."""
        try:
            return parse(row.get(key))
        except CellError as exc:
            self.error(row, key, str(exc))
            return None

    def require(self, row: Row, key: str) -> str:
        """The cell's text; records "required" when it is empty."""
        text = row.get(key)
        if not text:
            self.error(row, key, _("This cell is required."))
        return text


def read_table(upload: Any, filename: str, columns: Sequence[Column]) -> Table:
    """Read the first sheet of an uploaded CSV/XLSX file. Raises UnreadableTable."""
    fmt = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if fmt not in FORMATS:
        raise UnreadableTable(_("Upload a .csv or .xlsx file."))
    data = upload.read(settings.UPLOAD_MAX_BYTES + 1)
    if len(data) > settings.UPLOAD_MAX_BYTES:
        raise UnreadableTable(_("The file is larger than the upload limit."))
    raw_rows = _csv_rows(data) if fmt == "csv" else _xlsx_rows(data)
    return _build_table(raw_rows, columns)


def _csv_rows(data: bytes) -> Iterable[list[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableTable(
            _("The CSV file is not UTF-8 text. In Excel choose “Save as → CSV UTF-8”.")
        ) from None
    first_line = text.split("\n", 1)[0]
    # Excel writes ";" where the decimal separator is a comma (Vietnamese locale).
    delimiter = max(",;\t", key=first_line.count)
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _xlsx_rows(data: bytes) -> list[list[Any]]:
    import openpyxl  # imported here: only XLSX uploads pay for it

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # zipfile/openpyxl raise many types for a corrupt file; all mean that
        raise UnreadableTable(_("The file is not a valid XLSX workbook.")) from None
    try:
        return [list(values) for values in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def cell_text(value: Any) -> str:
    """Any stored cell value as the text a person would have typed."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date() if value.time() == datetime.time() else value
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        # XLSX stores numbers as binary floats: repr gives the shortest exact decimal text.
        return str(int(value)) if value.is_integer() else repr(value)
    return unguard_formula(nfc(str(value)))


HEADER_SEARCH_ROWS = 20  # title lines offices put above a table's header


def _find_header(rows: list[list[Any]], by_header: dict[str, Column]) -> tuple[int, list[str]]:
    """The header row: the first naming two known columns (titles above it are skipped),
    else the first non-empty row. Returns its index in `rows` and its texts."""
    first_filled = None
    for index, values in enumerate(rows[:HEADER_SEARCH_ROWS]):
        texts = [cell_text(v) for v in values]
        known = {by_header[k].key for k in map(header_key, texts) if k in by_header}
        if len(known) >= min(2, len(set(by_header.values()))):
            return index, texts
        if first_filled is None and any(texts):
            first_filled = (index, texts)
    return first_filled or (0, [])


def _build_table(raw_rows: Iterable[list[Any]], columns: Sequence[Column]) -> Table:
    by_header = {header_key(h): c for c in columns for h in (*c.headers, c.key)}
    table = Table(columns={c.key: c for c in columns}, positions={}, headers={})
    all_rows = list(raw_rows)
    header_index, header = _find_header(all_rows, by_header)
    header_number = header_index + 1
    rows = enumerate(all_rows[header_index + 1 :], start=header_number + 1)
    for position, text in enumerate(header, start=1):
        column = by_header.get(header_key(text))
        if column is None:
            if text:
                table.ignored_headers.append(text)
        elif column.key in table.positions:
            table.problems.append(
                Problem(header_number, position, text, _("This column appears twice."))
            )
        else:
            table.positions[column.key] = position
            table.headers[column.key] = text
    for column in columns:
        if column.required and column.key not in table.positions:
            table.error(header_number, column.key, _("This column is missing."))
    for number, values in rows:
        cells = {
            key: cell_text(values[pos - 1]) if pos <= len(values) else ""
            for key, pos in table.positions.items()
        }
        if any(cells.values()):
            table.rows.append(Row(number, cells))
    return table


# --- cell parsers shared by imports: each returns a value or raises CellError -------------


def parse_optional_date(text: str) -> datetime.date | None:
    """ISO (2025-07-01) or Vietnamese day-first (01/07/2025, 1-7-2025); empty → None."""
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return datetime.date.fromisoformat(text)
        match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return datetime.date(year, month, day)
    except ValueError:
        pass
    raise CellError(
        _("“%(text)s” is not a date (write 2025-07-01 or 01/07/2025).") % {"text": text}
    )


def parse_decimal(text: str) -> Decimal:
    """A decimal number; a decimal comma is accepted ("0,25")."""
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise CellError(_("“%(text)s” is not a number.") % {"text": text}) from None
    if not value.is_finite():
        raise CellError(_("“%(text)s” is not a number.") % {"text": text})
    return value


def choice_parser(aliases: dict[str, Iterable[str]]) -> Callable[[str], str]:
    """A parser mapping any alias (accents and case ignored) to its value.

    `aliases` maps each value to the names people write for it, canonical name first.
    """
    lookup = {header_key(name): value for value, names in aliases.items() for name in names}
    lookup.update({header_key(value): value for value in aliases})
    expected = ", ".join(next(iter(names)) for names in aliases.values())

    def parse(text: str) -> str:
        try:
            return lookup[header_key(text)]
        except KeyError:
            raise CellError(
                _("“%(text)s” is not one of: %(expected)s.") % {"text": text, "expected": expected}
            ) from None

    return parse
