"""Dutch text search: stems, prefixes, accents, typos, synonyms and relevance."""

import re
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aanbod.filters import MAX_WORD_VARIANTS, dutch_stem, synonym_sets, text_query, words
from aanbod.models import Synoniem
from tests.aanbod.test_search import make_activity, search

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

postgresql_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="trigram typo search needs PostgreSQL"
)


def found(q: str, extra: str = "") -> list[str]:
    query = urlencode({"q": q}) + extra
    return [a.name for a in search(query).activities]


@pytest.mark.parametrize(
    ("word", "stem"),
    [("wandelen", "wandel"), ("maaltijden", "maaltijd"), ("kopjes", "kop"), ("spel", "spel")],
)
def test_dutch_stem_strips_common_endings(word, stem):
    assert dutch_stem(word) == stem


def test_words_are_lower_case_without_accents_or_punctuation():
    assert words("Taalcafé, ‘Één’ koffie!") == ["taalcafe", "een", "koffie"]


def test_wandelen_finds_the_wandelgroep():
    make_activity("Wandelgroep De Meent")
    make_activity("Schilderen")
    assert found("wandelen") == ["Wandelgroep De Meent"]
    assert found("wandel") == ["Wandelgroep De Meent"]


def test_maaltijden_finds_a_maaltijd():
    make_activity("Samen eten", short_description="Elke week een warme maaltijd.")
    make_activity("Breiclub")
    assert found("maaltijden") == ["Samen eten"]


def test_accents_do_not_matter_either_way():
    make_activity("Café De Ploeg")
    make_activity("Crèche Zonnestraal")
    assert found("cafe") == ["Café De Ploeg"]
    assert found("CAFÉ") == ["Café De Ploeg"]
    assert found("creche") == ["Crèche Zonnestraal"]


def test_a_longer_word_is_found_at_the_end_of_a_compound():
    make_activity("Buurtmaaltijd")
    make_activity("Avondwandeling")
    assert found("maaltijden") == ["Buurtmaaltijd"]
    assert found("wandelen") == ["Avondwandeling"]


def test_text_matches_organisation_and_wijk_names():
    make_activity("Koffie", organisatie__name="Versa Welzijn", wijken=["oost"])
    make_activity("Thee", wijken=["zuid"])
    assert found("versa") == ["Koffie"]
    assert found("koffie oost") == ["Koffie"]
    assert found("thee oost") == []  # every word must match


def test_synonyms_expand_the_search_both_ways():
    Synoniem.objects.create(term="eten", synonyms="maaltijd, diner")
    Synoniem.objects.create(term="ouderen", synonyms="senioren")
    make_activity("Warme maaltijd")
    make_activity("Seniorensoos")
    make_activity("Eten in de wijk")
    make_activity("Jongerencafé")
    assert sorted(found("eten")) == ["Eten in de wijk", "Warme maaltijd"]
    assert sorted(found("diners")) == ["Eten in de wijk", "Warme maaltijd"]
    assert found("ouderen") == ["Seniorensoos"]


def test_synonym_lines_become_sets_of_normalised_words():
    rows = [
        Synoniem(term="Eten", synonyms="maaltijd,  Samen Eten ,"),
        Synoniem(term="leeg", synonyms=" , "),
    ]
    assert synonym_sets(rows) == [{"eten", "maaltijd", "samen eten"}]
    tq = text_query("etentje", synonym_sets(rows))
    assert tq.groups == (("etentje", "eten", "maaltijd", "samen eten"),)
    assert text_query("meten", synonym_sets(rows)).groups == (("meten",),)
    tq = text_query("maaltijden", synonym_sets(rows))
    assert tq.groups == (("maaltijden", "eten", "maaltijd", "samen eten"),)


def test_text_with_only_punctuation_is_no_text_search():
    make_activity("Wandelgroep")
    assert found("?!  --") == ["Wandelgroep"]


def test_name_matches_rank_above_description_matches():
    make_activity("Buurtkamer", short_description="Met af en toe een wandeling.")
    make_activity("Wandelclub", short_description="Elke week.")
    assert found("wandelen") == ["Wandelclub", "Buurtkamer"]


def test_text_search_combines_with_filters():
    make_activity("Wandelgroep Oost", wijken=["oost"])
    make_activity("Wandelgroep Zuid", wijken=["zuid"])
    assert found("wandelen", "&wijk=zuid") == ["Wandelgroep Zuid"]


@postgresql_only
def test_small_typo_still_finds_it():
    make_activity("Samen eten", short_description="Elke week een warme maaltijd.")
    make_activity("Wandelgroep")
    assert found("maaltyd") == ["Samen eten"]
    assert found("wandelgrop") == ["Wandelgroep"]


@postgresql_only
def test_short_words_are_not_matched_loosely():
    make_activity("Bloeddruk meten")
    assert found("eten") == []


@postgresql_only
def test_search_vector_ignores_accents_in_the_name():
    make_activity("Taalcafé")
    result = search("q=taalcafe")
    assert result.activities[0].name == "Taalcafé"
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector::text FROM aanbod_activiteit")
        assert "'taalcaf':1A" in cursor.fetchone()[0]


@postgresql_only
def test_compounds_are_not_crowded_out_by_words_the_prefix_already_finds():
    # More words that start with "wandel" than the word list may add: the prefix wandel:*
    # finds them all by itself, so the room goes to words it cannot find.
    for i in range(MAX_WORD_VARIANTS + 5):
        make_activity(f"Wandel{chr(97 + i // 26)}{chr(97 + i % 26)}")
    make_activity("Avondwandeling")
    assert search("q=wandelen").total == MAX_WORD_VARIANTS + 6
    assert _tsquery_of("wandelen") == "(wandelen:*) | (avondwandeling:*)"


@postgresql_only
def test_a_word_with_compounds_is_not_matched_loosely():
    make_activity("Wandelgroep")
    make_activity("Handel en wandel")
    make_activity("Handelsbeurs")
    assert sorted(found("wandelen")) == ["Handel en wandel", "Wandelgroep"]


def _tsquery_of(q: str) -> str:
    with CaptureQueriesContext(connection) as queries:
        search(urlencode({"q": q}))
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    return re.search(r"to_tsquery\('dutch'::regconfig, '([^']*)'\)", sql).group(1)
