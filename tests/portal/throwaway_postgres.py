"""A PostgreSQL cluster of a test's own, in a temporary folder, that the test may stop and start.

Made like scripts/services.sh makes the suite's cluster: `initdb` and `pg_ctl` on a free loopback
port, run as the `postgres` user when we are root. Fault tests need their own cluster: stopping
the suite's shared one would break every other test.
"""

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest


def _require_services() -> bool:
    return os.environ.get("REQUIRE_TEST_SERVICES") == "1"


def skip_or_fail(reason: str):
    """Skip, or fail under `make test`, which promises every service (REQUIRE_TEST_SERVICES)."""
    if _require_services():
        pytest.fail(f"{reason}, but make test requires it (REQUIRE_TEST_SERVICES=1)")
    pytest.skip(reason)


def find_pg_bin() -> Path | None:
    candidates = [
        Path("/usr/lib/postgresql/15/bin"),
        *sorted(Path("/usr/lib/postgresql").glob("*/bin")),
    ]
    for directory in candidates:
        if (directory / "initdb").is_file() and (directory / "pg_ctl").is_file():
            return directory
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ThrowawayPostgres:
    """One cluster: `start()`, `stop()`, `start()` again, `remove()` at the end."""

    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        self.port = free_port()
        # Not under pytest's tmp_path: its parents are private to root, and the server runs as
        # the postgres user.
        self.base = Path(tempfile.mkdtemp(prefix="hilversum-pg-"))
        self.base.chmod(0o755)
        self.data = self.base / "data"
        self.log = self.base / "postgres.log"
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.base, user="postgres")
        result = self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
            "--locale=C.UTF-8",
        )  # fmt: skip
        if result.returncode != 0:
            raise RuntimeError(f"initdb failed:\n{result.stdout}{result.stderr}")

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        result = self._run(
            "pg_ctl", "-D", str(self.data), "-w", "-t", "60", "-l", str(self.log), "-o", options,
            "start",
        )  # fmt: skip
        if result.returncode != 0:
            raise RuntimeError(f"PostgreSQL did not start:\n{self.log.read_text(errors='replace')}")

    def stop(self, mode: str = "fast") -> None:
        result = self._run("pg_ctl", "-D", str(self.data), "-w", "-m", mode, "stop")
        if result.returncode != 0:
            raise RuntimeError(f"PostgreSQL did not stop:\n{result.stdout}{result.stderr}")

    def remove(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.base, ignore_errors=True)


def new_cluster() -> ThrowawayPostgres:
    """An initialised, running cluster; skips (or fails under make test) when that can't be."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        skip_or_fail("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            skip_or_fail("running as root without a postgres user to run the server as")
    cluster = ThrowawayPostgres(bin_dir)
    try:
        cluster.init()
        cluster.start()
    except Exception:
        cluster.remove()
        raise
    return cluster
