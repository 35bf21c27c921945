"""Criteria sets as XLSX, in the layout offices already use. Pure Python (no Django).

Layout (docs/criteria-sets.md): a header block of label/value rows (set code, title, year, kind
of unit, …), then a table with one row per node in tree order: STT/Mã, Cấp (level, derived from
the code depth), Nội dung, Điểm tối đa, Tài liệu kiểm chứng, Hướng dẫn chấm điểm, and the rule
columns Cách tính (kind) and Cấu hình (the rest of the rule as one-line YAML/JSON). The tree is
rebuilt from the codes: "1.6.1" goes under the row "1.6" above it.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from parindex.frameworks.canonical import (
    FORMAT,
    decimal_text,
    ordered_document,
    ordered_rule,
    parse_decimal,
    walk_nodes,
)
from parindex.frameworks.problems import DocumentFormatError, Problem
from parindex.frameworks.xlsx_columns import (
    BOOL_BY_KEY,
    COLUMN_BY_KEY,
    COLUMNS,
    HEADER_BY_KEY,
    HEADER_FIELDS,
    NA_BY_KEY,
    TOTAL_KEYS,
    UNIT_KIND_BY_KEY,
    header_key,
    level_name,
)
from parindex.frameworks.yaml_format import dump_yaml_flow, parse_yaml_value
from parindex.textnorm import nfc

SHEET_TITLE = "Bộ tiêu chí"
TEXT_COLUMNS = ("title", "evidence", "guidance", "config")
NUMBER_COLUMNS = ("max", "min", "max_gap")
FLAG_COLUMNS = ("year_end_only", "survey", "bonus")
WIDTHS = {"code": 10, "level": 18, "title": 60, "evidence": 40, "guidance": 50, "config": 50}


@dataclass
class ParsedSheet:
    """A document read from a spreadsheet, with the row each node code came from."""

    document: dict
    rows: dict[str, int] = field(default_factory=dict)


# --- writing ------------------------------------------------------------------------------


def write_xlsx(doc: dict) -> bytes:
    """The document as an .xlsx file (bytes)."""
    doc = ordered_document(doc)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    for key, (label, _aliases) in HEADER_FIELDS.items():
        sheet.append([label, _header_value(doc, key)])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    sheet.append([])
    header_row = sheet.max_row + 1
    sheet.append([main for main, _aliases in COLUMNS.values()])
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    for node, depth, _parent in walk_nodes(doc.get("nodes")):
        sheet.append([_cell_value(node, depth, key) for key in COLUMNS])
    _format_columns(sheet, header_row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _header_value(doc: dict, key: str) -> Any:
    value = doc.get(key, FORMAT if key == "format" else None)
    if key == "groups":
        return "; ".join(f"{g['label']}: {g['min']}" for g in value or [])
    if key == "scale_to" and value is not None:
        return Decimal(value)
    return value


def _cell_value(node: dict, depth: int, key: str) -> Any:
    rule = node.get("rule") or {}
    if key == "level":
        return level_name(depth)
    if key == "kind":
        return rule.get("kind")
    if key == "config":
        config = {k: v for k, v in rule.items() if k != "kind"}
        return dump_yaml_flow(ordered_rule(config)) if config else None
    if key in NUMBER_COLUMNS:
        return Decimal(node[key]) if node.get(key) is not None else None
    if key in FLAG_COLUMNS:
        return "x" if node.get(key) else None
    return node.get(key)


def _format_columns(sheet, header_row: int) -> None:
    sheet.freeze_panes = sheet.cell(header_row + 1, 3)
    for index, key in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = WIDTHS.get(key, 12)
        if key in TEXT_COLUMNS:
            for (cell,) in sheet.iter_rows(min_row=header_row + 1, min_col=index, max_col=index):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        if key == "code":
            for (cell,) in sheet.iter_rows(min_row=header_row + 1, min_col=index, max_col=index):
                cell.number_format = "@"  # text, so "1.10" never becomes 1.1


# --- reading ------------------------------------------------------------------------------


def read_xlsx(data: bytes) -> ParsedSheet:
    """Read a criteria set from .xlsx bytes; DocumentFormatError lists every problem found."""
    try:
        book = load_workbook(BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a file that is not xlsx
        raise DocumentFormatError([Problem(f"Not a readable .xlsx file ({exc}).")]) from exc
    rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    return SheetReader(rows).read()


class SheetReader:
    """Turns the rows of the first worksheet into a document, collecting every problem."""

    def __init__(self, rows: list[list[Any]]) -> None:
        self.rows = rows
        self.problems: list[Problem] = []
        self.columns: dict[str, int] = {}  # field -> 0-based column index

    def read(self) -> ParsedSheet:
        header_index = self._find_table_header()
        if header_index is None:
            first = ", ".join(COLUMNS[f][0] for f in ("code", "title", "max"))
            raise DocumentFormatError([Problem(f"No table header row found (needs {first}).")])
        doc = {"format": FORMAT} | self._read_header_block(self.rows[:header_index])
        self._map_columns(header_index)
        parsed = ParsedSheet(doc)
        if not self.problems:
            doc["nodes"] = self._read_nodes(header_index + 1, parsed.rows)
        if self.problems:
            raise DocumentFormatError(self.problems)
        parsed.document = ordered_document(doc)
        return parsed

    def _error(self, row: int, column: int | None, message: str, code: str = "") -> None:
        label = ""
        if column is not None:
            header_cells = self.rows[self.header_row - 1]
            header = header_cells[column] if column < len(header_cells) else None
            label = get_column_letter(column + 1) + (f" ({header})" if header else "")
        self.problems.append(Problem(message, code=code, row=row, column=label))

    def _find_table_header(self) -> int | None:
        for index, row in enumerate(self.rows):
            fields = {COLUMN_BY_KEY.get(header_key(v)) for v in row if v is not None}
            if {"code", "title"} <= fields:
                self.header_row = index + 1
                return index
        return None

    def _read_header_block(self, rows: list[list[Any]]) -> dict:
        doc: dict = {}
        for number, row in enumerate(rows, start=1):
            label, value = [*row, None, None][:2]
            if label is None or str(label).strip() == "":
                continue
            key = HEADER_BY_KEY.get(header_key(label))
            if key is None:
                self.problems.append(Problem(f"Unknown header label {label!r}.", row=number))
            elif value is not None and str(value).strip() != "":
                parsed = self._header_field(key, value, number)
                if parsed is not None:
                    doc[key] = parsed
        return doc

    def _header_field(self, key: str, value: Any, row: int) -> Any:
        if key == "year":
            number = parse_decimal(_number_text(value))
            if number is None or number != number.to_integral_value():
                self.problems.append(Problem(f"Year {value!r} is not a whole number.", row=row))
                return None
            return int(number)
        if key == "scale_to":
            return self._decimal(value, row, None)
        if key == "unit_kind":
            kind = UNIT_KIND_BY_KEY.get(header_key(value))
            if kind is None:
                self.problems.append(Problem(f"Unknown kind of unit {value!r}.", row=row))
            return kind
        if key == "groups":
            return self._groups(str(value), row)
        return nfc(str(value))

    def _groups(self, text: str, row: int) -> list[dict] | None:
        groups = []
        for part in filter(None, (p.strip() for p in text.split(";"))):
            label, sep, minimum = part.rpartition(":")
            number = parse_decimal(minimum.strip().replace(",", ".")) if sep else None
            if not label.strip() or number is None:
                message = f"Group {part!r} must be written 'label: minimum', e.g. 'A: 90'."
                self.problems.append(Problem(message, row=row))
                return None
            groups.append({"label": nfc(label), "min": decimal_text(number)})
        return groups

    def _map_columns(self, header_index: int) -> None:
        for column, value in enumerate(self.rows[header_index]):
            if value is None or str(value).strip() == "":
                continue
            key = COLUMN_BY_KEY.get(header_key(value))
            if key is None:
                self._error(self.header_row, column, f"Unknown column header {value!r}.")
            elif key in self.columns:
                self._error(self.header_row, column, f"Column {value!r} appears twice.")
            else:
                self.columns[key] = column

    def _read_nodes(self, start: int, rows_of: dict[str, int]) -> list[dict]:
        top: list[dict] = []
        stack: list[dict] = []
        for index in range(start, len(self.rows)):
            node = self._read_row(index)
            if node is None:
                continue
            code = node["code"]
            if code in rows_of:
                self._error(index + 1, self.columns["code"], f"Code {code} appears twice.", code)
                continue
            rows_of[code] = index + 1
            self._place(node, index, stack, top)
        return top

    def _place(self, node: dict, index: int, stack: list[dict], top: list[dict]) -> None:
        code = node["code"]
        parent_code = code.rpartition(".")[0]
        while stack and stack[-1]["code"] != parent_code:
            stack.pop()
        if stack:
            stack[-1].setdefault("children", []).append(node)
        elif parent_code:
            message = f"No row with code {parent_code} above {code} to place it under."
            self._error(index + 1, self.columns["code"], message, code)
            return
        else:
            top.append(node)
        stack.append(node)

    def _cell(self, index: int, key: str) -> Any:
        column = self.columns.get(key)
        row = self.rows[index]
        if column is None or column >= len(row):
            return None
        value = row[column]
        return None if isinstance(value, str) and value.strip() == "" else value

    def _read_row(self, index: int) -> dict | None:
        if all(v is None or str(v).strip() == "" for v in self.rows[index]):
            return None
        raw_code = self._cell(index, "code")
        if raw_code is None:
            if header_key(self._cell(index, "title") or "") in TOTAL_KEYS:
                return None
            self._error(index + 1, self.columns["code"], "The code is missing.")
            return None
        code = _number_text(raw_code).strip().rstrip(".")
        node: dict = {"code": nfc(code)}
        for key in ("title", "max", "min", "department", "evidence", "guidance"):
            self._read_field(node, index, key)
        for key in FLAG_COLUMNS:
            self._read_flag(node, index, key)
        self._read_na(node, index)
        self._read_field(node, index, "max_gap")
        self._read_rule(node, index)
        return node

    def _read_field(self, node: dict, index: int, key: str) -> None:
        value = self._cell(index, key)
        if value is None:
            return
        if key in NUMBER_COLUMNS:
            number = self._decimal(value, index + 1, self.columns[key], node["code"])
            if number is not None:
                node[key] = number
        else:
            node[key] = nfc(_number_text(value))

    def _decimal(self, value: Any, row: int, column: int | None, code: str = "") -> str | None:
        text = _number_text(value).strip()
        if "," in text and "." not in text:
            text = text.replace(",", ".")  # Vietnamese decimal comma: "11,5"
        number = parse_decimal(text)
        if number is None:
            if column is None:
                self.problems.append(Problem(f"{value!r} is not a number.", row=row))
            else:
                self._error(row, column, f"{value!r} is not a number.", code)
            return None
        return decimal_text(number)

    def _read_flag(self, node: dict, index: int, key: str) -> None:
        value = self._cell(index, key)
        if value is None:
            return
        flag = value if isinstance(value, bool) else BOOL_BY_KEY.get(header_key(value))
        if flag is None:
            message = f"{value!r} is not yes/no (write x, có or leave empty)."
            self._error(index + 1, self.columns[key], message, node["code"])
        elif flag:
            node[key] = True

    def _read_na(self, node: dict, index: int) -> None:
        value = self._cell(index, "na")
        if value is None:
            return
        na = NA_BY_KEY.get(header_key(value))
        if na is None:
            message = f"{value!r} is not full / exclude (tính đủ điểm / loại trừ)."
            self._error(index + 1, self.columns["na"], message, node["code"])
        else:
            node["na"] = na

    def _read_rule(self, node: dict, index: int) -> None:
        kind, config_text = self._cell(index, "kind"), self._cell(index, "config")
        config = self._parse_config(config_text, index, node["code"])
        if config is None:
            return
        if kind is None:
            if config:
                message = "A rule configuration needs a kind in the Cách tính column."
                self._error(index + 1, self.columns["config"], message, node["code"])
            return
        node["rule"] = ordered_rule({"kind": nfc(str(kind))} | config)

    def _parse_config(self, text: Any, index: int, code: str) -> dict | None:
        if text is None:
            return {}
        try:
            config = parse_yaml_value(str(text))
        except Exception as exc:  # yaml.YAMLError and its marks: report the text of it
            message = f"The rule configuration is not valid YAML/JSON: {exc}"
            self._error(index + 1, self.columns["config"], message, code)
            return None
        if not isinstance(config, dict) or "kind" in config:
            message = "The rule configuration must be a mapping such as {floor: '80'}, no kind."
            self._error(index + 1, self.columns["config"], message, code)
            return None
        return config


def _number_text(value: Any) -> str:
    """Text of a cell; a float cell gives its shortest exact spelling (0.8042, not 0.80419…)."""
    if isinstance(value, float):
        return decimal_text(Decimal(repr(value))) if value == value else "nan"
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return decimal_text(value)
    return str(value)
