"""Benchmarks: `python -m bench` runs them all, `python -m bench engine --quick` one, small;
`python -m bench load` the load run alone.

A benchmark is a module in BENCHMARKS exposing NAME, DESCRIPTION and
`run(quick: bool) -> Report` (see bench/measure.py); add a module and list it here.
"""

BENCHMARKS: tuple[str, ...] = (
    "bench.engine",
    "bench.load",
    "bench.snapshot",
    "bench.whatif",
    "bench.reports",
)
