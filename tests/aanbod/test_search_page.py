"""The search page /aanbod/: markup, htmx partial, bad input and the query budget."""

import re
from datetime import time, timedelta
from decimal import Decimal
from unittest.mock import patch

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanbod import tasks
from aanbod.indexing import activiteit_reindex, search_version
from aanbod.models import Synoniem
from tests.aanbod.test_search import NOW, frozen, make_activity

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

URL = "/aanbod/"


def get(client, query="", **headers):
    activiteit_reindex(now=NOW)
    with frozen():
        return client.get(URL + ("?" + query if query else ""), headers=headers)


def result_names(html: str) -> list[str]:
    return re.findall(r'<h3 class="h5 card-title"><a href="[^"]*">([^<]*)</a>', html)


def test_search_page_is_the_aanbod_index_of_the_header():
    assert reverse("aanbod:index") == URL


def test_result_shows_name_link_organisation_wijk_next_time_cost_and_form(client):
    make_activity(
        "Koffieochtend",
        slug="koffieochtend",
        wijken=["oost", "centrum"],
        terms=["op-locatie"],
        days=["vrijdag"],
        start=time(14, 0),
        organisatie__name="Versa Welzijn",
        is_free=False,
        cost_amount=Decimal("2.50"),
        cost_description="koffie inbegrepen",
    )
    make_activity("Luisterlijn", heel_hilversum=True, terms=["telefonisch"])
    html = get(client).content.decode()
    assert '<a href="/aanbod/koffieochtend/">Koffieochtend</a>' in html
    assert "Versa Welzijn" in html
    assert "Centrum, Oost" in html
    assert "Heel Hilversum" in html
    assert "vr 19 juni 14:00" in html  # local time, Dutch day and month
    assert 'datetime="2026-06-19T14:00:00+02:00"' in html
    assert "€&nbsp;2,50 (koffie inbegrepen)" in html
    assert "Op locatie" in html and "Telefonisch" in html
    assert "Gratis" in html


def test_page_is_a_get_form_with_fieldsets_and_a_live_result_count(client):
    make_activity("Wandelgroep", wijken=["oost"])
    html = get(client, "wijk=oost").content.decode()
    assert re.search(r'<form id="zoeken" method="get" action="/aanbod/" novalidate', html)
    assert ">Toon resultaten</button>" in html
    assert html.count("<fieldset") == 11 and html.count("<legend") == 11
    assert '<label for="id_q"' in html
    assert re.search(r'id="aantal"[^>]*role="status" aria-live="polite"', html)
    assert "1 activiteit gevonden" in html
    assert 'id="f-wijk-oost" checked' in html
    assert 'hx-get="/aanbod/"' in html and 'hx-push-url="true"' in html
    assert "<script>" not in html  # no inline scripts: a strict CSP comes later


def test_htmx_request_gets_results_with_count_and_filters_out_of_band(client):
    make_activity("Wandelgroep", wijken=["oost"])
    response = get(client, "wijk=oost", HX_Request="true")
    html = response.content.decode()
    assert "<html" not in html
    assert result_names(html) == ["Wandelgroep"]
    assert '<p id="aantal" hx-swap-oob="innerHTML">1 activiteit gevonden' in html
    assert '<div id="filters" hx-swap-oob="innerHTML">' in html
    assert "HX-Request" in response["Vary"]


def test_htmx_history_restore_gets_the_whole_page(client):
    html = get(client, "", HX_Request="true", HX_History_Restore_Request="true").content.decode()
    assert "<html" in html


def test_unknown_filter_value_is_ignored_with_a_visible_note(client):
    make_activity("In Oost", wijken=["oost"])
    make_activity("In Zuid", wijken=["zuid"])
    html = get(client, "wijk=oost&wijk=atlantis").content.decode()
    assert "Onbekende keuze genegeerd: wijk=atlantis" in html
    assert result_names(html) == ["In Oost"]


def test_very_long_text_is_cut_not_refused(client):
    make_activity("Wandelgroep")
    response = get(client, "q=" + "wandel" * 900)  # 5,400 characters
    assert response.status_code == 200
    match = re.search(r'name="q" id="id_q" value="([^"]*)"', response.content.decode())
    assert len(match.group(1)) == 200


def test_page_past_the_end_shows_the_last_page_and_nonsense_shows_the_first(client):
    for i in range(25):
        make_activity(f"Activiteit {i:02d}")
    last = get(client, "pagina=7").content.decode()
    assert len(result_names(last)) == 5
    assert "Pagina 2 van 2" in last
    assert 'href="?pagina=1">Vorige pagina' in last
    first = get(client, "pagina=abc").content.decode()
    assert len(result_names(first)) == 20
    assert "?pagina=2" in first


def test_paging_links_keep_the_filters(client):
    for i in range(21):
        make_activity(f"Oost {i:02d}", wijken=["oost"])
    html = get(client, "wijk=oost&q=oost").content.decode()
    assert 'href="?q=oost&amp;wijk=oost&amp;pagina=2"' in html


HOSTILE = [
    "q=%00",
    "q=caf%C3%A9%00%01%02",
    "q=%27%3B%20DROP%20TABLE%20aanbod_activiteit%3B--",
    "q=%22%20OR%201%3D1%20--",
    "q=a%3A*%20%26%20!b%20%7C%20(c",  # to_tsquery operators
    "q=%25%25%25_%5C",
    "q=%F0%9F%98%80%20%D9%85%D8%B1%D8%AD%D8%A8%D8%A7%20%E6%97%A5%E6%9C%AC",  # emoji, Arabic, CJK
    "q=%ED%A0%80",  # a lone surrogate, not valid UTF-8
    "q=" + "x%20" * 3000,
    "wijk=%00&doelgroep=%27%3B--&dag=" + "9" * 100,
    "pagina=-1",
    "pagina=" + "9" * 10000,
    "pagina=1e9",
    "pagina=%00",
    "pagina=%D9%A3",  # Arabic-Indic three
    "wanneer=vandaag&wanneer=deze-week&wanneer=gisteren",
    "kosten=gratis&kosten=duur&" + "&".join(f"wijk=w{i}" for i in range(500)),
    "q[]=x&wijk[]=oost&%00=%00",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_input_never_gives_an_error(client, query):
    make_activity("Wandelgroep", wijken=["oost"], days=["maandag"])
    Synoniem.objects.create(term="eten", synonyms="maaltijd, samen eten")
    response = get(client, query)
    assert response.status_code == 200
    assert "activiteit" in response.content.decode()


@pytest.mark.parametrize("number", [3, 30])
def test_query_count_does_not_grow_with_the_results(client, django_assert_max_num_queries, number):
    for i in range(number):
        make_activity(
            f"Wandelgroep {i}",
            wijken=["oost", "centrum"],
            terms=["senioren", "op-locatie"],
            days=["maandag", "donderdag"],
        )
    activiteit_reindex(now=NOW)
    # Wijken, terms, synonyms, the word list and "SET LOCAL jit = off" (PostgreSQL only), the
    # facet query, the page, and the wijk names and forms of its results: 9 (7 on SQLite).
    # The stored next times are current, so no schedule is read.
    with frozen(), django_assert_max_num_queries(9):
        response = client.get(URL + "?q=wandelen&wijk=oost&doelgroep=senioren&dag=ma")
    assert len(result_names(response.content.decode())) == min(number, 20)


@pytest.mark.parametrize("number", [3, 30])
def test_a_next_time_that_has_passed_is_worked_out_again_in_two_queries(
    client, django_assert_max_num_queries, number
):
    for i in range(number):
        make_activity(f"Wandelgroep {i}", wijken=["oost"], days=["maandag", "donderdag"])
    activiteit_reindex(now=NOW)  # Wednesday 17 June: next is Thursday 18 June 14:00
    later = NOW + timedelta(days=2)  # Friday 19 June, before the nightly reindex
    # As above, plus the schedules of the results and their exceptions: 11 (9 on SQLite).
    with frozen(later), django_assert_max_num_queries(11):
        html = client.get(URL + "?wijk=oost").content.decode()
    assert len(result_names(html)) == min(number, 20)
    assert "do 18 juni" not in html
    assert html.count("ma 22 juni 14:00") == min(number, 20)


def test_a_repeated_search_is_served_from_the_cache(client, django_assert_num_queries):
    make_activity("Wandelgroep", wijken=["oost"])
    first = get(client, "wijk=oost&q=wandelen").content.decode()
    with frozen(), django_assert_num_queries(0):
        again = client.get(URL + "?q=wandelen&wijk=oost&utm_source=nieuwsbrief")
    # The page's main part; the header's language link keeps each request's own query string.
    assert again.content.decode().split("<main")[1] == first.split("<main")[1]


def test_a_reindex_makes_cached_searches_old(client):
    make_activity("Wandelgroep", wijken=["oost"])
    assert result_names(get(client, "wijk=oost").content.decode()) == ["Wandelgroep"]
    make_activity("Koffieochtend", wijken=["oost"])
    activiteit_reindex(now=NOW)  # what every service that changes an activity does
    with frozen():
        html = client.get(URL + "?wijk=oost").content.decode()
    assert len(result_names(html)) == 2


def test_a_changed_synonym_list_shows_at_once_despite_the_cache(client, kartrekker_user):
    make_activity("Warme maaltijd")
    assert result_names(get(client, "q=eten").content.decode()) == []
    client.force_login(kartrekker_user)
    client.post("/werkruimte/aanbod/synoniemen/", {"term": "eten", "synonyms": "maaltijd"})
    client.logout()
    assert result_names(get(client, "q=eten").content.decode()) == ["Warme maaltijd"]


def test_search_still_works_when_the_cache_is_down(client):
    make_activity("Wandelgroep")
    with patch("aanbod.views.search.cache") as broken:
        broken.get.side_effect = ConnectionError("redis is down")
        html = get(client).content.decode()
    assert result_names(html) == ["Wandelgroep"]


def test_without_cache_seconds_every_search_runs_again(client, settings):
    settings.AANBOD_SEARCH_CACHE_SECONDS = 0
    make_activity("Wandelgroep")
    get(client)
    with frozen(), CaptureQueriesContext(connection) as queries:
        client.get(URL)
    assert len(queries) >= 5


def test_the_folder_of_each_chosen_wijk_is_offered_with_the_results(client):
    links = re.compile(r'<a href="(/aanbod/wijk/[^"]+/folder\.pdf)">folder van ([^<]+)</a>')
    assert links.findall(get(client).content.decode()) == []  # the home page lists them all
    chosen = get(client, "wijk=oost&wijk=centrum&wijk=atlantis").content.decode()
    assert "Liever op papier? Print de folder met alle activiteiten in de wijk" in chosen
    assert links.findall(chosen) == [
        ("/aanbod/wijk/centrum/folder.pdf", "Centrum"),
        ("/aanbod/wijk/oost/folder.pdf", "Oost"),
    ]
    # Also in the part htmx swaps in when the filters change.
    partial = get(client, "wijk=oost", **{"HX-Request": "true"}).content.decode()
    assert links.findall(partial) == [("/aanbod/wijk/oost/folder.pdf", "Oost")]


def test_an_activity_that_passed_today_moves_on_within_ten_minutes(client):
    make_activity("Ochtendkoffie", wijken=["oost"], days=["woensdag"], start=time(10, 0))
    make_activity("Wandelgroep", wijken=["oost"], days=["donderdag"])
    activiteit_reindex(now=NOW)  # Wednesday 09:00: coffee at 10:00 today, the walk tomorrow
    with frozen():
        assert result_names(get(client, "wijk=oost").content.decode())[0] == "Ochtendkoffie"
    later = NOW + timedelta(hours=2)  # 11:00, the coffee is over
    assert tasks.reindex_passed(now=later) == 1  # what beat runs every 10 minutes
    with frozen(later):
        html = client.get(URL + "?wijk=oost").content.decode()
        today = client.get(URL + "?wijk=oost&wanneer=vandaag").content.decode()
    assert result_names(html) == ["Wandelgroep", "Ochtendkoffie"]
    assert "wo 24 juni 10:00" in html
    assert result_names(today) == []


def test_moving_on_with_nothing_passed_keeps_the_cached_searches(client):
    make_activity("Wandelgroep", wijken=["oost"], days=["donderdag"])
    activiteit_reindex(now=NOW)
    version = search_version()
    assert tasks.reindex_passed(now=NOW + timedelta(hours=1)) == 0
    assert search_version() == version
