"""A Redis server of a test's own, on a free loopback port, that the test may kill and start.

The suite's Redis (TEST_REDIS_URL) is shared with every other test: a fault test that stopped it
would break them. Append-only with a sync per write, as a production broker would be set up, so
a kill loses nothing that was queued and a restart finds it again.
"""

import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import redis

from tests.portal.throwaway_postgres import free_port, skip_or_fail


class ThrowawayRedis:
    """`start()`, `kill()`, `start()` again on the same port and data; `remove()` at the end."""

    def __init__(self):
        if shutil.which("redis-server") is None:
            skip_or_fail("redis-server is not installed")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.dir = Path(tempfile.mkdtemp(prefix="hilversum-redis-"))
        self.process: subprocess.Popen | None = None

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url, socket_connect_timeout=1, socket_timeout=5)

    def start(self) -> None:
        with (self.dir / "redis.log").open("a") as log:
            self.process = subprocess.Popen(
                [
                    *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                    *("--dir", str(self.dir), "--save", ""),
                    *("--appendonly", "yes", "--appendfsync", "always"),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if self.client().ping():
                    return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"Redis did not start:\n{(self.dir / 'redis.log').read_text()}")

    def kill(self) -> None:
        """Stop at once, as a crash or an out-of-memory kill would: no shutdown of its own."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def remove(self) -> None:
        self.kill()
        shutil.rmtree(self.dir, ignore_errors=True)
