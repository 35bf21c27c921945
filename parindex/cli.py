"""`python -m parindex`: a small command line with subcommands.

    python -m parindex score --framework SET.yaml --inputs INPUTS.csv [--format json] [--year 2022]

prints, per unit, the points per field, total, maximum, index, rank and group. Bad input ends
with a non-zero exit status and one line per problem naming file, row and column. Subcommands
are listed in one place (SUBCOMMANDS) so more can be added, e.g. to dispatch to Django later.
"""

import argparse
import csv
import json
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from parindex.cli_inputs import CliInputError, UnitInputs, read_framework_document, read_unit_inputs
from parindex.scoring import (
    CampaignResult,
    Context,
    Framework,
    FrameworkError,
    InputErrors,
    Issue,
    load_framework,
    score_units,
)
from parindex.scoring.phrases import show

FORMATS = ("table", "json", "csv")


def _points(value: Decimal | None) -> str:
    """Points without trailing zeros ("2.7", not "2.7000"); the index keeps its 2 places."""
    return "" if value is None else show(value)


def _index(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


MAX_LINES = 50  # problems printed before "… and N more"


def _fail(lines: Sequence[str], stream: TextIO) -> int:
    for line in lines[:MAX_LINES]:
        print(f"error: {line}", file=stream)
    if len(lines) > MAX_LINES:
        print(f"error: … and {len(lines) - MAX_LINES} more", file=stream)
    return 1


def _issue_text(issue: Issue) -> str:
    where = ", ".join(part for part in (issue.code and f"node {issue.code}", issue.path) if part)
    return f"{where}: {issue.message}" if where else issue.message


def _input_error_lines(path: Path, errors: InputErrors, units: list[UnitInputs]) -> list[str]:
    """Each engine InputError placed back at the row and column it came from."""
    sources = {unit.code: unit.sources for unit in units}
    lines = []
    for error in errors.errors:
        unit_sources = sources.get(error.unit or "", {})
        found = unit_sources.get((error.code, error.input)) or next(
            (where for (node, _), where in unit_sources.items() if node == error.code), None
        )
        where = f"{path}:{found[0]}:{found[1]}" if found else str(path)
        what = f"unit {error.unit}, node {error.code}" + (f", {error.input}" if error.input else "")
        lines.append(f"{where}: {what}: {error.message}")
    return lines


def _unit_records(framework: Framework, campaign: CampaignResult, names: dict[str, str]) -> list:
    """One record per unit, best first; numbers as exact text."""
    records = []
    for unit in campaign.ranked():
        result = unit.result
        records.append(
            {
                "code": unit.code,
                "name": names[unit.code],
                "fields": {field.code: _points(field.points) for field in result.field_scores()},
                "bonus": None if framework.bonus_node is None else _points(result.bonus),
                "total": _points(result.total),
                "maximum": _points(result.maximum),
                "index": _index(result.index_rounded),
                "rank": unit.rank,
                "group": unit.group,
            }
        )
    return records


def _flat(record: dict) -> dict[str, str]:
    """A record as one table or CSV row: a column per field, then the totals."""
    row = {"code": record["code"], "name": record["name"], **record["fields"]}
    if record["bonus"] is not None:
        row["bonus"] = record["bonus"]
    for key in ("total", "maximum", "index", "rank", "group"):
        row[key] = "" if record[key] is None else str(record[key])
    return row


def _write_table(rows: list[dict], stream: TextIO) -> None:
    if not rows:
        return
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(str(row[c])) for row in rows)) for c in columns}
    text_columns = {"code", "name", "group"}
    for cells in [dict(zip(columns, columns, strict=True)), *rows]:
        line = "  ".join(
            str(cells[c]).ljust(widths[c]) if c in text_columns else str(cells[c]).rjust(widths[c])
            for c in columns
        )
        print(line.rstrip(), file=stream)


def _write_json(
    framework: Framework, campaign: CampaignResult, records: list[dict], stream: TextIO
) -> None:
    document = {
        "framework": {"code": framework.code, "title": framework.title, "year": framework.year},
        "units": records,
        "groups": [
            {"label": s.label, "count": s.count, "share": _index(s.share)} for s in campaign.shares
        ],
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _write_csv(rows: list[dict], stream: TextIO) -> None:
    if rows:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def run_score(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    framework_path, inputs_path = Path(arguments.framework), Path(arguments.inputs)
    try:
        framework = load_framework(read_framework_document(framework_path))
        units = read_unit_inputs(inputs_path)
    except CliInputError as error:
        return _fail([str(error)], err)
    except FrameworkError as error:
        return _fail([f"{framework_path}: {_issue_text(issue)}" for issue in error.issues], err)
    context = Context(year=arguments.year)
    try:
        campaign = score_units(framework, {unit.code: unit.inputs for unit in units}, context)
    except InputErrors as errors:
        return _fail(_input_error_lines(inputs_path, errors, units), err)
    records = _unit_records(framework, campaign, {unit.code: unit.name for unit in units})
    if arguments.format == "json":
        _write_json(framework, campaign, records, out)
    elif arguments.format == "csv":
        _write_csv([_flat(record) for record in records], out)
    else:
        _write_table([_flat(record) for record in records], out)
    return 0


def _score_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "score",
        help="score units from a framework and their inputs",
        description="Score every unit: points per field, total, maximum, index, rank, group.",
    )
    parser.add_argument("--framework", required=True, help="criteria set (.yaml, .yml, .xlsx)")
    parser.add_argument("--inputs", required=True, help="inputs (.csv, .xlsx, .yaml, .yml)")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format")
    parser.add_argument("--year", type=int, help="assessment year (default: the framework's)")
    return parser


# name -> (add the subcommand's parser, run it)
SUBCOMMANDS: dict[str, tuple[Callable, Callable]] = {"score": (_score_parser, run_score)}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m parindex", description="parindex tools")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add_parser, _run in SUBCOMMANDS.values():
        add_parser(subparsers)
    return parser


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not arguments or (arguments[0] not in SUBCOMMANDS and not arguments[0].startswith("-")):
        parser.print_help(out if not arguments else err)
        return 0 if not arguments else 2
    parsed = parser.parse_args(arguments)
    if parsed.command is None:
        parser.print_help(err)
        return 2
    return SUBCOMMANDS[parsed.command][1](parsed, out, err)
