"""Keeps the derived columns of activities current: search text, search vector, next occurrence.

Call `activiteit_reindex` after every write that changes what an activity says or when it meets;
a nightly task reindexes everything so next_occurrence moves on with the calendar.

On PostgreSQL it also keeps the facet keys (aanbod/facet_keys.py) and the word list
`aanbod_zoekwoord` (migration 0004): every word of the search texts, so that the search can
find typos and words inside compounds there, in a small table, instead of comparing each
activity's whole text.
"""

import logging
import unicodedata
from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F, Func
from django.utils import timezone

from .facet_keys import facet_keys_refresh
from .models import Activiteit
from .schedules import next_occurrence

logger = logging.getLogger(__name__)

# Part of the cache key of search pages: raising it makes every cached page old at once.
SEARCH_VERSION_KEY = "aanbod:zoek:versie"


def search_version() -> int:
    """The current version of the search data (1 when the cache holds none yet)."""
    try:
        return cache.get_or_set(SEARCH_VERSION_KEY, 1, timeout=None)
    except Exception:  # a cache that is down must not break the search
        logger.warning("cache unavailable, search version unknown", exc_info=True)
        return 0


def search_version_bump() -> None:
    """Make cached search pages old: call after any change to what the search can show."""
    try:
        cache.add(SEARCH_VERSION_KEY, 1, timeout=None)
        cache.incr(SEARCH_VERSION_KEY)
    except Exception:
        logger.warning("cache unavailable, search pages may stay old briefly", exc_info=True)


def normalise(text: str) -> str:
    """Lowercase, accents removed, whitespace folded: "Crèche  Café" → "creche cafe"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.lower().split())


def _search_text(activiteit: Activiteit) -> str:
    parts = [
        activiteit.name,
        activiteit.short_description,
        activiteit.description,
        activiteit.organisatie.name,
        *(term.label for term in activiteit.terms.all()),
        *(wijk.name for wijk in activiteit.wijken.all()),
    ]
    for rooster in activiteit.roosters.all():
        if rooster.locatie:
            parts += [rooster.locatie.name, rooster.locatie.street_address]
    return normalise(" ".join(p for p in parts if p))


def activiteit_reindex(*, ids: Iterable[int] | None = None, now=None) -> int:
    """Recompute search text, search vector and next occurrence; return how many were done."""
    now = now or timezone.now()
    queryset = Activiteit.objects.select_related("organisatie").prefetch_related(
        "terms", "wijken", "roosters__locatie", "roosters__uitzonderingen"
    )
    if ids is not None:
        queryset = queryset.filter(pk__in=list(ids))
    done = 0
    batch: list[Activiteit] = []
    for activiteit in queryset.iterator(chunk_size=500):
        activiteit.search_text = _search_text(activiteit)
        activiteit.next_occurrence = next_occurrence(activiteit.roosters.all(), after=now)
        batch.append(activiteit)
        if len(batch) >= 500:
            done += _save(batch, now)
            batch = []
    done += _save(batch, now)
    if ids is None and connection.vendor == "postgresql":
        _rebuild_words()
    search_version_bump()
    return done


def passed_reindex(*, now=None) -> int:
    """Move the stored next occurrence on for activities whose stored one has passed.

    Between nightly reindexes an activity of this morning would otherwise still sort first on
    the search page (by its stored next time) and count under "Vandaag" all day. Only the few
    rows that passed are touched, and cached search pages are made old only when there were any.
    """
    now = now or timezone.now()
    ids = list(Activiteit.objects.filter(next_occurrence__lt=now).values_list("pk", flat=True))
    return activiteit_reindex(ids=ids, now=now) if ids else 0


def _unaccent(field: str) -> Func:
    return Func(F(field), function="unaccent")


def _save(batch: list[Activiteit], now) -> int:
    if not batch:
        return 0
    Activiteit.objects.bulk_update(batch, ["search_text", "next_occurrence"])
    if connection.vendor == "postgresql":
        # Accents removed everywhere (unaccent, migration 0004), as in search_text and queries.
        Activiteit.objects.filter(pk__in=[a.pk for a in batch]).update(
            search_vector=SearchVector(_unaccent("name"), weight="A", config="dutch")
            + SearchVector(_unaccent("short_description"), weight="B", config="dutch")
            + SearchVector("search_text", weight="C", config="dutch")
        )
        with connection.cursor() as cursor:
            cursor.execute(_ADD_WORDS + " WHERE id = ANY(%s)" + _NEW, [[a.pk for a in batch]])
        facet_keys_refresh(now=now, ids=[a.pk for a in batch])
    return len(batch)


# Words of four letters and more; shorter ones are only ever matched as they are typed.
_ADD_WORDS = (
    "INSERT INTO aanbod_zoekwoord (word) SELECT DISTINCT w FROM aanbod_activiteit,"
    " regexp_split_to_table(search_text, '[^[:alnum:]]+') AS w"
)
_NEW = " AND length(w) >= 4 ON CONFLICT DO NOTHING"


@transaction.atomic
def _rebuild_words() -> None:
    # Only a full reindex drops words that no activity uses any more.
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM aanbod_zoekwoord")
        cursor.execute(_ADD_WORDS + " WHERE TRUE" + _NEW)
