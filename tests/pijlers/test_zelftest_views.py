"""The self-check pages: the form, the result straight from the POST, suggestions, bad input."""

import re

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanbod.constants import Moderatie
from aanbod.indexing import activiteit_reindex
from aanbod.models import Term
from pijlers.zelftest import VRAGEN
from tests.aanbod.factories import ActiviteitFactory, RoosterFactory
from wijken.models import Wijk

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

FORM_URL = "/zelftest/"
RESULT_URL = "/zelftest/uitslag/"
NAMES = [v.name for v in VRAGEN]
EMOTIONEEL = [v.name for v in VRAGEN if v.soort == "emotioneel"]
SOCIAAL = [v.name for v in VRAGEN if v.soort == "sociaal"]
NOT_LONELY = {**dict.fromkeys(EMOTIONEEL, "nee"), **dict.fromkeys(SOCIAAL, "ja")}
# Social loneliness only: "nee" to all social statements, nothing emotional (score 3, matig).
SOCIAL_ONLY = {**dict.fromkeys(EMOTIONEEL, "nee"), **dict.fromkeys(SOCIAAL, "nee")}
# Emotional loneliness only (score 3, matig).
EMOTIONAL_ONLY = {**dict.fromkeys(EMOTIONEEL, "ja"), **dict.fromkeys(SOCIAAL, "ja")}
ALL_LONELY = {**dict.fromkeys(EMOTIONEEL, "ja"), **dict.fromkeys(SOCIAAL, "nee")}


def activity(name, *, terms=(), wijken=(), heel_hilversum=False):
    activiteit = ActiviteitFactory(name=name, slug=name.lower().replace(" ", "-"))
    activiteit.heel_hilversum = heel_hilversum
    activiteit.save(update_fields=["heel_hilversum"])
    activiteit.terms.set(Term.objects.filter(code__in=terms))
    activiteit.wijken.set(Wijk.objects.filter(slug__in=wijken))
    activiteit_reindex(ids=[activiteit.pk])  # as the services do after every change
    return activiteit


def post(client, data):
    return client.post(RESULT_URL, data)


def text(response) -> str:
    return response.content.decode()


def checked(html: str, name: str) -> list[str]:
    return re.findall(rf'name="{name}" value="([^"]*)"[^>]* checked', html)


def test_urls_are_the_zelftest_namespace():
    assert reverse("zelftest:index") == FORM_URL
    assert reverse("zelftest:uitslag") == RESULT_URL


def test_form_has_six_statements_as_fieldsets_with_three_radio_answers(client):
    html = text(client.get(FORM_URL))
    for vraag in VRAGEN:
        assert f"{vraag.text}</legend>" in html, vraag.name
        for index, value in enumerate(["nee", "min-of-meer", "ja"]):
            assert f'name="{vraag.name}" value="{value}" class="form-check-input"' in html
            assert f'for="id_{vraag.name}_{index}"' in html
    assert html.count("<fieldset") == 7 and html.count("<legend") == 7  # 6 + age group
    assert html.count('type="radio"') == 6 * 3 + 5
    assert ">Nee</label>" in html and ">Min of meer</label>" in html and ">Ja</label>" in html


def test_form_posts_with_csrf_to_the_result_and_lets_the_server_validate(client):
    html = text(client.get(FORM_URL))
    assert re.search(r'<form method="post" action="/zelftest/uitslag/" novalidate>', html)
    assert 'name="csrfmiddlewaretoken"' in html
    assert "Bekijk de uitslag</button>" in html


def test_age_group_and_wijk_are_marked_optional_and_labelled_above_the_field(client):
    html = text(client.get(FORM_URL))
    assert "Hoe oud bent u? <span" in html
    assert html.count("(niet verplicht)") >= 3
    assert html.index('for="id_wijk"') < html.index('<select name="wijk"')
    assert checked(html, "leeftijd") == [""]  # "Zeg ik liever niet" until one chooses
    assert "geen diagnose" in html
    assert "We bewaren uw antwoorden niet" in html


def test_result_is_rendered_from_the_post_without_a_redirect(client):
    response = post(client, SOCIAL_ONLY)
    assert response.status_code == 200
    html = text(response)
    assert "<h1>Uitslag van de zelftest</h1>" in html
    assert "Uw score is 3 van de 6. Dat betekent: u voelt zich <strong>matig eenzaam</strong>." in (
        html
    )
    assert "sociale eenzaamheid" in html
    assert "U mist nu geen hechte band met iemand." in html


@pytest.mark.parametrize(
    ("answers", "words"),
    [
        (NOT_LONELY, "niet eenzaam"),
        (ALL_LONELY, "sterk eenzaam"),
    ],
)
def test_result_names_the_category_in_plain_words(client, answers, words):
    html = text(post(client, answers))
    assert f"u voelt zich <strong>{words}</strong>" in html


def test_result_says_it_is_not_a_diagnosis_and_points_to_luisterlijn_and_meldpunt(client):
    html = text(post(client, ALL_LONELY))
    assert "Dit is geen diagnose" in html
    assert 'href="tel:+31880767000">088 0767 000</a>' in html
    assert 'href="/meldpunt/?over=zelf">meldpunt eenzaamheid</a>' in html
    assert 'href="tel:08000113"' in html
    assert 'href="/zelftest/"' in html  # do it again


def test_one_skipped_question_still_gives_a_result_and_says_so(client):
    answers = {**ALL_LONELY, "leegte": ""}
    html = text(post(client, answers))
    assert "Uw score is 5 van de 6" in html
    assert "U hebt één vraag overgeslagen" in html
    # The emotional subscale lacks an answer: no statement about it.
    emotional = html.split('id="zelftest-emotioneel">')[1].split("</p>")[0]
    assert "kunnen we niets zeggen" in emotional


def test_social_loneliness_suggests_social_activities(client):
    activity("Wandelclub", terms=["sociaal"], heel_hilversum=True)
    activity("Rouwgroep", terms=["emotioneel"], heel_hilversum=True)
    html = text(post(client, SOCIAL_ONLY))
    assert 'href="/aanbod/wandelclub/">Wandelclub</a>' in html
    assert "Rouwgroep" not in html
    assert 'href="/aanbod/?soort=sociaal">Bekijk deze activiteit op de sociale kaart</a>' in html


def test_emotional_loneliness_suggests_emotional_activities(client):
    activity("Wandelclub", terms=["sociaal"], heel_hilversum=True)
    activity("Rouwgroep", terms=["emotioneel"], heel_hilversum=True)
    html = text(post(client, EMOTIONAL_ONLY))
    assert "Rouwgroep" in html and "Wandelclub" not in html
    assert 'href="/aanbod/?soort=emotioneel"' in html


def test_age_group_and_wijk_narrow_the_suggestions_and_the_link(client):
    activity("Senioren in Oost", terms=["sociaal", "senioren"], wijken=["oost"])
    activity("Voor iedereen overal", terms=["sociaal", "iedereen"], heel_hilversum=True)
    activity("Senioren in Zuid", terms=["sociaal", "senioren"], wijken=["zuid"])
    activity("Jongeren in Oost", terms=["sociaal", "jongeren"], wijken=["oost"])
    html = text(post(client, {**SOCIAL_ONLY, "leeftijd": "65-74", "wijk": "oost"}))
    assert "Senioren in Oost" in html and "Voor iedereen overal" in html
    assert "Senioren in Zuid" not in html and "Jongeren in Oost" not in html
    assert (
        'href="/aanbod/?soort=sociaal&amp;doelgroep=senioren&amp;doelgroep=iedereen&amp;wijk=oost"'
        ">Bekijk alle 2 activiteiten op de sociale kaart</a>"
    ) in html
    assert "Passend bij: sociale eenzaamheid, 65 tot 75 jaar, wijk Oost." in html


def test_at_most_three_suggestions_with_the_count_of_all(client):
    for n in range(5):
        activity(f"Koffie {n}", terms=["sociaal"], heel_hilversum=True)
    html = text(post(client, SOCIAL_ONLY))
    assert len(re.findall(r'<h4 class="h5 card-title">', html)) == 3
    assert "Bekijk alle 5 activiteiten op de sociale kaart" in html


def test_without_matching_activities_the_result_links_to_the_whole_sociale_kaart(client):
    html = text(post(client, {**EMOTIONAL_ONLY, "wijk": "landelijk-gebied"}))
    assert "We vonden geen activiteit die precies past" in html
    assert 'href="/aanbod/">sociale kaart</a>' in html


def test_not_lonely_suggests_any_activity(client):
    activity("Wandelclub", terms=["sociaal"], heel_hilversum=True)
    activity("Zonder soort", heel_hilversum=True)
    html = text(post(client, NOT_LONELY))
    assert "Wandelclub" in html and "Zonder soort" in html
    assert "Passend bij:" not in html


def test_activities_that_are_not_public_are_never_suggested(client):
    waiting = activity("Wacht nog", terms=["sociaal"], heel_hilversum=True)
    waiting.moderatie = Moderatie.WACHT
    waiting.save(update_fields=["moderatie"])
    html = text(post(client, SOCIAL_ONLY))
    assert "Wacht nog" not in html


# It stores nothing.

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE", "CREATE", "ALTER", "DROP", "TRUNCATE")


def test_the_self_check_writes_nothing_to_the_database(client):
    activity("Wandelclub", terms=["sociaal"], heel_hilversum=True)
    with CaptureQueriesContext(connection) as queries:
        client.get(FORM_URL)
        post(client, {**ALL_LONELY, "leeftijd": "75-plus", "wijk": "oost"})
        post(client, {"leegte": "nooit"})  # and the form with errors
    statements = [q["sql"].lstrip().split(None, 1)[0].upper() for q in queries.captured_queries]
    assert statements, "expected the reads of the form and the suggestions"
    assert not [s for s in statements if s in WRITES]
    assert set(statements) <= {"SELECT", "WITH", "SET"}  # SET LOCAL jit=off of the search
    assert not Session.objects.exists()


def test_no_cookie_but_csrf_and_no_session_even_with_csrf_checks_on():
    client = Client(enforce_csrf_checks=True)
    form = client.get(FORM_URL)
    assert set(form.cookies) == {"csrftoken"}
    token = client.cookies["csrftoken"].value
    response = client.post(RESULT_URL, {**ALL_LONELY, "csrfmiddlewaretoken": token})
    assert "Uitslag van de zelftest" in text(response)
    assert set(response.cookies) <= {"csrftoken"}
    assert "sessionid" not in client.cookies
    assert not Session.objects.exists()


def test_a_post_without_the_csrf_token_is_refused_and_shows_no_result():
    client = Client(enforce_csrf_checks=True)
    response = client.post(RESULT_URL, ALL_LONELY)
    assert response.status_code == 403
    assert "Uitslag van de zelftest" not in text(response)


def test_pages_are_not_cached_and_the_result_is_not_indexed(client):
    for response in [client.get(FORM_URL), post(client, ALL_LONELY)]:
        assert "no-store" in response["Cache-Control"]
    assert post(client, ALL_LONELY)["X-Robots-Tag"] == "noindex"


def test_answers_never_appear_in_a_url(client):
    html = text(post(client, {**ALL_LONELY, "leeftijd": "75-plus"}))
    for href in re.findall(r'href="([^"]*)"', html):
        for name in NAMES:
            assert name not in href, href


# Bad input: a Dutch message, what was chosen kept, never a 500.


def test_a_get_of_the_result_url_shows_the_empty_form_with_a_dutch_note(client):
    response = client.get(RESULT_URL + "?leegte=ja")
    assert response.status_code == 200
    html = text(response)
    assert "Vul eerst de vragen in" in html
    assert "Uitslag van de zelftest" not in html
    assert checked(html, "leegte") == []  # answers in a URL are not taken over


def test_two_skipped_questions_show_the_form_again_with_the_answers_kept(client):
    data = {**ALL_LONELY, "leeftijd": "75-plus", "wijk": "oost"}
    del data["leegte"], data["verbonden"]
    response = post(client, data)
    html = text(response)
    assert response.status_code == 200
    assert "<title>Fout: Zelftest" in html
    assert 'id="foutmeldingen"' in html
    assert "U hebt 4 vragen beantwoord. Beantwoord er minstens 5 van de 6." in html
    assert 'href="#id_leegte_0"' in html and 'href="#id_verbonden_0"' in html
    assert checked(html, "terugvallen") == ["nee"]
    assert checked(html, "mensen_missen") == ["ja"]
    assert checked(html, "leeftijd") == ["75-plus"]
    assert '<option value="oost" selected>' in html
    assert 'aria-describedby="id_leegte-fout"' in html


@pytest.mark.parametrize(
    "tampered",
    [
        {"leegte": "misschien"},
        {"leegte": ["ja", "<script>"]},
        {"vertrouwen": "x" * 10000},
        {"verbonden": "ja\x00"},
        {"leeftijd": "-1"},
        {"wijk": "../../etc/passwd"},
    ],
)
def test_tampered_fields_get_a_dutch_message_and_keep_the_other_answers(client, tampered):
    response = post(client, {**ALL_LONELY, **tampered})
    assert response.status_code == 200
    html = text(response)
    assert 'id="foutmeldingen"' in html
    assert re.search(r"Kies (nee, min of meer of ja|een van de leeftijden|een wijk)", html)
    assert "<script>" not in html
    kept = [name for name in NAMES if name not in tampered]
    for name in kept:
        assert checked(html, name) == [ALL_LONELY[name]], name


def test_unknown_extra_fields_are_ignored(client):
    html = text(post(client, {**NOT_LONELY, "score": "6", "uitslag": "sterk"}))
    assert "u voelt zich <strong>niet eenzaam</strong>" in html


def test_the_form_page_refuses_a_post_and_the_result_other_methods(client):
    assert client.post(FORM_URL, ALL_LONELY).status_code == 405
    assert client.put(RESULT_URL).status_code == 405


# Query budget: the result page costs the same, however many activities match.


def _result_queries(client, matching: int) -> int:
    for n in range(matching):
        found = activity(
            f"Ontmoeting {matching}-{n}", terms=["sociaal", "senioren"], wijken=["oost"]
        )
        RoosterFactory(activiteit=found)
        activiteit_reindex(ids=[found.pk])
    with CaptureQueriesContext(connection) as queries:
        response = post(client, {**SOCIAL_ONLY, "leeftijd": "65-74", "wijk": "oost"})
    assert f"Bekijk {'alle ' if matching > 1 else ''}" in text(response)
    return len(queries.captured_queries)


def test_result_page_query_count_does_not_grow_with_the_number_of_activities(
    client, django_assert_max_num_queries
):
    few = _result_queries(client, 1)
    many = _result_queries(client, 6)
    assert few == many
    # Wijken of the form; wijken and terms of the search; on PostgreSQL jit off; the facet
    # counts; the page of activities and its four prefetches (wijken, terms, schedules and their
    # exceptions): 10 on PostgreSQL, 9 on SQLite.
    with django_assert_max_num_queries(10):
        post(client, {**SOCIAL_ONLY, "leeftijd": "65-74", "wijk": "oost"})
