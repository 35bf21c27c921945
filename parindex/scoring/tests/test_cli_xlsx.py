"""XLSX on the command line: inputs in the long layout, and frameworks via the frameworks app."""

from decimal import Decimal

import pytest
from openpyxl import Workbook

from parindex.cli_inputs import read_framework_document

from .cli_runner import EXAMPLES, score
from .test_cli_score import EXPECTED

FRAMEWORK = EXAMPLES / "commune-2022.yaml"


def test_xlsx_inputs_with_typed_cells(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["unit_code", "unit_name", "node", "input", "value"])
    csv_rows = (EXAMPLES / "commune-2022-inputs.csv").read_text(encoding="utf-8").splitlines()[1:]
    for line in csv_rows:
        code, name, node, name_of_input, value = line.split(",", 4)
        # Cells typed as offices type them: numbers as numbers, yes/no as booleans.
        typed: object = {"true": True, "false": False}.get(value, value)
        if value.isdigit():
            typed = int(value)
        sheet.append([code, name, node, name_of_input, typed])
    sheet.append([None, None, None, None, None])  # trailing blank row
    path = tmp_path / "inputs.xlsx"
    book.save(path)
    result = score(FRAMEWORK, path, "--format", "csv")
    assert result.err == ""
    assert [line.split(",") for line in result.out.splitlines()[1:]] == EXPECTED


def test_xlsx_framework_through_the_frameworks_reader(tmp_path):
    xlsx_format = pytest.importorskip("parindex.frameworks.xlsx_format")
    document = read_framework_document(FRAMEWORK)
    path = tmp_path / "set.xlsx"
    path.write_bytes(xlsx_format.write_xlsx(document))
    assert read_framework_document(path)["nodes"][0]["max"] in ("3", Decimal(3), 3)
    result = score(path, EXAMPLES / "commune-2022-inputs.csv", "--format", "csv")
    assert result.err == ""
    assert [line.split(",") for line in result.out.splitlines()[1:]] == EXPECTED
