"""`python -m bench load --quick` on SQLite, end to end: a real gunicorn, logins, htmx saves and
pages; no errors, a row per page, and every new revision the pages showed is in the database."""

from io import StringIO

from bench import load
from bench.__main__ import _modules
from bench.measure import print_report


def test_quick_load_run_on_sqlite_answers_every_page_without_errors():
    report = load.run(quick=True, databases=("sqlite",))

    [table] = report.tables
    assert table.title.startswith("SQLite")
    assert [row[0] for row in table.rows] == list(load.PAGES)
    for page, requests, errors, *_, cpu, _verdict in table.rows:
        assert int(requests) > 0, page
        assert int(errors) == 0, page
        assert float(cpu.replace(",", "")) > 0, page  # the workers noted every page's CPU
    printed = StringIO()
    print_report(report, printed)
    text = printed.getvalue()
    for column in ("requests", "errors", "p50 ms", "p95 ms", "max ms", "req/s", "CPU ms"):
        assert column in text
    assert "new score entries (as expected)" in text
    assert "Target: p95 under 300 ms" in text


def test_load_is_a_named_benchmark():
    assert _modules()["load"] is load
