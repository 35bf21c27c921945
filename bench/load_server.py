"""The load benchmark's server side: throwaway databases, the seeding process and gunicorn.

Everything listens on and talks to 127.0.0.1 only. Each context manager cleans up after itself
(the SQLite directory, the PostgreSQL database `parindex_bench_<pid>`, the gunicorn process).
"""

import json
import os
import runpy
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
# The production set-up (workers and threads per core) is what is measured; the benchmark's
# configuration adds only hooks noting each request's CPU time (bench/load_gunicorn.py).
GUNICORN_CONFIG = REPO / "deploy" / "gunicorn.conf.py"
BENCH_GUNICORN_CONFIG = REPO / "bench" / "load_gunicorn.py"
STARTUP_SECONDS = 60


@dataclass(frozen=True)
class Server:
    url: str
    pid: int  # gunicorn's master; its workers are its children
    cpu_log: Path  # where the workers note each request's CPU time


@dataclass(frozen=True)
class Database:
    label: str  # how the table names it
    url: str  # DATABASE_URL


@contextmanager
def sqlite_database() -> Iterator[Database]:
    directory = tempfile.mkdtemp(prefix="parindex-bench-")
    try:
        # WAL and synchronous=NORMAL come from the project settings (init_command).
        yield Database("SQLite (throwaway file, WAL)", f"sqlite:///{directory}/bench.sqlite3")
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def postgres_unreachable() -> str | None:
    """Why PostgreSQL on 127.0.0.1:5432 cannot be used, or None when it can."""
    import psycopg

    try:
        with psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=3):
            return None
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0]


@contextmanager
def postgres_database() -> Iterator[Database]:
    """A fresh database `parindex_bench_<pid>`, dropped afterwards (call postgres_unreachable
    first)."""
    import psycopg

    name = f"parindex_bench_{os.getpid()}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield Database("PostgreSQL (127.0.0.1, throwaway database)", _database_url(name))
    finally:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _database_url(name: str) -> str:
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def django_environment(database: Database) -> dict[str, str]:
    """The environment of the seeding process and of gunicorn: production-like settings."""
    environment = {
        key: value
        for key, value in os.environ.items()
        # Nothing may reach another host: no cache server, no object storage, no mail server.
        if key not in {"REDIS_URL", "STORAGE_BACKEND", "EMAIL_BACKEND", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="bench.load_settings",
        DATABASE_URL=database.url,
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        SECURE_COOKIES="false",  # plain http on 127.0.0.1
        ALLOWED_HOSTS="127.0.0.1",
        LOG_LEVEL="WARNING",
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    )
    return environment


def run_seed(environment: dict[str, str], *arguments: str) -> dict:
    """Run bench.load_seed with `arguments` in its own process; its JSON answer."""
    done = subprocess.run(  # noqa: S603 - our own interpreter, a fixed command
        [sys.executable, "-m", "bench.load_seed", *arguments],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"bench.load_seed {arguments[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_serving(url: str, process: subprocess.Popen, log: Path) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with opener.open(url + "/login/", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not start:\n{log.read_text()[-3000:]}")


def gunicorn_shape() -> tuple[int, int]:
    """(workers, threads per worker) that deploy/gunicorn.conf.py gives on this machine."""
    config = runpy.run_path(str(GUNICORN_CONFIG))
    return int(config["workers"]), int(config.get("threads", 1))


@contextmanager
def gunicorn(environment: dict[str, str]) -> Iterator[Server]:
    """gunicorn with the production configuration, on a free port of 127.0.0.1."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="parindex-gunicorn-") as directory:
        log, cpu_log = Path(directory) / "gunicorn.log", Path(directory) / "cpu"
        cpu_log.mkdir()
        with log.open("wb") as output:
            process = subprocess.Popen(  # noqa: S603 - our own interpreter, fixed arguments
                [
                    *(sys.executable, "-m", "gunicorn", "--config", str(BENCH_GUNICORN_CONFIG)),
                    *("--bind", f"127.0.0.1:{port}", "--no-control-socket"),
                ],
                cwd=REPO,
                env={**environment, "BENCH_CPU_LOG": str(cpu_log)},
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        try:
            _wait_until_serving(url, process, log)
            yield Server(url, process.pid, cpu_log)
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
