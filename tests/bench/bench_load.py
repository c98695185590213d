"""Load (issue #8): 50 simulated users for 60 seconds on a mix of the public pages.

The stack is the production one: gunicorn, PostgreSQL, Redis (cache, rate limits and broker)
and a real Celery worker that sends the meldingen's e-mails. The data: 500 generated
activities over all wijken (bench_aanbod_search.grow, which also shrinks its 100,000 back to
this), about 125 in each wijk folder: a town the size of Hilversum.

Every user repeats one action at a time, without pauses, chosen at random:

- 70 % a search on /aanbod/ with a text and filters (wijk, dag, doelgroep, type, dagdeel,
  kosten, …): one in three from a short list of popular searches (answered from the cache
  after the first time), the others composed at random (computed); one in three as the htmx
  request that live filters send;
- 15 % the detail page of an activity, 5 % its agenda.ics;
- 5 % the printable folder PDF of a wijk;
- 5 % a melding: GET /meldpunt/ (CSRF cookie, token, signed start time), then POST the form.

Each request is timed by the client (load_client.py), so each kind has its own median and p95.
Any answer other than 2xx/3xx, any connection error, and any melding POST that is not
accepted (a redirect to its thank-you page) is an error. Afterwards every accepted melding must
be stored once, and the worker must have sent each of their e-mails.

Before the run the folder of every wijk is fetched once, a few at a time: its first render
(WeasyPrint) takes seconds, after that it comes from the cache until the aanbod changes, as
in production. That first render is a row of its own. The mix is preceded by the same client
on /over/ alone, to show how much the client itself can send on this machine.

BENCH_LOAD_SECONDS (60), BENCH_LOAD_USERS (50) and BENCH_LOAD_ACTIVITIES (500) change the size.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

from tests.bench import bench_aanbod_search as data
from tests.bench.harness import (
    PROJECT_DIR,
    BenchError,
    Context,
    Row,
    _env_int,
    celery_worker,
    gunicorn,
)
from tests.bench.load_client import (
    ALL,
    KindStats,
    Response,
    Sample,
    Session,
    form_value,
    reference_from,
    run_users,
    summarise,
)

WEIGHTS = {"search": 70, "detail": 15, "ics": 5, "folder": 5, "melding": 5}
# Kinds of request as the table shows them, in this order.
LABELS = {
    ALL: "all requests",
    "search": "search /aanbod/ with filters (70%)",
    "detail": "activity detail page (15%)",
    "ics": "activity agenda.ics (5%)",
    "folder": "wijk folder PDF, cached (5%)",
    "meldpunt form": "melding: GET form (5%)",
    "melding": "melding: POST form with CSRF (5%)",
}
WORDS = [
    "wandelen", "koffie", "samen eten", "taal", "breien", "bingo", "zingen", "digitaal",
    "yoga", "rouw", "mantelzorg", "fietsen", "moestuin", "film", "lezen", "spelletjes",
    "wandelne", "maaltijd", "repair", "jongeren",
]  # fmt: skip
DAG_CODES = ["ma", "di", "wo", "do", "vr", "za", "zo"]
DAGDELEN = ["ochtend", "middag", "avond"]
TYPES = ["ontmoeting", "samen-eten", "bewegen", "creatief", "cultuur", "spel", "digitaal"]
POPULAR = [
    {"q": "wandelen"},
    {"q": "koffie", "wijk": "centrum"},
    {"wijk": "oost", "dag": "di"},
    {"doelgroep": "senioren"},
    {"type": "samen-eten", "kosten": "gratis"},
    {"q": "taal", "wijk": "noordoost"},
    {"wijk": "zuid", "doelgroep": "senioren-75"},
    {"dag": "za"},
    {"q": "wandelen", "wijk": "oost", "doelgroep": "senioren", "dag": "di"},
    {"wanneer": "deze-week"},
    {"type": "bewegen", "dagdeel": "ochtend"},
    {"wijk": "hilversumse-meent"},
]
MARKER = "bench-load"
TEXT = "Mijn buurvrouw komt niet meer buiten en zegt dat ze niemand spreekt."
WORKER_DRAIN_SECONDS = 120


def say(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def search_path(rng: random.Random) -> str:
    """A search as residents make them: a popular one, or a text with a few filters."""
    if rng.random() < 1 / 3:
        return "/aanbod/?" + urlencode(rng.choice(POPULAR))
    params: list[tuple[str, str]] = []
    if rng.random() < 0.7:
        params.append(("q", rng.choice(WORDS)))
    choices = [
        ("wijk", data.WIJKEN, 0.6, 2),
        ("dag", DAG_CODES, 0.4, 2),
        ("doelgroep", data.DOELGROEPEN, 0.4, 1),
        ("type", TYPES, 0.3, 2),
        ("dagdeel", DAGDELEN, 0.2, 1),
        ("kosten", ["gratis"], 0.2, 1),
        ("toegankelijk", ["rolstoel", "ringleiding"], 0.1, 1),
        ("wanneer", ["vandaag", "deze-week"], 0.1, 1),
    ]
    for name, values, chance, most in choices:
        if rng.random() < chance:
            params += [(name, v) for v in rng.sample(values, rng.randint(1, most))]
    if rng.random() < 0.1:
        params.append(("pagina", "2"))
    return "/aanbod/?" + urlencode(params)


class Mix:
    """One user action, chosen by WEIGHTS, on the slugs that the seeding made public."""

    def __init__(self, slugs: list[str], wijken: list[str], run_id: str):
        self.slugs = slugs
        self.wijken = wijken
        self.run_id = run_id
        self.kinds = list(WEIGHTS)
        self.weights = list(WEIGHTS.values())
        self.accepted: list[str] = []  # references of the meldingen the server accepted

    def __call__(self, session: Session, rng: random.Random) -> None:
        kind = rng.choices(self.kinds, self.weights)[0]
        if kind == "search":
            htmx = {"HX-Request": "true"} if rng.random() < 1 / 3 else None
            session.request("search", "GET", search_path(rng), headers=htmx)
        elif kind == "detail":
            session.request("detail", "GET", f"/aanbod/{rng.choice(self.slugs)}/")
        elif kind == "ics":
            session.request("ics", "GET", f"/aanbod/{rng.choice(self.slugs)}/agenda.ics")
        elif kind == "folder":
            session.request("folder", "GET", f"/aanbod/wijk/{rng.choice(self.wijken)}/folder.pdf")
        else:
            self.melding(session, rng)

    def melding(self, session: Session, rng: random.Random) -> None:
        form = session.request("meldpunt form", "GET", "/meldpunt/")
        if form is None or form.status != 200:
            return
        page = form.body.decode("utf-8", "replace")
        token, started = form_value(page, "csrfmiddlewaretoken"), form_value(page, "started")
        marker = f"{MARKER}-{self.run_id}-{uuid.uuid4().hex[:12]}"
        body = urlencode(
            {
                "csrfmiddlewaretoken": token or "",
                "started": started or "",
                "about": "ander",
                "reporter_role": "bewoner",
                "urgent": "nee",
                "wijk": rng.choice(self.wijken),
                "signals": "weinig-contact",
                "person_knows": "nee",
                "consent": "on",
                "text": f"{TEXT} {marker}",
            }
        )
        answer = session.request(
            "melding",
            "POST",
            "/meldpunt/",
            body=body,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            ok=_accepted,
        )
        if answer is not None and _accepted(answer):
            self.accepted.append(reference_from(answer.headers.get("Location")))


def _accepted(response: Response) -> bool:
    """A melding is accepted when the answer sends the browser to its thank-you page."""
    return response.status == 302 and reference_from(response.headers.get("Location")) is not None


PREPARE = """
import json, sys, django
django.setup()
from django.db import connection
from aanbod.indexing import search_version_bump
from aanbod.models import Activiteit
from tests.bench.bench_aanbod_search import SLUG_PREFIX, grow
from wijken.models import Wijk
added = grow(int(sys.argv[1]))
with connection.cursor() as cursor:
    cursor.execute("ANALYZE")
search_version_bump()  # cached search pages of earlier data must not be served
slugs = list(Activiteit.objects.public().filter(slug__startswith=SLUG_PREFIX)
             .values_list("slug", flat=True))
print(json.dumps({"added": added, "slugs": slugs,
                  "wijken": list(Wijk.objects.values_list("slug", flat=True))}))
"""

CHECK = """
import collections, json, sys, django
django.setup()
from meldpunt.models import Melding, Uitbericht
prefix = sys.argv[1]
rows = list(Melding.objects.filter(text__contains=prefix).values_list("reference", "text"))
markers = collections.Counter(text.rsplit(" ", 1)[-1] for _, text in rows)
mail = Uitbericht.objects.filter(melding__text__contains=prefix)
print(json.dumps({"references": [r for r, _ in rows],
                  "doubled": sum(1 for n in markers.values() if n > 1),
                  "mail": mail.count(), "unsent": mail.filter(sent_at__isnull=True).count()}))
"""


def _child(env: dict[str, str], script: str, *args: str, timeout: int = 1800) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise BenchError(f"child process failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _server_env(ctx: Context, redis: str) -> dict[str, str]:
    return {
        **ctx.env,
        "REDIS_URL": redis,
        "CELERY_BROKER_URL": redis,
        "CELERY_RESULT_BACKEND": redis,
        # As in bench_meldpunt_submit: the fill-time check and the rate limit would refuse a
        # load test by design; tests/meldpunt tests them.
        "MELDPUNT_MIN_FILL_SECONDS": "0",
        "MELDPUNT_RATE_LIMIT": "1000000/h",
        "EMAIL_URL": "filemail://",
        "EMAIL_FILE_PATH": str(ctx.tmp_dir / "load-mail"),
    }


def _warm_folders(host: str, port: int, wijken: list[str], parallel: int) -> KindStats:
    """Fetch each wijk folder once, `parallel` at a time, and return their figures.

    A folder that failed (a render slower than gunicorn's 30 s timeout, on a busy machine) is
    fetched once more on its own, so that the mix measures the cached folder; the failure
    stays in the figures.
    """

    def fetch(wijk: str) -> Sample:
        samples: list[Sample] = []
        Session(host, port, samples).request("folder", "GET", f"/aanbod/wijk/{wijk}/folder.pdf")
        return samples[0]

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=parallel) as pool:
        samples = list(pool.map(fetch, wijken))
    stats = summarise(samples, time.monotonic() - started)["folder"]
    for wijk, sample in zip(wijken, samples, strict=True):
        if not sample.ok:
            again = fetch(wijk)
            say(
                f"folder of {wijk} failed after {sample.seconds:.0f} s; "
                f"once more: {again.seconds:.0f} s, {'ok' if again.ok else 'failed again'}"
            )
    return stats


def _row(name: str, stats: KindStats) -> Row:
    return Row(name, stats.requests, stats.rps, stats.median_ms, stats.p95_ms, stats.errors)


def _drain(env: dict[str, str], prefix: str) -> dict:
    """Wait for the worker to send every e-mail of the run's meldingen; return the last check."""
    deadline = time.monotonic() + WORKER_DRAIN_SECONDS
    while True:
        check = _child(env, CHECK, prefix, timeout=120)
        if not check["unsent"] or time.monotonic() > deadline:
            return check
        time.sleep(2)


def run(ctx: Context) -> list[Row]:
    database_url = ctx.env.get("DATABASE_URL", "")
    redis = os.environ.get("TEST_REDIS_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")) or not redis:
        raise BenchError("needs PostgreSQL and Redis: DATABASE_URL=postgres://… TEST_REDIS_URL=…")
    seconds = _env_int("BENCH_LOAD_SECONDS", 60)
    users = _env_int("BENCH_LOAD_USERS", 50)
    size = _env_int("BENCH_LOAD_ACTIVITIES", 500)
    env = _server_env(ctx, redis)
    started = time.monotonic()
    seeded = _child(env, PREPARE, str(size))
    say(f"{size} activities ready in {time.monotonic() - started:.0f} s")
    if not seeded["slugs"]:
        raise BenchError("no public activity to visit")
    run_id = uuid.uuid4().hex[:8]
    mix = Mix(seeded["slugs"], seeded["wijken"], run_id)
    warm_mix = Mix(seeded["slugs"], seeded["wijken"], f"{run_id}w")
    log_dir = ctx.tmp_dir
    with (
        celery_worker(env, log_dir / "celery-load.log"),
        gunicorn(env, ctx.config.workers, log_dir / "gunicorn-load.log") as base_url,
    ):
        address = urlsplit(base_url)
        host, port = address.hostname or "127.0.0.1", address.port or 80
        say(f"rendering the folder of {len(mix.wijken)} wijken once")
        started = time.monotonic()
        parallel = min(ctx.config.workers, os.cpu_count() or 1)
        cold = _warm_folders(host, port, mix.wijken, parallel)
        say(
            f"folders rendered in {time.monotonic() - started:.0f} s ({parallel} at a time): "
            f"median {cold.median_ms / 1000:.1f} s, {cold.errors} errors"
        )

        def over(session: Session, _rng: random.Random) -> None:
            session.request("over", "GET", "/over/")

        over_seconds = min(ctx.config.seconds, seconds)
        say(f"/over/ alone by the same client, {users} users, {over_seconds} s")
        samples, duration = run_users(
            host=host, port=port, users=users, seconds=over_seconds, step=over
        )
        over_stats = summarise(samples, duration)["over"]
        if ctx.config.warmup_seconds:
            run_users(
                host=host, port=port, users=users, seconds=ctx.config.warmup_seconds, step=warm_mix
            )
        say(f"mix: {users} users for {seconds} s")
        samples, duration = run_users(
            host=host, port=port, users=users, seconds=seconds, step=mix, seed=1
        )
        stats = summarise(samples, duration)
        check = _drain(env, f"{MARKER}-{run_id}-")
    rows = [
        _row(f"load {users} users: {label}", stats[kind])
        for kind, label in LABELS.items()
        if kind in stats
    ]
    rows.append(_row(f"load {users} users: GET /over/ alone, same client", over_stats))
    rows.append(_row(f"load: folder PDF first render ({cold.requests} wijken)", cold))
    return _checked(rows, stats, check, mix.accepted)


def _checked(rows: list[Row], stats: dict, check: dict, accepted: list[str]) -> list[Row]:
    """Fail loudly when meldingen went missing or the worker did not send their e-mails."""
    problems = []
    absent = set(LABELS) - set(stats)
    if absent:
        problems.append(f"no request of kind {', '.join(sorted(absent))}")
    missing = set(accepted) - set(check["references"])
    if missing or check["doubled"] or len(set(accepted)) != len(accepted):
        problems.append(
            f"{len(accepted)} meldingen accepted, {len(missing)} of them not stored, "
            f"{check['doubled']} stored twice"
        )
    if check["unsent"]:
        problems.append(
            f"worker sent {check['mail'] - check['unsent']} of {check['mail']} e-mails "
            f"within {WORKER_DRAIN_SECONDS} s"
        )
    say(
        f"{len(accepted)} meldingen accepted, {len(check['references'])} stored; the worker sent "
        f"{check['mail'] - check['unsent']} of {check['mail']} e-mails"
    )
    if problems:
        for row in rows:
            say(f"{row.name}: {row.requests} requests, {row.errors} errors")
        raise BenchError("; ".join(problems))
    return rows
