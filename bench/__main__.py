"""`python -m bench [NAME ...] [--quick]`: run benchmarks and print their tables."""

import argparse
import importlib
import platform
import sys

from bench import BENCHMARKS
from bench.measure import print_report


def _modules() -> dict:
    modules = [importlib.import_module(path) for path in BENCHMARKS]
    return {module.NAME: module for module in modules}


def main(argv: list[str] | None = None) -> int:
    modules = _modules()
    parser = argparse.ArgumentParser(prog="python -m bench", description="Run benchmarks.")
    parser.add_argument(
        "names",
        nargs="*",
        choices=[[], *modules],
        metavar="NAME",
        help=f"benchmarks to run (default: all of {', '.join(modules)})",
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    arguments = parser.parse_args(argv)
    names = arguments.names or list(modules)
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    for name in names:
        print_report(modules[name].run(quick=arguments.quick), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
