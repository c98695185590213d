"""Meldingen through the real public form by 50 concurrent clients (issue #4).

wrk keeps 50 connections open; each request pair is what a browser does: GET /meldpunt/ (CSRF
cookie, CSRF token and the signed start time from the page), then POST the form, answered with
a redirect to the thank-you page (wrk_meldpunt.lua). Throughput counts meldingen, so one
melding costs the server both requests. A second run counts the submissions alone: each
connection fetches the form once and then only posts (one request, one melding), which is the
throughput of the POST itself. Afterwards every accepted melding of both runs must be in the
database exactly once. The server runs with the fill-time check off and a high rate limit: those
guards are tested in tests/meldpunt and would otherwise refuse a load test by design.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench.harness import (
    BENCH_DIR,
    PROJECT_DIR,
    WRK_SCRIPT,
    BenchError,
    Context,
    Row,
    gunicorn,
    parse_wrk,
    require_wrk,
)

CLIENTS = 50
NAME = f"meldpunt submit form, {CLIENTS} clients"
NAME_POST = f"meldpunt submit form, {CLIENTS} clients, POST only"

STORED = """
import collections, json, sys, django
django.setup()
from meldpunt.models import Melding
rows = Melding.objects.filter(text__contains="bench-").values_list("reference", "text")
markers = collections.Counter(text.rsplit(" ", 1)[-1] for _, text in rows)
doubled = [m for m, n in markers.items() if n > 1]
print(json.dumps({"references": [r for r, _ in rows], "doubled": doubled}))
"""


def _stored(env: dict[str, str]) -> dict:
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


def _wrk(ctx: Context, base_url: str, seconds: int, out_dir: Path, mode: str) -> dict:
    script = out_dir / "meldpunt.lua"
    script.write_text(WRK_SCRIPT.read_text() + (BENCH_DIR / "wrk_meldpunt.lua").read_text())
    command = [
        require_wrk(),
        f"-t{ctx.config.threads}",
        f"-c{CLIENTS}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
        base_url + "/meldpunt/",
        "--",
        str(out_dir),
        out_dir.name,  # in every marker: warm-up and run number their meldingen apart
        mode,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    data = parse_wrk(NAME, result)
    data["accepted"] = [
        line
        for path in sorted(out_dir.glob("refs-*.txt"))
        for line in path.read_text().split()
        if line
    ]
    return data


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
    log = ctx.tmp_dir / "gunicorn-meldpunt.log"
    runs = {}
    with gunicorn(env, ctx.config.workers, log) as base_url:
        for name, mode in ((NAME, "pairs"), (NAME_POST, "post-only")):
            if ctx.config.warmup_seconds:
                with tempfile.TemporaryDirectory(dir=ctx.tmp_dir) as warm:
                    _wrk(ctx, base_url, ctx.config.warmup_seconds, Path(warm), mode)
            with tempfile.TemporaryDirectory(dir=ctx.tmp_dir) as out:
                runs[name] = _wrk(ctx, base_url, ctx.config.seconds, Path(out), mode)
    stored = _stored(env)
    rows = []
    for name, data in runs.items():
        accepted = data["accepted"]
        if not accepted:
            raise BenchError(f"{name}: no melding was accepted")
        missing = set(accepted) - set(stored["references"])
        if missing or stored["doubled"] or len(set(accepted)) != len(accepted):
            raise BenchError(
                f"{name}: {len(missing)} accepted but not stored, {len(stored['doubled'])} twice"
            )
        duration = data["duration_us"] / 1_000_000
        rows.append(
            Row(
                name=name,
                requests=data["requests"],
                rps=len(accepted) / duration,
                median_ms=data["latency_us"]["p50"] / 1000,
                p95_ms=data["latency_us"]["p95"] / 1000,
                errors=sum(data["errors"].values()),
            )
        )
    return rows
