"""A small threaded HTTP client for bench_load.py: simulated users and latencies per kind.

wrk keeps one latency histogram for everything it sends, so a mix of cheap and costly pages
would come out as one blurred figure. Here every request is timed by the thread that sends it
and filed under its kind (search, detail, folder, melding, …), so each kind gets its own
median and 95th percentile. Standard library only; every user is one thread with its own
cookies, one request at a time, no pause between requests (like wrk's connections).
"""

from __future__ import annotations

import html
import http.client
import math
import random
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from email.message import Message
from http.cookies import CookieError, SimpleCookie

ALL = "all"
TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class Sample:
    """One request: its kind, how long it took (until the last byte of the body), success."""

    kind: str
    seconds: float
    ok: bool


@dataclass(frozen=True)
class KindStats:
    kind: str
    requests: int
    rps: float
    median_ms: float
    p95_ms: float
    errors: int


@dataclass(frozen=True)
class Response:
    status: int
    headers: Message
    body: bytes


def is_success(status: int) -> bool:
    """2xx and 3xx are answers a browser can use; anything else counts as an error."""
    return 200 <= status < 400


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile: the smallest value with at least p % of the values at or below
    it. Always one of the measured values, never an interpolation between two."""
    if not values:
        raise ValueError("no values")
    if not 0 < p <= 100:
        raise ValueError(f"percentile must be in (0, 100], not {p}")
    ordered = sorted(values)
    return ordered[max(1, math.ceil(p / 100 * len(ordered))) - 1]


def _stats(kind: str, samples: list[Sample], duration: float) -> KindStats:
    seconds = [s.seconds for s in samples]
    return KindStats(
        kind=kind,
        requests=len(samples),
        rps=len(samples) / duration if duration else 0.0,
        median_ms=percentile(seconds, 50) * 1000,
        p95_ms=percentile(seconds, 95) * 1000,
        errors=sum(1 for s in samples if not s.ok),
    )


def summarise(samples: Iterable[Sample], duration: float) -> dict[str, KindStats]:
    """Figures per kind (in order of first appearance) and for all requests together (ALL)."""
    samples = list(samples)
    by_kind: dict[str, list[Sample]] = {}
    for sample in samples:
        by_kind.setdefault(sample.kind, []).append(sample)
    result = {kind: _stats(kind, group, duration) for kind, group in by_kind.items()}
    if samples:
        result[ALL] = _stats(ALL, samples, duration)
    return result


def form_value(page: str, name: str) -> str | None:
    """The value of a hidden field as Django renders it (name before value)."""
    match = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', page)
    return html.unescape(match.group(1)) if match else None


def reference_from(location: str | None) -> str | None:
    """The melding reference in the redirect to its thank-you page."""
    match = re.search(r"/meldpunt/bedankt/([^/?#]+)/", location or "")
    return match.group(1) if match else None


class Session:
    """One simulated user: its own cookies, one request at a time, every request timed."""

    def __init__(self, host: str, port: int, samples: list[Sample]):
        self.host = host
        self.port = port
        self.samples = samples
        self.cookies: dict[str, str] = {}

    def request(
        self,
        kind: str,
        method: str,
        path: str,
        *,
        body: str | None = None,
        headers: dict[str, str] | None = None,
        ok: Callable[[Response], bool] | None = None,
    ) -> Response | None:
        """Send one request, record it under `kind`; None when no answer came at all.

        `ok` decides success when a status alone does not (a melding must be accepted).
        """
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        # A new connection per request: gunicorn's sync workers close it after each answer.
        connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT_SECONDS)
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            response = Response(answer.status, answer.headers, answer.read())
        except (OSError, http.client.HTTPException):
            self.samples.append(Sample(kind, time.perf_counter() - started, False))
            return None
        finally:
            connection.close()
        elapsed = time.perf_counter() - started
        self._keep_cookies(response.headers)
        success = ok(response) if ok else is_success(response.status)
        self.samples.append(Sample(kind, elapsed, success))
        return response

    def _keep_cookies(self, headers: Message) -> None:
        for value in headers.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            try:
                jar.load(value)
            except CookieError:
                continue
            self.cookies.update({name: morsel.value for name, morsel in jar.items()})


Step = Callable[[Session, random.Random], None]


def run_users(
    *, host: str, port: int, users: int, seconds: float, step: Step, seed: int = 0
) -> tuple[list[Sample], float]:
    """Let `users` threads repeat `step` (one user action) for `seconds`; return every sample
    and the wall-clock duration, from the start until the last request in flight finished."""
    per_user: list[list[Sample]] = [[] for _ in range(users)]
    deadline = time.monotonic() + seconds

    def user(number: int) -> None:
        rng = random.Random(seed * 100_003 + number)
        session = Session(host, port, per_user[number])
        while time.monotonic() < deadline:
            step(session, rng)

    threads = [threading.Thread(target=user, args=(n,), daemon=True) for n in range(users)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    duration = time.monotonic() - started
    return [sample for samples in per_user for sample in samples], duration
