"""Load: 50 people at once against gunicorn, on SQLite and on PostgreSQL.

A generated campaign of 200 units × 120 leaves is stored through the project's services
(bench/load_data.py) in a throwaway database; gunicorn serves it on 127.0.0.1 with the
production settings (bench/load_settings.py). Fifty reporters, each of their own unit, log in
and work for a fixed time: open their self-assessment page and one more field (its leaves come
by htmx), save answers one node at a time as htmx does, reopen the page; two organisers keep
reopening the campaign dashboard (bench/load_client.py). Each person pauses between actions;
the table gives, per database and page, requests, errors, latencies against the target (p95
under 300 ms on this machine), and the CPU each request used in its gunicorn worker, which
other work on a shared machine disturbs far less than latencies (bench/load_gunicorn.py).
"""

import datetime
import random
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from bench.campaign_generator import generate_framework, leaves
from bench.load_client import (
    DASHBOARD,
    FIELD,
    PAGE,
    SAVE,
    SAVES_PER_PAGE,
    Browser,
    Reporter,
    Samples,
    organiser_loop,
    page_of,
    reporter_loop,
)
from bench.load_cpu import request_cpu, snapshot, usage_note
from bench.load_server import (
    Database,
    Server,
    django_environment,
    gunicorn,
    gunicorn_shape,
    postgres_database,
    postgres_unreachable,
    run_seed,
    sqlite_database,
)
from bench.measure import Report, Table

NAME = "load"
DESCRIPTION = "reporters save answers and open pages, organisers the dashboard, on gunicorn"
TARGET_MS = 300.0
PAGES = (PAGE, FIELD, SAVE, DASHBOARD)
DATABASES = ("sqlite", "postgresql")


@dataclass(frozen=True)
class Size:
    units: int
    leaves: int
    reporters: int
    organisers: int
    seconds: float
    think: tuple[float, float]  # a reporter's pause between two actions, uniform, seconds
    glance: tuple[float, float]  # an organiser's pause between two looks at the dashboard


FULL = Size(200, 120, reporters=50, organisers=2, seconds=20, think=(1, 5), glance=(2, 6))
QUICK = Size(10, 20, reporters=5, organisers=1, seconds=3, think=(0.1, 0.5), glance=(0.5, 1))


@dataclass
class Run:
    database: Database
    samples: Samples
    seconds: float
    notes: list[str]
    cpu: dict[str, list[float]]  # page -> CPU ms of each request in its gunicorn worker


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share in 0–1) of a non-empty sequence."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered)) - 1))]


def _parallel(actions: list[Callable[[], None]]) -> None:
    """Run the actions in threads at once; the first failure is raised."""
    failures: list[BaseException] = []

    def guarded(action: Callable[[], None]) -> None:
        try:
            action()
        except Exception as failure:  # reported below, in the caller's thread
            failures.append(failure)

    threads = [threading.Thread(target=guarded, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]


def _rules(leaf_count: int) -> dict[str, dict]:
    # The same document the seeding process imported (same generator, same seed).
    return {leaf["code"]: leaf["rule"] for leaf in leaves(generate_framework(leaf_count)["nodes"])}


def _drive(
    server: Server, plan: dict, size: Size, database: str
) -> tuple[Samples, float, list[str], dict[str, list[float]]]:
    """Log everybody in and warm each worker up (not measured), then the measured run.
    `database`: the PostgreSQL database's name (its backends' CPU is counted), or ""."""
    url = server.url
    rules = _rules(size.leaves)
    chosen, bosses = plan["reporters"][: size.reporters], plan["organisers"][: size.organisers]
    reporters = [
        Reporter(Browser(url), person["assessment"], rules, seed=number)
        for number, person in enumerate(chosen)
    ]
    organisers = [Browser(url) for _ in bosses]
    people = [(r.browser, p["username"]) for r, p in zip(reporters, chosen, strict=True)]
    people += zip(organisers, bosses, strict=True)
    started = time.perf_counter()
    _parallel([partial(browser.login, name, plan["password"]) for browser, name in people])
    logins = time.perf_counter() - started
    # Every worker loads the criteria set and compiles the templates once: not measured.
    workers, _threads = gunicorn_shape()
    for _ in range(-(-3 * workers // len(reporters))):
        _parallel([reporter.open_page for reporter in reporters])
        _parallel([reporter.open_field for reporter in reporters])
    campaign = plan["campaign"]
    _parallel([partial(b.warm_up, f"/campaigns/{campaign}/", workers) for b in organisers])
    rng, samples = random.Random(size.units), Samples()

    def think() -> None:
        time.sleep(rng.uniform(*size.think))

    def glance() -> None:
        time.sleep(rng.uniform(*size.glance))

    cpu, started, since = snapshot(server.pid, database), time.perf_counter(), time.time()
    until = started + size.seconds
    _parallel(
        [partial(reporter_loop, r, samples, until, think) for r in reporters]
        + [
            partial(organiser_loop, b, campaign, size.units, samples, until, glance)
            for b in organisers
        ]
    )
    elapsed = time.perf_counter() - started
    notes = [
        f"  {len(reporters) + len(organisers)} logins (warm-up, not measured): {logins:.1f} s.",
        f"  {usage_note(cpu, snapshot(server.pid, database))}",
    ]
    time.sleep(0.5)  # a worker notes a request's CPU just after answering it
    return samples, elapsed, notes, request_cpu(server.cpu_log, since, time.time(), page_of)


def _postgres_name(database: Database) -> str:
    return database.url.rsplit("/", 1)[1] if database.url.startswith("postgres") else ""


def measure(database: Database, size: Size) -> Run:
    environment = django_environment(database)
    started = time.perf_counter()
    plan = run_seed(environment, "seed", str(size.units), str(size.leaves))
    seeded = time.perf_counter() - started
    since = datetime.datetime.now(datetime.UTC).isoformat()
    with gunicorn(environment) as server:
        samples, elapsed, notes, cpu = _drive(server, plan, size, _postgres_name(database))
    stored = run_seed(environment, "count", since)["entries"]
    notes.insert(
        0,
        f"  seeded through the services in {seeded:.1f} s: {size.units} units × "
        f"{plan['leaves']} leaves, {plan['entries']:,} score entries already saved.",
    )
    saves = len(samples.seconds.get(SAVE, []))
    verdict = "as expected" if stored == samples.new_revisions else "MISMATCH"
    notes.append(
        f"  {saves} saves answered with {samples.new_revisions} new revisions; the database "
        f"holds {stored} new score entries ({verdict})."
    )
    return Run(database, samples, elapsed, notes, cpu)


def _row(run: Run, page: str) -> tuple[str, ...]:
    seconds = run.samples.seconds.get(page, [])
    errors = len(run.samples.errors.get(page, []))
    if not seconds:
        return (page, "0", str(errors), "-", "-", "-", "-", "-", "-")
    p95 = percentile(seconds, 0.95) * 1000
    cpu = run.cpu.get(page, [])
    verdict = "met" if p95 < TARGET_MS and not errors else "MISSED"
    return (
        page,
        str(len(seconds)),
        str(errors),
        f"{percentile(seconds, 0.5) * 1000:,.0f}",
        f"{p95:,.0f}",
        f"{max(seconds) * 1000:,.0f}",
        f"{len(seconds) / run.seconds:,.1f}",
        f"{sum(cpu) / len(cpu):,.0f}" if cpu else "-",
        verdict,
    )


def table_of(run: Run, size: Size) -> Table:
    header = (
        *("page", "requests", "errors", "p50 ms", "p95 ms", "max ms", "req/s"),
        *("CPU ms", "p95 target"),
    )
    title = (
        f"{run.database.label}: {size.reporters} reporters + {size.organisers} organiser(s), "
        f"{run.seconds:.0f} s"
    )
    return Table(title, header, [_row(run, page) for page in PAGES])


def _skip(reason: str) -> str:
    line = f"!!!!!!!! PostgreSQL unreachable ({reason}): PostgreSQL load run SKIPPED !!!!!!!!"
    print(line, file=sys.stderr)
    return line


def run(quick: bool = False, databases: Sequence[str] = DATABASES) -> Report:
    size = QUICK if quick else FULL
    workers, threads = gunicorn_shape()
    tables, notes = [], []
    for name in databases:
        if name == "postgresql":
            reason = postgres_unreachable()
            if reason is not None:
                notes.append(_skip(reason))
                continue
        opened = sqlite_database() if name == "sqlite" else postgres_database()
        with opened as database:
            result = measure(database, size)
        tables.append(table_of(result, size))
        notes.extend([f"{database.label}:", *result.notes])
        for page, errors in result.samples.errors.items():
            if errors:
                notes.append(f"  {page}: {len(errors)} errors, e.g. {errors[0]}")
    notes[:0] = [
        f"{size.units} units × {size.leaves} leaves. Each reporter, pausing "
        f"{size.think[0]:g}–{size.think[1]:g} s before each action, saves an answer or (one "
        f"time in {SAVES_PER_PAGE + 1}) reopens its page, then opens one more field; each "
        f"organiser reopens the dashboard every {size.glance[0]:g}–{size.glance[1]:g} s. "
        f"gunicorn on 127.0.0.1 with deploy/gunicorn.conf.py: {workers} workers × {threads} "
        "threads.",
        f"Target: p95 under {TARGET_MS:.0f} ms for a page and a save on this 2-core machine.",
        "CPU ms: the mean CPU time a request of that page used in its gunicorn worker thread "
        "(PostgreSQL's own work not included).",
    ]
    if quick:
        notes.append("Quick run: a smoke test of the benchmark; its figures mean nothing.")
    return Report(f"{NAME}: {DESCRIPTION}", [], notes, tables)
