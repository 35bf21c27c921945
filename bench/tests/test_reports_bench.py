"""`python -m bench reports` is registered and reports time and memory per output against the
10 s target. The child process (seeding 200 units, building every file) takes minutes, so it
is replaced here by its JSON answer; `python -m bench reports --quick` runs it for real."""

import json
import subprocess
import sys

from bench import BENCHMARKS
from bench import reports as bench_reports
from bench.measure import print_report


def test_registered():
    assert "bench.reports" in BENCHMARKS


def test_table_has_every_output_and_the_verdict(monkeypatch, capsys):
    figures = {
        name: {"seconds": seconds, "peak": 5 * 2**20, "bytes": 2048}
        for name, seconds in (("xlsx", 1.5), ("docx", 2.0), ("pdf", 11.0), ("scorecards", 30.0))
    }
    figures["read"] = {"seconds": 0.2}

    def fake_run(command, **kwargs):
        assert command[1:3] == ["-m", "bench.reports"]
        return subprocess.CompletedProcess(command, 0, json.dumps(figures) + "\n", "")

    monkeypatch.setattr(bench_reports.subprocess, "run", fake_run)
    report = bench_reports.run(quick=True)
    print_report(report, sys.stdout)
    printed = capsys.readouterr().out
    for label in ("XLSX tables", "DOCX decision + report", "PDF report", "PDF scorecards"):
        assert label in printed
    assert "5.0 MiB" in printed
    assert "over 10 s: PDF report" in printed
