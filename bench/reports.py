"""Official outputs of a 200-unit province: the XLSX tables, the DOCX decision and report, the
PDF report and the 200 one-page scorecards, each timed from the stored snapshot to the file
(reading the snapshot included, as an export job does) with its peak memory. Target: each
report under 10 s.

The data is the load benchmark's (bench/load_data.py: a province of 200 communes on a
120-leaf criteria set, every unit part-way through its answers), submitted and snapshotted
(a provisional snapshot, since nothing was appraised), in a throwaway SQLite database. Django
runs in a child process (`python -m bench.reports UNITS LEAVES`), as for the load benchmark,
so the benchmark process itself never configures Django.
"""

import io
import json
import subprocess
import sys
import time

from bench.load_server import REPO, django_environment, sqlite_database
from bench.measure import Report, Step

NAME = "reports"
DESCRIPTION = "official outputs: XLSX, DOCX, PDF report and scorecards of a 200-unit province"
FULL = (200, 120)
QUICK = (20, 30)
TARGET_SECONDS = 10.0
REPORTS = ("xlsx", "docx", "pdf")


def _seed_and_snapshot(units: int, leaves: int):
    from django.core.management import call_command

    from bench.load_data import seed
    from parindex.assessments.models import Assessment, AssessmentStatus, Campaign
    from parindex.results.models import SnapshotKind
    from parindex.results.snapshot import take_snapshot

    call_command("migrate", verbosity=0, interactive=False)
    plan = seed(units, leaves)
    campaign = Campaign.objects.get(pk=plan["campaign"])
    Assessment.objects.filter(campaign=campaign).update(status=AssessmentStatus.SUBMITTED)
    return take_snapshot(None, campaign, SnapshotKind.PROVISIONAL)


def _builders():
    from parindex.reports.docx_report import build_docx
    from parindex.reports.pdf import build_report_pdf, build_scorecards_pdf
    from parindex.reports.xlsx import build_workbook

    return {
        "xlsx": build_workbook,
        "docx": build_docx,
        "pdf": build_report_pdf,
        "scorecards": build_scorecards_pdf,
    }


def child(units: int, leaves: int) -> dict:
    """In the child process: seed, snapshot, then time and trace each output."""
    import django

    django.setup()
    from bench.measure import peak_memory
    from parindex.reports.content import report_content

    snapshot = _seed_and_snapshot(units, leaves)
    results = {}
    for name, build in _builders().items():

        def export(build=build) -> int:
            buffer = io.BytesIO()
            build(report_content(snapshot), buffer)
            return len(buffer.getvalue())

        if name != "scorecards":  # WeasyPrint is warm by then: 200 pages are not rebuilt
            export()  # warm: templates, fonts and the criteria set loaded once per process
        started = time.perf_counter()
        size = export()
        seconds = time.perf_counter() - started
        results[name] = {"seconds": seconds, "peak": peak_memory(export), "bytes": size}
    started = time.perf_counter()
    report_content(snapshot)
    results["read"] = {"seconds": time.perf_counter() - started}
    return results


def run(quick: bool = False) -> Report:
    units, leaves = QUICK if quick else FULL
    with sqlite_database() as database:
        done = subprocess.run(  # noqa: S603 - our own interpreter, a fixed command
            [sys.executable, "-m", "bench.reports", str(units), str(leaves)],
            cwd=REPO,
            env=django_environment(database),
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode:
        raise RuntimeError(f"bench.reports child failed:\n{done.stderr[-3000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    steps = [Step("read snapshot (content)", figures["read"]["seconds"], units, "units")]
    labels = {
        "xlsx": "XLSX tables",
        "docx": "DOCX decision + report",
        "pdf": "PDF report",
        "scorecards": f"PDF scorecards ({units} pages)",
    }
    for name, label in labels.items():
        row = figures[name]
        steps.append(Step(label, row["seconds"], units, "units", peak_bytes=row["peak"]))
    slow = [labels[n] for n in REPORTS if figures[n]["seconds"] >= TARGET_SECONDS]
    verdict = (
        f"every report under {TARGET_SECONDS:.0f} s"
        if not slow
        else f"over {TARGET_SECONDS:.0f} s: {', '.join(slow)}"
    )
    sizes = ", ".join(f"{n} {figures[n]['bytes'] / 1024:,.0f} KiB" for n in labels)
    notes = [
        f"{units} units x {leaves} leaves, a provisional snapshot on SQLite; each step reads the "
        "snapshot and builds the file, after one warm-up run (none for the scorecards, built "
        f"after the PDF report). Target: {verdict}.",
        f"Files: {sizes}. Peak memory from a separate run under tracemalloc (Python "
        "allocations only: WeasyPrint's pango/cairo memory is not counted).",
    ]
    return Report(f"Reports: {DESCRIPTION}", steps, notes)


if __name__ == "__main__":
    print(json.dumps(child(int(sys.argv[1]), int(sys.argv[2]))))
