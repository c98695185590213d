"""What every benchmark shares: the settings, a gunicorn server, the wrk load tool, a result row.

Only loopback traffic: the server listens on 127.0.0.1 and wrk only ever targets that address.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parents[1]
WRK_SCRIPT = BENCH_DIR / "wrk_report.lua"
READY_TIMEOUT = 60.0


class BenchError(RuntimeError):
    """A benchmark could not run (missing tool, server that does not start, unreadable output)."""


def _env_int(name: str, default: int, minimum: int = 1) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise BenchError(f"{name} must be a whole number, not {value!r}") from None
    if number < minimum:
        raise BenchError(f"{name} must be at least {minimum}, not {number}")
    return number


@dataclass(frozen=True)
class Config:
    """Bounded load settings; every figure can be overridden through the environment."""

    seconds: int = 10
    warmup_seconds: int = 2
    connections: int = 20
    threads: int = 2
    workers: int = 3  # as the Docker image runs gunicorn

    @classmethod
    def from_env(cls) -> Config:
        return cls(
            seconds=_env_int("BENCH_SECONDS", cls.seconds),
            warmup_seconds=_env_int("BENCH_WARMUP_SECONDS", cls.warmup_seconds, minimum=0),
            connections=_env_int("BENCH_CONNECTIONS", cls.connections),
            threads=_env_int("BENCH_THREADS", cls.threads),
            workers=_env_int("BENCH_WORKERS", cls.workers),
        )


@dataclass(frozen=True)
class Row:
    """One line of the table. `ratio` is filled in by the runner against the baseline."""

    name: str
    requests: int
    rps: float
    median_ms: float
    p95_ms: float
    errors: int
    ratio: float | None = None


def require_wrk() -> str:
    path = shutil.which("wrk")
    if path is None:
        raise BenchError(
            "wrk is not installed; the benchmarks measure with it. "
            "Install it with: apt-get install -y wrk"
        )
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(database_url: str, static_root: Path) -> dict[str, str]:
    """The production-like environment of the server under test (and of its setup commands)."""
    env = dict(os.environ)
    env.update(
        {
            "DEBUG": "false",
            "HTTPS": "false",
            "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789abcdef",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "WHITENOISE_USE_FINDERS": "true",
            # An empty STATIC_ROOT has no manifest, so the settings pick plain static names and
            # WhiteNoise serves the source folders: no `collectstatic`, the same on every machine.
            "STATIC_ROOT": str(static_root),
            "DJANGO_SETTINGS_MODULE": "hilversum_eenzaamheid.settings",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def manage(env: dict[str, str], *args: str) -> None:
    """Run a manage.py command (migrate, collectstatic) and fail loudly with its output."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        raise BenchError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")


def _get_status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, OSError):
        return None


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _wait_ready(process: subprocess.Popen, base_url: str, log_path: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"gunicorn exited with {process.returncode}:\n{_tail(log_path)}")
        if _get_status(f"{base_url}/healthz") == 200:
            return
        time.sleep(0.2)
    raise BenchError(f"gunicorn not ready after {READY_TIMEOUT:.0f} s:\n{_tail(log_path)}")


def _stop(process: subprocess.Popen) -> None:
    """Stop the gunicorn master we started (its own session), then its workers if they linger."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # stray workers of our own session, if any


@contextmanager
def gunicorn(env: dict[str, str], workers: int, log_path: Path):
    """Start gunicorn on a free loopback port, yield its base URL, always stop it afterwards."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "hilversum_eenzaamheid.wsgi",
        "-w",
        str(workers),
        "-b",
        f"127.0.0.1:{port}",
    ]
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            command,
            cwd=PROJECT_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C reaches us, not gunicorn; we stop it ourselves
        )
    try:
        _wait_ready(process, base_url, log_path)
        yield base_url
    finally:
        _stop(process)


@contextmanager
def celery_worker(env: dict[str, str], log_path: Path):
    """Start a real Celery worker of the project, as docker-compose.yml runs it; always stop it.

    `env` must name the broker (CELERY_BROKER_URL). Yields the process; its log is at log_path.
    """
    if not env.get("CELERY_BROKER_URL"):
        raise BenchError("a Celery worker needs CELERY_BROKER_URL")
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "hilversum_eenzaamheid",
        "worker",
        "--loglevel=INFO",
        "--concurrency=2",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            command,
            cwd=PROJECT_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:
        time.sleep(1)
        if process.poll() is not None:
            raise BenchError(f"celery worker exited with {process.returncode}:\n{_tail(log_path)}")
        yield process
    finally:
        _stop(process)


def _wrk(
    config: Config, url: str, seconds: int, headers: dict[str, str] | None
) -> subprocess.CompletedProcess:
    command = [
        require_wrk(),
        f"-t{config.threads}",
        f"-c{config.connections}",
        f"-d{seconds}s",
        "--timeout",
        "5s",
        "-s",
        str(WRK_SCRIPT),
    ]
    for key, value in (headers or {}).items():
        command += ["-H", f"{key}: {value}"]
    command.append(url)
    return subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)


def parse_wrk(name: str, result: subprocess.CompletedProcess) -> dict:
    """The BENCH_JSON figures that wrk_report.lua printed."""
    for line in result.stdout.splitlines():
        if line.startswith("BENCH_JSON "):
            return json.loads(line.removeprefix("BENCH_JSON "))
    raise BenchError(f"wrk gave no result for {name}:\n{result.stdout}{result.stderr}")


def _parse(name: str, result: subprocess.CompletedProcess) -> Row:
    data = parse_wrk(name, result)
    duration_s = data["duration_us"] / 1_000_000
    return Row(
        name=name,
        requests=data["requests"],
        rps=data["requests"] / duration_s if duration_s else 0.0,
        median_ms=data["latency_us"]["p50"] / 1000,
        p95_ms=data["latency_us"]["p95"] / 1000,
        errors=sum(data["errors"].values()),
    )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _check_status(url: str, headers: dict[str, str] | None, expect_status: int) -> None:
    """wrk counts a redirect as a success; make sure we measure the intended answer."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=10) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    if status != expect_status:
        raise BenchError(f"{url} answered {status}, expected {expect_status}")


def measure(
    config: Config,
    url: str,
    name: str,
    headers: dict[str, str] | None = None,
    expect_status: int = 200,
) -> Row:
    """Check the answer once, warm up (discarded), then measure `url` with wrk."""
    if not url.startswith("http://127.0.0.1:"):
        raise BenchError(f"benchmarks only target the loopback server, not {url}")
    _check_status(url, headers, expect_status)
    if config.warmup_seconds:
        _wrk(config, url, config.warmup_seconds, headers)
    return _parse(name, _wrk(config, url, config.seconds, headers))


@dataclass
class Context:
    """Handed to every benchmark's `run(ctx)`: the running server and the load settings."""

    config: Config
    base_url: str
    env: dict[str, str]
    tmp_dir: Path

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def measure(
        self,
        path: str,
        name: str,
        headers: dict[str, str] | None = None,
        expect_status: int = 200,
    ) -> Row:
        """Measure `path` on the shared server and return its row (ratio filled in later)."""
        return measure(self.config, self.url(path), name, headers, expect_status)
