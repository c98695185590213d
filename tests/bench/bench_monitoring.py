"""Monitoring (issue #6): the GGD import of a national-size file, the evaluation PDF, and the
dashboard with ten years of figures.

- Import: a generated StatLine CSV of 1,000,000 rows (and one of 100,000, to show that memory
  does not grow with the file), imported by the real command `import_ggd_figures` in a child
  process. Time is wall-clock; memory is the child's peak RSS, read by a small wrapper process
  whose only child is the command (resource.getrusage(RUSAGE_CHILDREN)). Target: 60 s.
- PDF: the demo evaluations of `seed_demo`, rendered and stored the way the Celery task does
  (`rapport_render`), in a fresh process: the first render includes loading WeasyPrint and the
  fonts. 2026-H1 is vastgesteld (its figures come from the snapshot), 2026-H2 is a concept (its
  figures are computed). Target: 5 s each.
- Dashboard: GET /monitoring/ as the kartrekker through wrk, with ten years of figures per wijk.
  Its query count is the same as with one year; tests/monitoring/test_dashboard.py checks that.

The columns are those of every benchmark. For the import and PDF rows: requests = rows read (or
1 PDF), req/s = rows (or PDFs) per second, median ms = p95 ms = the time it took; the peak RSS is
in the name. Their ratio to /over/ means nothing. A row that misses its target raises BenchError
after printing every row, so the figures are never lost.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.harness import PROJECT_DIR, BenchError, Context, Row, manage

ROWS = 1_000_000
SMALL_ROWS = 100_000
IMPORT_TARGET_S = 60.0
PDF_TARGET_S = 5.0
# Peak RSS of the 1M import may exceed that of the 100k import by at most this much.
MEMORY_GROWTH_LIMIT_MB = 25

HEADER = (
    '"ID";"WijkenEnBuurten";"Perioden";"Leeftijd";"Marges";'
    '"Eenzaam_27";"SterkEenzaam_28";"EmotioneelEenzaam_29";"SociaalEenzaam_30"\n'
)
PERIODS = ("2012JJ00", "2016JJ00", "2020JJ00", "2022JJ00", "2024JJ00")
AGES = ("20300", "53115", "80200")
MARGINS = ("MW00000", "MOG0095", "MBG0095")
HILVERSUM = (
    ["GM0402", "GG3606", "NL01"]
    + [f"WK0402{n:02d}" for n in range(1, 10)]
    + [f"BU0402{w:02d}{b:02d}" for w in range(1, 10) for b in range(1, 6)]
)
# One row in this many is about Hilversum, its wijken and buurten, the region or the country,
# as in the real national table (some 17,000 areas, of which 57 are kept).
HILVERSUM_EVERY = 300


def _cell(value) -> str:
    return f'"{value}"'


def write_national_file(path: Path, rows: int) -> None:
    """A StatLine-shaped CSV (UTF-8 with BOM, padded codes, decimal commas, "." for missing)."""
    keys = [(code, p, a, m) for code in HILVERSUM for p in PERIODS for a in AGES for m in MARGINS]
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write(HEADER)
        kept = 0
        for n in range(rows):
            if n % HILVERSUM_EVERY == 0:
                code, period, age, margin = keys[kept % len(keys)]
                kept += 1
            else:
                code = f"BU{n % 9000 + 1000:04d}{n % 97:02d}{n % 89:02d}"
                period, age, margin = PERIODS[n % 5], AGES[n % 3], MARGINS[n % 3]
            base = 40 + (n % 13)
            values = (
                f"{base},{n % 10}",
                f"{base // 4},{n % 7}",
                "." if n % 11 == 0 else f"{base - 15},2",
                f"{base - 10},5",
            )
            cells = [n, code.ljust(10), period, age.ljust(8), margin, *values]
            out.write(";".join(_cell(c) for c in cells) + "\n")


# Runs `import_ggd_figures` as its only child and reports the child's peak RSS.
WRAPPER = """
import json, resource, subprocess, sys, time
started = time.monotonic()
result = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.monotonic() - started
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": result.returncode, "seconds": elapsed, "peak_kb": peak_kb,
                  "out": result.stdout[-3000:], "err": result.stderr[-3000:]}))
"""


def _import(ctx: Context, path: Path, rows: int) -> dict:
    command = [sys.executable, "manage.py", "import_ggd_figures", str(path), "--bron", "bench"]
    result = subprocess.run(
        [sys.executable, "-c", WRAPPER, *command],
        cwd=PROJECT_DIR,
        env=ctx.env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if result.returncode != 0:
        raise BenchError(f"import wrapper failed:\n{result.stderr[-2000:]}")
    data = json.loads(result.stdout.strip().splitlines()[-1])
    if data["code"] != 0:
        raise BenchError(f"import of {rows} rows failed:\n{data['out']}{data['err']}")
    if f"Regels gelezen: {rows}" not in data["out"]:
        raise BenchError(f"import of {rows} rows read another number of rows:\n{data['out']}")
    return data


def _import_row(rows: int, data: dict) -> Row:
    seconds = data["seconds"]
    return Row(
        name=f"GGD import {rows:,} rows (peak RSS {data['peak_kb'] / 1024:.0f} MB)",
        requests=rows,
        rps=rows / seconds,
        median_ms=seconds * 1000,
        p95_ms=seconds * 1000,
        errors=0,
    )


# Demo evaluations, ten years of wijk figures, and a kartrekker session past the second step.
PREPARE = """
import json, time
import django
django.setup()
from decimal import Decimal
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from monitoring.models import Indicator, Observatie, Regio
indicator = Indicator.objects.get(code="eenzaam")
regions = list(Regio.objects.exclude(niveau="buurt"))
existing = set(Observatie.objects.filter(indicator=indicator, age_group="18+")
               .values_list("regio_id", "year"))
Observatie.objects.bulk_create([
    Observatie(regio=r, indicator=indicator, year=y, age_group="18+",
               value=Decimal(40 + (y + r.pk) % 12), lower=Decimal(38), upper=Decimal(54),
               source="bench")
    for r in regions for y in range(2015, 2025) if (r.pk, y) not in existing
])
user = get_user_model().objects.get(username="kartrekker")
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
try:  # the second login step (issue #7), as tests/conftest.py gives it to force_login
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench",
                                                 defaults={"confirmed": True})
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    from hilversum_eenzaamheid.access_middleware import LAST_SEEN_SESSION_KEY
    session[LAST_SEEN_SESSION_KEY] = int(time.time())
except ImportError:
    pass
session.save()
print(json.dumps({"session": session.session_key}))
"""

RENDER = """
import json, sys, time
import django
django.setup()
from monitoring.rapport import rapport_render
from monitoring.services_evaluatie import rapport_request
from monitoring.selectors_evaluatie import evaluatie_get
result = {}
for period in sys.argv[1:]:
    rapport = rapport_request(evaluatie=evaluatie_get(period), queue=False)
    started = time.monotonic()
    rapport = rapport_render(rapport_id=rapport.pk)
    result[period] = {"seconds": time.monotonic() - started, "status": rapport.status,
                      "size": rapport.size}
print(json.dumps(result))
"""


def _child(env: dict[str, str], script: str, *args: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if result.returncode != 0:
        raise BenchError(f"child process failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _pdf_rows(env: dict[str, str]) -> list[Row]:
    # Concept first, so "first in process" is the one that computes its figures live.
    periods = {"2026-H2": "concept, live figures", "2026-H1": "vastgesteld, snapshot"}
    data = _child(env, RENDER, *periods)
    rows = []
    for n, (period, what) in enumerate(periods.items()):
        figures = data[period]
        if figures["status"] != "klaar":
            raise BenchError(f"PDF of {period} ended as {figures['status']}")
        seconds = figures["seconds"]
        first = ", first in process" if n == 0 else ""
        rows.append(
            Row(
                name=f"evaluation PDF {period} ({what}{first}, {figures['size'] // 1024} kB)",
                requests=1,
                rps=1 / seconds,
                median_ms=seconds * 1000,
                p95_ms=seconds * 1000,
                errors=0,
            )
        )
    return rows


def say(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def run(ctx: Context) -> list[Row]:
    env = {**ctx.env, "MEDIA_ROOT": str(ctx.tmp_dir / "media")}
    ctx = Context(ctx.config, ctx.base_url, env, ctx.tmp_dir)
    imports = {}
    for rows in (SMALL_ROWS, ROWS):
        path = ctx.tmp_dir / f"50150NED-{rows}.csv"
        started = time.monotonic()
        write_national_file(path, rows)
        say(
            f"{rows:,}-row file ({path.stat().st_size / 1e6:.0f} MB) in "
            f"{time.monotonic() - started:.0f} s; importing"
        )
        imports[rows] = _import(ctx, path, rows)
        path.unlink()
    result = [_import_row(rows, data) for rows, data in imports.items()]

    say("loading the demo data and ten years of figures")
    manage(env, "seed_demo")
    session = _child(env, PREPARE)["session"]
    result += _pdf_rows(env)
    result.append(
        ctx.measure(
            "/monitoring/",
            "GET /monitoring/ (dashboard, 10 years of figures)",
            headers={"Cookie": f"sessionid={session}"},
        )
    )
    _check_targets(result, imports)
    return result


def _check_targets(rows: list[Row], imports: dict) -> None:
    misses = []
    for row in rows:
        seconds = row.median_ms / 1000
        if row.name.startswith("GGD import") and seconds > IMPORT_TARGET_S:
            misses.append(f"{row.name}: {seconds:.1f} s > {IMPORT_TARGET_S:.0f} s")
        if row.name.startswith("evaluation PDF") and seconds > PDF_TARGET_S:
            misses.append(f"{row.name}: {seconds:.1f} s > {PDF_TARGET_S:.0f} s")
    growth = (imports[ROWS]["peak_kb"] - imports[SMALL_ROWS]["peak_kb"]) / 1024
    if growth > MEMORY_GROWTH_LIMIT_MB:
        misses.append(f"peak RSS grew {growth:.0f} MB from {SMALL_ROWS:,} to {ROWS:,} rows")
    if misses:
        for row in rows:
            say(f"{row.name}: {row.median_ms / 1000:.2f} s, {row.rps:.1f}/s")
        raise BenchError("missed targets: " + "; ".join(misses))
