"""gunicorn configuration of the load benchmark: deploy/gunicorn.conf.py as it is, plus two
hooks that note the CPU time each request took in its worker thread.

On a shared machine latencies also measure everybody else's work; the CPU a request itself
used does not (much), so the table can say what a page costs apart from what the machine was
doing. Each worker appends "unix time, method, path, CPU ms" lines to a file of its own under
$BENCH_CPU_LOG (bench/load_cpu.py reads them).
"""

import os
import runpy
import time
from pathlib import Path

_DEPLOYED = runpy.run_path(str(Path(__file__).resolve().parent.parent / "deploy/gunicorn.conf.py"))
globals().update({name: value for name, value in _DEPLOYED.items() if not name.startswith("_")})


def pre_request(worker, req) -> None:
    req.bench_cpu_started = time.thread_time()  # gthread: the same thread runs the request


def post_request(worker, req, environ, resp) -> None:
    used = (time.thread_time() - req.bench_cpu_started) * 1000
    line = f"{time.time():.3f}\t{req.method}\t{req.path}\t{used:.3f}\n"
    with open(Path(os.environ["BENCH_CPU_LOG"]) / f"{os.getpid()}.tsv", "a") as log:
        log.write(line)
