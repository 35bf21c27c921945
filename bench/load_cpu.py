"""Who used the CPUs during a load run (Linux /proc): gunicorn, PostgreSQL, the load generator,
and everything else on the machine — on a shared machine, other work slows the server down too.
And what each request cost in CPU in its gunicorn worker (bench/load_gunicorn.py notes it): a
figure that other work on the machine disturbs far less than latencies.
"""

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")


@dataclass(frozen=True)
class Cpu:
    """CPU seconds used so far: by the whole machine (busy), gunicorn's processes, PostgreSQL's
    processes and this process (the load generator)."""

    busy: float
    gunicorn: float
    postgres: dict[int, float]  # per backend of the benchmark's database
    generator: float
    at: float


def _ticks() -> float:
    return float(os.sysconf("SC_CLK_TCK"))


def _process_seconds(pid: int) -> float:
    try:
        text = (PROC / str(pid) / "stat").read_text()
    except OSError:  # gone meanwhile
        return 0.0
    fields = text[text.rindex(")") + 2 :].split()  # after "pid (comm) "
    return (int(fields[11]) + int(fields[12])) / _ticks()  # utime, stime


def _children(pid: int) -> list[int]:
    try:
        return [
            int(c) for c in (PROC / str(pid) / "task" / str(pid) / "children").read_text().split()
        ]
    except OSError:
        return []


def _postgres_backends(database: str) -> dict[int, float]:
    """{pid: CPU seconds} of the PostgreSQL backends serving `database`.

    Only those: other people's databases on a shared server are "other processes", and a
    backend that ended between two snapshots would make a plain sum go down."""
    found = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() != "postgres":
                    continue
                # A backend's title: "postgres: <user> <database> <client> <state>".
                title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode().split()
            except (OSError, UnicodeDecodeError):
                continue
            if database in title[:4]:
                found[int(entry.name)] = _process_seconds(int(entry.name))
    return found


def _busy_seconds() -> float:
    values = [int(v) for v in (PROC / "stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle, iowait
    return (sum(values[:8]) - idle) / _ticks()


def snapshot(gunicorn_pid: int, database: str = "") -> Cpu | None:
    """CPU use so far, or None where /proc cannot tell; `database`: the PostgreSQL database's
    name, if any."""
    if not (PROC / "stat").exists():
        return None
    server = [gunicorn_pid, *_children(gunicorn_pid)]
    return Cpu(
        busy=_busy_seconds(),
        gunicorn=sum(_process_seconds(pid) for pid in server),
        postgres=_postgres_backends(database) if database else {},
        generator=time.process_time(),
        at=time.perf_counter(),
    )


def usage_note(before: Cpu | None, after: Cpu | None) -> str:
    """'CPU (2 cores = 200 %): gunicorn 120 %, …' over the run."""
    if before is None or after is None:
        return "CPU use unknown (no /proc)."
    seconds = after.at - before.at
    cores = os.cpu_count() or 1
    # A backend started during the run counts whole; one that ended is missed (none should).
    postgres = sum(used - before.postgres.get(pid, 0.0) for pid, used in after.postgres.items())
    parts = {
        "gunicorn": after.gunicorn - before.gunicorn,
        "PostgreSQL": postgres,
        "load generator": after.generator - before.generator,
    }
    parts["other processes"] = max(0.0, after.busy - before.busy - sum(parts.values()))
    shares = ", ".join(f"{name} {used / seconds:.0%}" for name, used in parts.items())
    return f"CPU use over the run ({cores} cores = {cores:d}00 %): {shares}."


def request_cpu(
    directory: Path, since: float, until: float, page_of: Callable[[str, str], str | None]
) -> dict[str, list[float]]:
    """{page: CPU ms of each request} of the requests gunicorn finished between two Unix times,
    from the workers' notes in `directory`; `page_of(method, path)` names the page or None."""
    found: dict[str, list[float]] = {}
    for notes in directory.glob("*.tsv"):
        for line in notes.read_text().splitlines():
            at, method, path, used = line.split("\t")
            page = page_of(method, path)
            if page is not None and since <= float(at) <= until:
                found.setdefault(page, []).append(float(used))
    return found
