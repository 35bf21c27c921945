"""Timing, memory and the table every benchmark prints."""

import gc
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO


@dataclass
class Step:
    name: str
    seconds: float
    items: int | None = None  # what "per second" counts (nodes, units)
    item_name: str = "nodes"
    peak_bytes: int | None = None
    floor_ratio: float | None = None


@dataclass
class Table:
    """A free-form table (e.g. latencies per page); the first `left` columns align left."""

    title: str
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    left: int = 1


@dataclass
class Report:
    title: str
    steps: list[Step]
    notes: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


def best_time(action: Callable[[], object], repeats: int) -> tuple[float, object]:
    """The fastest of several wall-clock runs (the least disturbed by other processes), with
    garbage collection on as in real use, and the result of the last run."""
    best, result = float("inf"), None
    for _ in range(repeats):
        gc.collect()
        started = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - started)
    return best, result


def peak_memory(action: Callable[[], object]) -> int:
    """Peak bytes allocated while the action runs; a separate run, as tracemalloc slows it."""
    gc.collect()
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _size(amount: int | None) -> str:
    if amount is None:
        return "-"
    for unit in ("B", "KiB", "MiB", "GiB"):
        if amount < 1024 or unit == "GiB":
            return f"{amount:.0f} {unit}" if unit == "B" else f"{amount:.1f} {unit}"
        amount /= 1024  # type: ignore[assignment]
    return "-"


def _rate(step: Step) -> str:
    if not step.items or step.seconds <= 0:
        return "-"
    return f"{step.items / step.seconds:,.0f} {step.item_name}/s"


def print_table(table: Table, stream: TextIO) -> None:
    rows = [table.header, *table.rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(table.header))]
    if table.title:
        print(f"\n{table.title}", file=stream)
    for number, row in enumerate(rows):
        cells = [
            cell.ljust(width) if column < table.left else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip(), file=stream)
        if number == 0:
            print("  ".join("-" * w for w in widths), file=stream)


def print_report(report: Report, stream: TextIO) -> None:
    print(f"\n{report.title}", file=stream)
    if report.steps:
        header = ("step", "wall time", "throughput", "peak memory", "× floor")
        rows = [
            (
                step.name,
                f"{step.seconds * 1000:,.1f} ms",
                _rate(step),
                _size(step.peak_bytes),
                "-" if step.floor_ratio is None else f"{step.floor_ratio:.1f}",
            )
            for step in report.steps
        ]
        print_table(Table("", header, rows), stream)
    for table in report.tables:
        print_table(table, stream)
    for note in report.notes:
        print(note, file=stream)
