"""`python -m parindex score` on the documented example (docs/scoring-cli.md)."""

import csv
import io
import json
import subprocess
import sys

import pytest

from .cli_runner import EXAMPLES, score

FRAMEWORK = EXAMPLES / "commune-2022.yaml"
CSV_INPUTS = EXAMPLES / "commune-2022-inputs.csv"
YAML_INPUTS = EXAMPLES / "commune-2022-inputs.yaml"

# Hand-calculated from the example files:
# XA01: 1 + 1 + 0.75 = 2.75 | 2 (96.31%) + 0.7 (6/10 + 2/10 × 0.5) = 2.7 |
#       0.6958 (1.5 × 39.43/85) + 0.5 = 1.1958 → 6.6458 / 8 = 83.07% → B
# XA02: 1 + 0.5 (15 days late) + 0 (1 − 0.5 − 0.5) = 1.5 | 0 (75%) + 1 (N/A full) = 1 |
#       1.5 (90% ≥ 85%) + 0.25 = 1.75 → 4.25 / 8 = 53.125 → 53.13% → C
# XA03: 0 + 0 + 0 = 0 | 2 (95.83%) + 0 (not answered) = 2 |
#       0.8824 (1.5 × 50/85 = 0.88235…) + 0.25 = 1.1324 → 3.1324 / 8 = 39.155 → 39.16% → D
EXPECTED = [
    ["XA01", "Xã Tân Phong", "2.75", "2.7", "1.1958", "6.6458", "8", "83.07", "1", "B"],
    ["XA02", "Xã Kim Bôn", "1.5", "1", "1.75", "4.25", "8", "53.13", "2", "C"],
    ["XA03", "Thị trấn Tường Phong", "0", "2", "1.1324", "3.1324", "8", "39.16", "3", "D"],
]


@pytest.mark.parametrize("inputs", [CSV_INPUTS, YAML_INPUTS])
def test_csv_output_per_unit(inputs):
    result = score(FRAMEWORK, inputs, "--format", "csv")
    assert (result.status, result.err) == (0, "")
    header, *rows = csv.reader(io.StringIO(result.out))
    assert header == ["code", "name", "1", "2", "3", "total", "maximum", "index", "rank", "group"]
    assert rows == EXPECTED


def test_json_output():
    result = score(FRAMEWORK, CSV_INPUTS, "--format", "json")
    document = json.loads(result.out)
    first = document["units"][0]
    assert first["fields"] == {"1": "2.75", "2": "2.7", "3": "1.1958"}
    assert (first["index"], first["rank"], first["group"]) == ("83.07", 1, "B")
    assert [g["count"] for g in document["groups"]] == [0, 1, 1, 1]
    assert document["groups"][1]["share"] == "33.3"  # 1/3 = 33.33…% → 33.3


def test_the_table_is_the_default():
    result = score(FRAMEWORK, CSV_INPUTS)
    lines = result.out.splitlines()
    assert lines[0].split() == [
        "code",
        "name",
        "1",
        "2",
        "3",
        "total",
        "maximum",
        "index",
        "rank",
        "group",
    ]
    assert lines[1].split()[-4:] == ["8", "83.07", "1", "B"]


def test_year_changes_month_day_deadlines():
    # In 2023 the plans dated 2022 count as early: XA02's 1.2 scores 1 instead of 0.5.
    result = score(FRAMEWORK, CSV_INPUTS, "--format", "csv", "--year", "2023")
    rows = {row[0]: row for row in csv.reader(io.StringIO(result.out))}
    assert rows["XA02"][2] == "2"


def test_python_dash_m_parindex_runs_the_command():
    completed = subprocess.run(  # noqa: S603 - our own interpreter, a fixed command
        [
            sys.executable,
            "-m",
            "parindex",
            "score",
            "--framework",
            str(FRAMEWORK),
            "--inputs",
            str(CSV_INPUTS),
            "--format",
            "csv",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=EXAMPLES.parents[1],
    )
    assert completed.returncode == 0
    assert completed.stdout.splitlines()[1].startswith("XA01,")


def test_the_documented_example_output_is_what_the_command_prints():
    doc = (EXAMPLES.parent / "scoring-cli.md").read_text(encoding="utf-8")
    block = doc.split("--inputs docs/examples/commune-2022-inputs.csv\n", 1)[1].split("```", 1)[0]
    assert score(FRAMEWORK, CSV_INPUTS).out == block
