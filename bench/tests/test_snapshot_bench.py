"""`python -m bench snapshot --quick` on SQLite, end to end: a throwaway database seeded with two
campaigns (this year's with final bundles), every step timed, from bundles and from layers with
a breakdown by step, and last year filled for every unit."""

from io import StringIO

from bench import snapshot
from bench.__main__ import _modules
from bench.measure import print_report


def test_quick_snapshot_run_on_sqlite_times_every_step():
    report = snapshot.run(quick=True, databases=("sqlite",))

    names = [step.name for step in report.steps]
    assert names[0] == "SQLite: take_snapshot (final)"
    assert "SQLite: criterion_losses" in names and "SQLite: unit_rows" in names
    assert "SQLite: take_snapshot (final, from layers)" in names
    assert all(step.seconds > 0 for step in report.steps)
    assert report.steps[0].peak_bytes > 0 and report.steps[1].peak_bytes > 0
    steps = {(row[0], row[1]) for row in report.tables[0].rows}
    assert {("bundles", "read"), ("bundles", "insert"), ("layers", "total")} <= steps
    printed = StringIO()
    print_report(report, printed)
    text = printed.getvalue()
    assert f"{snapshot.QUICK.units} units compared with last year" in text
    assert "Target: take_snapshot (final) under 5 s" in text


def test_snapshot_is_a_named_benchmark():
    assert _modules()["snapshot"] is snapshot
