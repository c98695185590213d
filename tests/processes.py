"""Processes of the project started by tests: the environment they get, Celery workers."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from celery import Celery
from django.db import connection

from tests.portal.helpers import PORTAL_VARIABLES, ROOT


def database_url() -> str:
    """The URL of the test's own PostgreSQL database, for a process that shares it."""
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"


def portal_env(**variables: str) -> dict[str, str]:
    """The environment of a web or worker process on the test's own database."""
    env = {k: v for k, v in os.environ.items() if k not in PORTAL_VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE="hilversum_eenzaamheid.settings",
        DATABASE_URL=database_url(),
        PYTHONUNBUFFERED="1",
        LOG_FORMAT="text",
    )
    env.update(variables)
    return env


def start_worker(
    env: dict[str, str],
    log: Path,
    *,
    name: str,
    pool: str = "solo",
    module: str = "",
    queue: str = "",
) -> subprocess.Popen:
    """A `celery worker` of the project; `module` runs a test's own entry point instead;
    `queue`: only that queue, so that no other test's worker takes its tasks."""
    entry = ["-m", module] if module else ["-m", "celery", "-A", "hilversum_eenzaamheid"]
    queues = ["-Q", queue] if queue else []
    with log.open("a") as out:
        return subprocess.Popen(
            [
                *(sys.executable, *entry, "worker", f"--pool={pool}", "--concurrency=1"),
                *("-n", f"{name}@%h", "--loglevel=INFO", *queues),
                *("--without-gossip", "--without-mingle", "--without-heartbeat"),
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )


def stop(*processes: subprocess.Popen | None) -> None:
    """Ask processes to end, all at once; kill the ones that have not within 20 s."""
    running = [p for p in processes if p is not None and p.poll() is None]
    for process in running:
        process.terminate()
    for process in running:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=10)


def client(broker: str) -> Celery:
    """A Celery client of its own: sends tasks by name, reads results from the broker."""
    return Celery("faults-test", broker=broker, backend=broker, set_as_current=False)


def wait_for(condition, what: str, seconds: float = 60):
    """Poll `condition` until it returns something true; fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.05)
    raise AssertionError(f"waited {seconds} s for {what}")
