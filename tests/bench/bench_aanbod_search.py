"""Search on the sociale kaart with a text and three filters, at 10,000 and at 100,000 activities.

Needs PostgreSQL (DATABASE_URL): the issue's targets are about the production database. The data
is generated in a child process (`python -m tests.bench.bench_aanbod_search grow N`), in bulk and
then reindexed, so the server under test reads it like any other data. The figures to compare:
the req/s ratio to the /over/ baseline (target >= 0.5) and p95 at 100k against p95 at 10k
(target < 2x).

Two rows per size. "cached": wrk repeats one URL, so after the first request the page comes from
the search cache (aanbod/views/search.py), as a popular search does. "uncached": every request
differs (an unknown extra filter value, which the page ignores with a note), so every request
runs the whole search; wrk cannot vary its URL, so a small threaded client here measures it.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from tests.bench.harness import PROJECT_DIR, BenchError, Context, Row, gunicorn, measure

PATH = "/aanbod/?q=wandelen&wijk=oost&doelgroep=senioren&dag=di"
SIZES = (10_000, 100_000)
SLUG_PREFIX = "bench-"

# (name, short description, type codes): what activities in a Dutch town are called.
KINDS = [
    ("Wandelgroep", "Elke week samen een rondje wandelen in de buurt.", ["bewegen"]),
    ("Wandelen met de buurt", "Een korte wandeling met koffie na afloop.", ["bewegen"]),
    ("Koffieochtend", "Koffie of thee drinken en bijpraten met buren.", ["ontmoeting"]),
    ("Samen eten", "Een warme maaltijd met anderen uit de wijk.", ["samen-eten"]),
    ("Buurtmaaltijd", "Drie gangen voor een klein bedrag, samen aan tafel.", ["samen-eten"]),
    ("Taalcafé", "Nederlands oefenen in een gesprek, zonder les.", ["cursus", "ontmoeting"]),
    ("Breiclub", "Breien en haken; materiaal is er.", ["creatief"]),
    ("Repair café", "Samen spullen repareren in plaats van weggooien.", ["creatief"]),
    ("Schilderclub", "Schilderen en tekenen voor beginners.", ["creatief"]),
    ("Bingomiddag", "Bingo met kleine prijzen en een drankje.", ["spel", "ontmoeting"]),
    ("Zangkoor", "Zingen in een koor, iedereen mag meedoen.", ["cultuur"]),
    ("Digicafé", "Hulp bij de telefoon, tablet en DigiD.", ["digitaal"]),
    ("Stoelyoga", "Rustig bewegen op een stoel.", ["bewegen"]),
    ("Rouwgroep", "Praten met anderen die iemand hebben verloren.", ["lotgenoten"]),
    ("Mantelzorgcafé", "Even bijkomen en ervaringen delen.", ["lotgenoten", "informatie"]),
    ("Maatjesproject", "Een vrijwilliger komt regelmatig langs.", ["maatje", "huisbezoek"]),
    ("Belcirkel", "Elke ochtend een telefoontje.", ["luisterend-oor"]),
    ("Spelletjesmiddag", "Klaverjassen, rummikub en sjoelen.", ["spel"]),
    ("Filmmiddag", "Samen een film kijken met een kopje thee.", ["cultuur"]),
    ("Fietsmaatje", "Samen fietsen op een duofiets.", ["bewegen", "vervoer"]),
    ("Moestuin", "Samen tuinieren en oogsten.", ["ontmoeting"]),
    ("Informatiemiddag", "Uitleg over hulp en zorg in de wijk.", ["informatie"]),
    ("Jongerenavond", "Chillen, gamen en praten.", ["ontmoeting", "spel"]),
    ("Leesclub", "Samen een boek lezen en bespreken.", ["cultuur"]),
]
PLACES = [
    "De Meent",
    "Riebeeck",
    "Lopes Dias",
    "Kerkelanden",
    "Boomberg",
    "Hoorneboeg",
    "Bethlehemkerk",
    "Het Hof",
    "Noorderkwartier",
    "De Lelie",
    "Zuiderpark",
    "De Kerkuil",
]
WIJKEN = [
    "centrum",
    "noordwest",
    "zuidwest",
    "zuid",
    "zuidoost",
    "oost",
    "noordoost",
    "hilversumse-meent",
    "landelijk-gebied",
]
DOELGROEPEN = ["iedereen", "senioren", "senioren-75", "volwassenen", "jongeren", "mantelzorgers"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


def run(ctx: Context) -> list[Row]:
    database_url = ctx.env.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        raise BenchError("needs PostgreSQL: run with DATABASE_URL=postgres://…")
    rows = []
    for size in SIZES:
        _grow(ctx.env, size)
        # A fresh server per size: without Redis each process has its own cache, which the
        # generator (another process) cannot make old. Same settings as the shared server.
        log = ctx.tmp_dir / f"gunicorn-search-{size}.log"
        with gunicorn(ctx.env, ctx.config.workers, log) as base_url:
            label = f"aanbod search q+3 filters {size // 1000}k"
            rows.append(measure(ctx.config, base_url + PATH, f"{label}, cached"))
            rows.append(_measure_uncached(ctx, base_url, f"{label}, uncached"))
    return rows


def _measure_uncached(ctx: Context, base_url: str, name: str) -> Row:
    """Like measure(), with a new URL for every request so that no answer comes from a cache."""
    counter = iter(range(10**9))
    lock = threading.Lock()

    def next_url() -> str:
        with lock:
            return f"{base_url}{PATH}&soort=bench-{next(counter)}"

    _load(next_url, ctx.config.connections, ctx.config.warmup_seconds)
    started = time.monotonic()
    latencies, errors = _load(next_url, ctx.config.connections, ctx.config.seconds)
    duration = time.monotonic() - started
    if not latencies:
        raise BenchError(f"{name}: no request finished")
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return Row(
        name=name,
        requests=len(latencies),
        rps=len(latencies) / duration,
        median_ms=statistics.median(latencies) * 1000,
        p95_ms=cuts[94] * 1000,
        errors=errors,
    )


def _load(next_url, connections: int, seconds: int) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        nonlocal errors
        while time.monotonic() < deadline:
            url = next_url()
            begin = time.monotonic()
            try:
                with urllib.request.urlopen(url, timeout=60) as response:
                    response.read()
                    ok = response.status == 200
            except (urllib.error.URLError, OSError):
                ok = False
            with lock:
                latencies.append(time.monotonic() - begin)
                errors += 0 if ok else 1

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def _grow(env: dict[str, str], size: int) -> None:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench.bench_aanbod_search", "grow", str(size)],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if result.returncode != 0:
        raise BenchError(f"generating {size} activities failed:\n{result.stdout}{result.stderr}")
    print(
        f"bench: {size} activities ready in {time.monotonic() - started:.0f} s",
        file=sys.stderr,
        flush=True,
    )


# The generator runs inside Django, in a child process with the server's environment.


def _setup_shared(rng: random.Random):
    from aanbod.models import Locatie
    from coalitie.models import Organisatie
    from wijken.models import Wijk

    wijken = list(Wijk.objects.filter(slug__in=WIJKEN))
    organisaties = [
        Organisatie.objects.get_or_create(
            slug=f"{SLUG_PREFIX}org-{i}", defaults={"name": f"Bench organisatie {i}"}
        )[0]
        for i in range(200)
    ]
    locaties = list(Locatie.objects.filter(name__startswith="Bench "))
    if not locaties:
        locaties = Locatie.objects.bulk_create(
            Locatie(
                name=f"Bench buurthuis {i}",
                street_address=f"Kerkstraat {i}",
                postcode="1211 AB",
                wijk=rng.choice(wijken),
                rolstoel=rng.random() < 0.6,
                invalidentoilet=rng.random() < 0.4,
                ringleiding=rng.random() < 0.2,
                prikkelarm=rng.random() < 0.1,
            )
            for i in range(300)
        )
    return wijken, organisaties, locaties


def _activity(i: int, rng: random.Random, organisaties, now):
    from decimal import Decimal

    from aanbod.constants import Moderatie, Status
    from aanbod.models import Activiteit

    name, description, _types = KINDS[i % len(KINDS)]
    free = rng.random() < 0.6
    return Activiteit(
        name=f"{name} {rng.choice(PLACES)}",
        slug=f"{SLUG_PREFIX}{i}",
        short_description=description,
        description=description,
        organisatie=rng.choice(organisaties),
        status=Status.ACTIEF if rng.random() < 0.95 else Status.GEPAUZEERD,
        moderatie=Moderatie.GOEDGEKEURD,
        is_free=free,
        cost_amount=None if free else Decimal("2.50"),
        heel_hilversum=rng.random() < 0.1,
        assured_at=now,
    )


def _links(activiteit, i: int, rng: random.Random, shared, terms):
    from datetime import date, time

    from aanbod.constants import Herhaling
    from aanbod.models import Activiteit, Rooster

    wijken, _organisaties, locaties = shared
    _name, _description, types = KINDS[i % len(KINDS)]
    codes = {*types, *rng.sample(DOELGROEPEN, rng.randint(1, 2)), "sociaal", "op-locatie"}
    codes.add("nl" if rng.random() < 0.9 else rng.choice(["en", "ar", "tr"]))
    term_links = [
        Activiteit.terms.through(activiteit_id=activiteit.pk, term_id=terms[c]) for c in codes
    ]
    wijk_links = [
        Activiteit.wijken.through(activiteit_id=activiteit.pk, wijk_id=w.pk)
        for w in rng.sample(wijken, rng.randint(1, 2))
    ]
    roosters = []
    for _ in range(rng.randint(1, 2)):
        day = rng.choice(DAYS)
        roosters.append(
            Rooster(
                activiteit_id=activiteit.pk,
                locatie=rng.choice(locaties),
                herhaling=Herhaling.WEKELIJKS,
                start_date=date(2026, 1, 5),
                start_time=rng.choice([time(10, 0), time(14, 0), time(19, 30)]),
                end_time=None,
                **{d: d == day for d in DAYS},
            )
        )
    return term_links, wijk_links, roosters


def grow(size: int, batch: int = 5000) -> int:
    """Add generated activities until there are `size` of them; return how many were added."""
    from django.db import connection, transaction
    from django.utils import timezone

    from aanbod.indexing import activiteit_reindex
    from aanbod.models import Activiteit, Rooster, Term

    existing = Activiteit.objects.filter(slug__startswith=SLUG_PREFIX).count()
    if existing > size:  # a second run on the same database starts small again
        _shrink(size)
        existing = size
    rng = random.Random(existing)
    shared = _setup_shared(rng)
    terms = {t.code: t.pk for t in Term.objects.all()}
    now = timezone.now()
    for start in range(existing, size, batch):
        numbers = range(start, min(start + batch, size))
        with transaction.atomic():
            created = Activiteit.objects.bulk_create(
                _activity(i, rng, shared[1], now) for i in numbers
            )
            term_links, wijk_links, roosters = [], [], []
            for i, activiteit in zip(numbers, created, strict=True):
                t, w, r = _links(activiteit, i, rng, shared, terms)
                term_links += t
                wijk_links += w
                roosters += r
            Activiteit.terms.through.objects.bulk_create(term_links)
            Activiteit.wijken.through.objects.bulk_create(wijk_links)
            Rooster.objects.bulk_create(roosters)
        activiteit_reindex(ids=[a.pk for a in created])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return max(0, size - existing)


def _shrink(size: int) -> None:
    from django.db import connection, transaction

    extra = "SELECT id FROM aanbod_activiteit WHERE slug LIKE %s ORDER BY id OFFSET %s"
    params = [f"{SLUG_PREFIX}%", size]
    with transaction.atomic(), connection.cursor() as cursor:
        for table in ("aanbod_activiteit_terms", "aanbod_activiteit_wijken", "aanbod_rooster"):
            cursor.execute(f"DELETE FROM {table} WHERE activiteit_id IN ({extra})", params)
        cursor.execute(f"DELETE FROM aanbod_activiteit WHERE id IN ({extra})", params)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "grow" or not argv[1].isdigit():
        print("usage: python -m tests.bench.bench_aanbod_search grow N", file=sys.stderr)
        return 2
    import django

    django.setup()
    added = grow(int(argv[1]))
    print(f"added {added} activities")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
