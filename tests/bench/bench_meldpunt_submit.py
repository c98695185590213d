"""Meldingen through the real public form by 50 concurrent clients (issue #4).

Each client does what a browser does: GET /meldpunt/ (session and CSRF cookies, the CSRF token
and the signed start time from the page), then POST the form, which answers with a redirect to
the thank-you page. Afterwards every accepted melding must be in the database exactly once.
The server runs with the fill-time check off and a high rate limit: those guards are tested in
tests/meldpunt and would otherwise refuse a load test by design.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from tests.bench.harness import PROJECT_DIR, BenchError, Context, Row, gunicorn

CLIENTS = 50
NAME = f"meldpunt submit form, {CLIENTS} clients"
TOKEN = re.compile(r'name="(csrfmiddlewaretoken|started)" value="([^"]+)"')


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _submit(opener, base_url: str, marker: str) -> bool:
    with opener.open(base_url + "/meldpunt/", timeout=60) as page:
        tokens = dict(TOKEN.findall(page.read().decode()))
    data = {
        **tokens,
        "about": "ander",
        "reporter_role": "bewoner",
        "urgent": "nee",
        "wijk": "noordoost",
        "signals": "weinig-contact",
        "text": f"Mijn buurman komt niet meer buiten. {marker}",
        "person_knows": "nee",
        "consent": "on",
    }
    body = urllib.parse.urlencode(data).encode()
    try:
        opener.open(base_url + "/meldpunt/", data=body, timeout=60)
    except urllib.error.HTTPError as exc:  # the redirect, not followed
        return exc.code == 302 and "/meldpunt/bedankt/" in exc.headers.get("Location", "")
    return False


def _load(base_url: str, seconds: int, counter) -> tuple[list[float], list[str], int]:
    latencies: list[float] = []
    accepted: list[str] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        nonlocal errors
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect
        )
        while time.monotonic() < deadline:
            with lock:
                marker = f"bench-{next(counter)}"
            begin = time.monotonic()
            try:
                ok = _submit(opener, base_url, marker)
            except (urllib.error.URLError, OSError):
                ok = False
            with lock:
                latencies.append(time.monotonic() - begin)
                if ok:
                    accepted.append(marker)
                else:
                    errors += 1

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, accepted, errors


STORED = """
import collections, json, django
django.setup()
from meldpunt.models import Melding
texts = Melding.objects.filter(text__contains="bench-").values_list("text", flat=True)
print(json.dumps(collections.Counter(t.rsplit(" ", 1)[-1] for t in texts)))
"""


def _stored(env: dict[str, str]) -> dict[str, int]:
    import json

    result = subprocess.run(
        [sys.executable, "-c", STORED],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise BenchError(f"could not count the stored meldingen:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def run(ctx: Context) -> list[Row]:
    env = {
        **ctx.env,
        "MELDPUNT_MIN_FILL_SECONDS": "0",
        "MELDPUNT_RATE_LIMIT": "1000000/h",
    }
    # As in production: notifications go to the broker (no worker needs to take them here),
    # and rate-limit counts live in Redis. Without Redis they are sent inside the request.
    redis = os.environ.get("TEST_REDIS_URL", "")
    if redis:
        env.update(REDIS_URL=redis, CELERY_BROKER_URL=redis)
    with gunicorn(env, ctx.config.workers, ctx.tmp_dir / "gunicorn-meldpunt.log") as base_url:
        # One numbering for warm-up and run: every melding carries its own marker.
        counter = iter(range(10**9))
        if ctx.config.warmup_seconds:
            _load(base_url, ctx.config.warmup_seconds, counter)
        started = time.monotonic()
        latencies, accepted, errors = _load(base_url, ctx.config.seconds, counter)
        duration = time.monotonic() - started
    if not latencies:
        raise BenchError(f"{NAME}: no submission finished")
    stored = _stored(env)
    missing = [m for m in accepted if stored.get(m, 0) == 0]
    doubled = [m for m, n in stored.items() if n > 1]
    if missing or doubled:
        raise BenchError(f"{NAME}: {len(missing)} accepted but not stored, {len(doubled)} twice")
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return [
        Row(
            name=NAME,
            requests=len(latencies),
            rps=len(accepted) / duration,
            median_ms=statistics.median(latencies) * 1000,
            p95_ms=cuts[94] * 1000,
            errors=errors,
        )
    ]
