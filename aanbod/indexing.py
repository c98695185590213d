"""Keeps the derived columns of activities current: search text, search vector, next occurrence.

Call `activiteit_reindex` after every write that changes what an activity says or when it meets;
a nightly task reindexes everything so next_occurrence moves on with the calendar.
"""

import unicodedata
from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.utils import timezone

from .models import Activiteit
from .schedules import next_occurrence


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
            done += _save(batch)
            batch = []
    done += _save(batch)
    return done


def _save(batch: list[Activiteit]) -> int:
    if not batch:
        return 0
    Activiteit.objects.bulk_update(batch, ["search_text", "next_occurrence"])
    if connection.vendor == "postgresql":
        Activiteit.objects.filter(pk__in=[a.pk for a in batch]).update(
            search_vector=SearchVector("name", weight="A", config="dutch")
            + SearchVector("short_description", weight="B", config="dutch")
            + SearchVector("search_text", weight="C", config="dutch")
        )
    return len(batch)
