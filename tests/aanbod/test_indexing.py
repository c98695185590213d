"""The derived search columns: search_text, search_vector and next_occurrence."""

from datetime import date, datetime, time

import pytest
from django.core.cache import cache
from django.db import connection

from aanbod.indexing import SEARCH_VERSION_KEY, activiteit_reindex, normalise, search_version
from aanbod.models import Activiteit, RoosterUitzondering, Term
from tests.aanbod.factories import ActiviteitFactory, LocatieFactory, RoosterFactory
from tests.aanbod.test_search import AMS, NOW
from wijken.models import Wijk

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def test_normalise_lowercases_strips_accents_and_folds_spaces():
    assert normalise("  Crèche\tCAFÉ  Één ") == "creche cafe een"
    assert normalise("") == ""


def test_search_text_holds_everything_a_resident_may_type():
    activiteit = ActiviteitFactory(
        name="Taalcafé",
        short_description="Oefenen met Nederlands praten.",
        description="Koffie en thee staan klaar.",
        organisatie__name="Bibliotheek Gooi",
    )
    activiteit.terms.set(Term.objects.filter(code="nieuwkomers"))
    activiteit.wijken.set(Wijk.objects.filter(slug="hilversumse-meent"))
    RoosterFactory(
        activiteit=activiteit,
        locatie=LocatieFactory(name="Huis van de Buurt", street_address="Zeverijnstraat 1"),
    )
    assert activiteit_reindex(now=NOW) == 1
    text = Activiteit.objects.get().search_text
    for part in [
        "taalcafe",
        "nederlands praten",
        "koffie en thee",
        "bibliotheek gooi",
        "nieuwkomers",
        "hilversumse meent",
        "huis van de buurt",
        "zeverijnstraat 1",
    ]:
        assert part in text


def test_next_occurrence_skips_exceptions_and_is_empty_without_schedules():
    with_schedule = ActiviteitFactory()
    rooster = RoosterFactory(activiteit=with_schedule, dinsdag=True, start_time=time(14, 0))
    RoosterUitzondering.objects.create(
        rooster=rooster, start_date=date(2026, 6, 23), end_date=date(2026, 6, 23)
    )
    without = ActiviteitFactory()
    activiteit_reindex(now=NOW)  # Wednesday 17 June 2026
    with_schedule.refresh_from_db()
    without.refresh_from_db()
    assert with_schedule.next_occurrence == datetime(2026, 6, 30, 14, 0, tzinfo=AMS)
    assert without.next_occurrence is None


def test_reindex_of_some_ids_leaves_the_others_alone():
    first, second = ActiviteitFactory(name="Eerste"), ActiviteitFactory(name="Tweede")
    assert activiteit_reindex(ids=[first.pk], now=NOW) == 1
    assert Activiteit.objects.get(pk=first.pk).search_text.startswith("eerste")
    assert Activiteit.objects.get(pk=second.pk).search_text == ""
    assert activiteit_reindex(ids=[], now=NOW) == 0


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="tsvector is PostgreSQL only")
def test_search_vector_is_dutch_weighted_and_without_accents():
    ActiviteitFactory(name="Wandelgroep Café", short_description="Samen wandelingen maken.")
    activiteit_reindex(now=NOW)
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector::text FROM aanbod_activiteit")
        vector = cursor.fetchone()[0]
    assert "'wandelgroep':1A" in vector
    assert "'caf':2A" in vector  # "café" without its accent, stemmed
    assert "'wandel':" in vector  # "wandelingen", stemmed


def _word_list() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT word FROM aanbod_zoekwoord")
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="the word list is PostgreSQL only")
def test_word_list_gets_new_words_and_a_full_reindex_drops_unused_ones():
    activiteit = ActiviteitFactory(name="Avondwandeling Zuiderpark", short_description="Rustig.")
    activiteit_reindex(ids=[activiteit.pk], now=NOW)
    assert {"avondwandeling", "zuiderpark", "rustig"} <= _word_list()
    assert "de" not in _word_list()  # short words are matched as typed, not via the list
    Activiteit.objects.filter(pk=activiteit.pk).update(name="Breiclub")
    activiteit_reindex(now=NOW)
    words = _word_list()
    assert "breiclub" in words and "avondwandeling" not in words


def test_reindex_makes_cached_search_pages_old():
    cache.delete(SEARCH_VERSION_KEY)
    before = search_version()
    activiteit_reindex(ids=[], now=NOW)
    assert search_version() == before + 1
