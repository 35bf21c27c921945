"""`python -m bench.load_seed seed UNITS LEAVES` | `count SINCE`: the load benchmark's data step.

Run as a separate process with the benchmark's DATABASE_URL and settings (bench.load_settings),
so the benchmark process itself never configures Django: the same code serves `python -m bench`
and a pytest run whose own database is elsewhere. Prints one JSON object (bench/load_data.py).
"""

import json
import sys

import django


def main(argv: list[str]) -> int:
    django.setup()
    from django.core.management import call_command

    from bench.load_data import count_since, refresh_statistics, seed

    command, *arguments = argv
    if command == "seed":
        call_command("migrate", verbosity=0, interactive=False)
        plan = seed(int(arguments[0]), int(arguments[1]))
        refresh_statistics()
        print(json.dumps(plan))
    elif command == "count":
        print(json.dumps(count_since(arguments[0])))
    else:
        raise SystemExit(f"unknown command {command}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
