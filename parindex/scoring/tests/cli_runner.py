"""Running `python -m parindex` in-process and capturing what it prints."""

import io
from dataclasses import dataclass
from pathlib import Path

from parindex.cli import main

EXAMPLES = Path(__file__).resolve().parents[3] / "docs" / "examples"


@dataclass
class Run:
    status: int
    out: str
    err: str


def run(*arguments: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(arguments), out, err)
    return Run(status, out.getvalue(), err.getvalue())


def score(framework: Path | str, inputs: Path | str, *extra: str) -> Run:
    return run("score", "--framework", str(framework), "--inputs", str(inputs), *extra)
