"""Reading the files `python -m parindex score` is given: a framework and per-unit inputs.

Inputs come as YAML (`{units: [{code, name, inputs: {leaf: {...}}}]}`) or as a long table in
CSV/XLSX with the columns unit_code, unit_name, node, input, value, one input per row. Values
stay text ("574/596", "a;b", "late=2;missing=1"): the scoring engine reads those forms itself.
Every problem is reported with the file, and the row and column where there is one.
"""

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml

from parindex.textnorm import nfc

INPUT_COLUMNS = ("unit_code", "unit_name", "node", "input", "value")


class CliInputError(Exception):
    """A problem in an input file, located as file:row:column where possible."""

    def __init__(
        self, path: Path | str, message: str, row: int | None = None, column: int | None = None
    ):
        self.path, self.row, self.column, self.message = str(path), row, column, message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ":".join(
            str(part) for part in (self.path, self.row, self.column) if part is not None
        )
        return f"{where}: {self.message}"


class _ExactYamlLoader(yaml.SafeLoader):
    """YAML without floats or dates: `0.5` stays "0.5" and `2022-01-20` stays text, so every
    number reaches the engine exactly as written."""


_ExactYamlLoader.add_constructor("tag:yaml.org,2002:float", yaml.SafeLoader.construct_yaml_str)
_ExactYamlLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def read_yaml(path: Path) -> object:
    try:
        with path.open(encoding="utf-8") as stream:
            return yaml.load(stream, Loader=_ExactYamlLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        row, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise CliInputError(path, f"not valid YAML: {error.problem}", row, column) from None
    except (OSError, UnicodeDecodeError) as error:
        raise CliInputError(path, f"cannot read the file: {error}") from None


def read_framework_document(path: Path) -> object:
    """The framework document from .yaml/.yml, or from .xlsx through the frameworks app."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return read_yaml(path)
    if suffix == ".xlsx":
        # Imported here so the YAML path works even where the XLSX reader is not installed.
        from parindex.frameworks.problems import DocumentFormatError
        from parindex.frameworks.xlsx_format import read_xlsx

        try:
            return read_xlsx(path.read_bytes()).document
        except DocumentFormatError as error:
            problem = error.problems[0]
            raise CliInputError(path, str(problem), problem.row) from None
        except OSError as error:
            raise CliInputError(path, f"cannot read the file: {error}") from None
    raise CliInputError(path, "a framework is a .yaml, .yml or .xlsx file")


@dataclass
class UnitInputs:
    """One unit's inputs as the engine takes them, and where each came from."""

    code: str
    name: str
    inputs: dict[str, dict[str, object]] = field(default_factory=dict)
    # (node, input) -> (row, column of the value) in the inputs file; empty for YAML
    sources: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)


def _cell_text(value: object) -> object:
    """A spreadsheet cell as the engine reads it: exact text for numbers, ISO for dates."""
    if isinstance(value, float):
        return repr(value)  # the shortest text that reads back as the same float: 0.1 -> "0.1"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return nfc(value)
    return value


def _table_rows(path: Path) -> Iterator[tuple[int, list[object]]]:
    """(row number, cells) of a CSV or the first sheet of an XLSX, header included."""
    if path.suffix.lower() == ".csv":
        try:
            with path.open(encoding="utf-8-sig", newline="") as stream:
                yield from enumerate(csv.reader(stream), start=1)
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            raise CliInputError(path, f"cannot read the file: {error}") from None
        return
    from openpyxl import load_workbook  # only needed for XLSX

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a file that is not xlsx
        raise CliInputError(path, f"not a readable .xlsx file ({error})") from None
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        yield from ((number, list(row)) for number, row in enumerate(rows, start=1))
    finally:
        book.close()


def _column_positions(path: Path, header: list[object]) -> dict[str, int]:
    names = [nfc(str(cell)).lower() if cell is not None else "" for cell in header]
    for position, name in enumerate(names):
        if name and name not in INPUT_COLUMNS:
            raise CliInputError(path, f"unknown column {name!r}", 1, position + 1)
    missing = [column for column in INPUT_COLUMNS if column not in names]
    if missing:
        raise CliInputError(path, f"missing column(s): {', '.join(missing)}", 1)
    return {column: names.index(column) for column in INPUT_COLUMNS}


def _add_row(
    path: Path, units: dict[str, UnitInputs], number: int, cells: dict, columns: dict
) -> None:
    for key in ("unit_code", "node", "input"):
        if not str(cells[key] or "").strip():
            raise CliInputError(path, f"{key} is empty", number, columns[key] + 1)
    code, node, name = (nfc(str(cells[key])) for key in ("unit_code", "node", "input"))
    value = cells["value"]
    if value is None or value == "":
        message = "value is empty (leave the row out for 'not answered')"
        raise CliInputError(path, message, number, columns["value"] + 1)
    unit_name = nfc(str(cells["unit_name"] or "")) or code
    unit = units.setdefault(code, UnitInputs(code, unit_name))
    if unit.name != unit_name:
        message = f"unit {code} is named {unit.name!r} on an earlier row, {unit_name!r} here"
        raise CliInputError(path, message, number, columns["unit_name"] + 1)
    if (node, name) in unit.sources:
        first = unit.sources[(node, name)][0]
        message = f"unit {code}, node {node}, input {name} is already given on row {first}"
        raise CliInputError(path, message, number, columns["input"] + 1)
    unit.inputs.setdefault(node, {})[name] = _cell_text(value)
    unit.sources[(node, name)] = (number, columns["value"] + 1)


def read_input_table(path: Path) -> list[UnitInputs]:
    """Long-format CSV/XLSX: one row per (unit, node, input)."""
    rows = _table_rows(path)
    header = next(rows, None)
    if header is None:
        raise CliInputError(path, "the file is empty")
    columns = _column_positions(path, header[1])
    units: dict[str, UnitInputs] = {}
    for number, row in rows:
        if all(cell is None or str(cell).strip() == "" for cell in row):
            continue  # blank lines, often left at the end of a sheet
        padded = [*row, *([None] * len(INPUT_COLUMNS))]
        cells = {column: _cell_text(padded[position]) for column, position in columns.items()}
        _add_row(path, units, number, cells, columns)
    return list(units.values())


def read_input_yaml(path: Path) -> list[UnitInputs]:
    """YAML: {units: [{code, name, inputs: {leaf_code: {input: value}}}]}."""
    data = read_yaml(path)
    units = data.get("units") if isinstance(data, dict) else None
    if not isinstance(units, list):
        raise CliInputError(path, "expected a mapping with a list under 'units'")
    result: dict[str, UnitInputs] = {}
    for position, unit in enumerate(units, start=1):
        if not isinstance(unit, dict) or unit.get("code") in (None, ""):
            raise CliInputError(path, f"unit #{position}: needs a code")
        code = nfc(str(unit["code"]))
        if code in result:
            raise CliInputError(path, f"unit {code} is listed twice")
        inputs = unit.get("inputs") or {}
        if not isinstance(inputs, dict) or not all(isinstance(e, dict) for e in inputs.values()):
            raise CliInputError(path, f"unit {code}: inputs map leaf codes to {{input: value}}")
        entries = {nfc(str(node)): {str(k): v for k, v in e.items()} for node, e in inputs.items()}
        result[code] = UnitInputs(code, nfc(str(unit.get("name") or code)), entries)
    return list(result.values())


def read_unit_inputs(path: Path) -> list[UnitInputs]:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return read_input_yaml(path)
    if suffix in (".csv", ".xlsx"):
        if not path.is_file():
            raise CliInputError(path, "no such file")
        return read_input_table(path)
    raise CliInputError(path, "inputs are a .csv, .xlsx, .yaml or .yml file")
