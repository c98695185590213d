import re
import time
from unittest.mock import patch

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from meldpunt.forms import started_token
from meldpunt.models import Melding, Uitbericht
from tests.meldpunt.conftest import form_data

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

URL = "/meldpunt/"


def send(client, ip="192.0.2.10", **overrides):
    return client.post(URL, form_data(**overrides), REMOTE_ADDR=ip)


def test_the_header_links_to_the_form_and_the_form_asks_the_eight_questions(client):
    assert reverse("meldpunt:index") == URL
    html = client.get(URL).content.decode()
    for question in [
        "Over wie gaat uw melding?",
        "Wie bent u?",
        "Is er direct gevaar?",
        "Waar woont de persoon om wie het gaat?",
        "Wat merkt u?",
        "Weet de persoon dat u dit meldt?",
        "Gegevens van de persoon om wie het gaat",
        "Uw gegevens",
        "Ik ga akkoord met de privacyverklaring",
    ]:
        assert question in html, question
    assert "novalidate" in html
    assert 'href="/privacy/"' in html
    assert f'href="{URL}"' in html  # the header's "Meldpunt" link


def test_help_numbers_are_on_the_page_without_javascript(client):
    html = client.get(URL).content.decode()
    box = html.split('id="meldpunt-nood"')[1].split("</div>")[0]
    assert 'href="tel:112"' in box
    assert "113 Zelfmoordpreventie" in box and "0800 0113" in box
    assert 'href="tel:08000113"' in box


def test_groups_of_choices_are_fieldsets_with_a_legend_and_labels_sit_above_fields(client):
    html = client.get(URL).content.decode()
    assert html.count("<fieldset") >= 9
    about = html.split('<legend class="fs-5 fw-semibold mb-1">Over wie gaat uw melding?')[1]
    assert 'id="id_about_0"' in about.split("</fieldset>")[0]
    assert html.index('for="id_postcode"') < html.index('name="postcode"')
    assert "Uw e-mailadres (niet verplicht)" in html


def test_valid_melding_is_stored_and_the_browser_goes_to_the_thank_you_page(client, postcodes):
    response = send(client)
    melding = Melding.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("meldpunt:bedankt", args=[melding.reference])
    assert melding.buurtteam.slug == "noordoost"
    assert sorted(melding.signalen.values_list("code", flat=True)) == [
        "trekt-zich-terug",
        "weinig-contact",
    ]


def test_anonymous_melding_is_accepted(client, postcodes):
    send(client, reporter_name="", reporter_email="", reporter_phone="")
    melding = Melding.objects.get()
    assert melding.melder.email == melding.melder.name == ""


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"about": None}, "about", "Kies of de melding over uzelf of over iemand anders gaat."),
        ({"about": "iedereen"}, "about", "Selecteer een geldige keuze"),
        ({"reporter_role": None}, "reporter_role", "Kies wie u bent."),
        ({"urgent": None}, "urgent", "Kies ja of nee."),
        ({"postcode": "", "wijk": ""}, "postcode", "Vul de postcode en het huisnummer in, of kies"),
        ({"postcode": "12345"}, "postcode", "Vul een postcode in zoals 1211 AB."),
        ({"huisnummer": "twaalf"}, "huisnummer", "Vul een huisnummer in zoals 12 of 12a."),
        ({"wijk": "atlantis"}, "wijk", "Selecteer een geldige keuze"),
        ({"signals": [], "text": ""}, "signals", "Kies wat u merkt, of schrijf het op"),
        ({"signals": ["bestaat-niet"]}, "signals", "Selecteer een geldige keuze"),
        ({"text": "x" * 2001}, "text", "niet meer dan 2000 tekens"),
        ({"person_knows": None}, "person_knows", "Kies of de persoon weet dat u dit meldt."),
        ({"person_phone": "bel me"}, "person_phone", "Vul een geldig telefoonnummer in"),
        ({"person_email": "piet@"}, "person_email", "naam@voorbeeld.nl"),
        ({"reporter_email": "an.example.org"}, "reporter_email", "naam@voorbeeld.nl"),
        ({"reporter_name": "n" * 201}, "reporter_name", "niet meer dan 200 tekens"),
        ({"consent": None}, "consent", "Zet een vinkje als u akkoord gaat."),
    ],
)
def test_each_field_has_a_clear_dutch_error_and_the_form_keeps_what_was_typed(
    client, postcodes, overrides, field, message
):
    typed = {"text": "Mijn buurman <b>Piet</b>", "reporter_email": "an@example.org"}
    response = send(client, **{**typed, **overrides})
    assert response.status_code == 200
    form = response.context["form"]
    assert message.lower() in " ".join(form.errors[field]).lower()
    html = response.content.decode()
    assert 'id="foutmeldingen"' in html  # the error summary at the top
    assert f'href="#{form[field].id_for_label}"' in html
    assert f'id="{form[field].id_for_label}"' in html  # the link lands on the field
    if "text" not in overrides:
        assert "Mijn buurman &lt;b&gt;Piet&lt;/b&gt;</textarea>" in html
    if "reporter_email" not in overrides:
        assert 'value="an@example.org"' in html
    assert Melding.objects.count() == 0


def input_tag(html: str, element_id: str) -> str:
    return (
        html.split(f'id="{element_id}"')[0].rsplit("<input", 1)[1]
        + html.split(f'id="{element_id}"')[1].split(">")[0]
    )


def test_ticked_choices_stay_ticked_after_an_error(client):
    response = send(client, consent=None, urgent="ja", wijk="zuid", postcode="")
    html = response.content.decode()
    assert "checked" in input_tag(html, "id_signals_0")  # weinig-contact
    assert "checked" in input_tag(html, "id_signals_1")  # trekt-zich-terug
    assert "checked" not in input_tag(html, "id_signals_2")
    assert "checked" in input_tag(html, "id_urgent_0")  # ja
    assert '<option value="zuid" selected>' in html
    # An urgent answer keeps the help box emphasised after the error, too.
    assert 'class="alert alert-danger mb-4" data-meldpunt-nood' in html


def test_melding_about_oneself_requires_name_and_contact(client, postcodes):
    response = send(client, about="zelf", reporter_role=None, person_knows=None)
    errors = response.context["form"].errors
    assert "Vul uw naam in" in errors["person_name"][0]
    assert "telefoonnummer of e-mailadres" in errors["person_phone"][0]
    assert "reporter_role" not in errors and "person_knows" not in errors
    send(client, about="zelf", person_name="Sanne", person_email="sanne@example.org")
    assert Melding.objects.get().about_self is True


def test_urgent_melding_is_marked_and_the_team_alerted(client, postcodes, coordinator_user):
    send(client, urgent="ja")
    melding = Melding.objects.get()
    assert melding.urgent is True
    assert set(Uitbericht.objects.values_list("recipient", flat=True)) == {
        "buurtteam-noordoost@example.org",
        coordinator_user.email,
    }


def test_filled_honeypot_pretends_success_but_stores_nothing(client, postcodes):
    response = send(client, website="https://spam.example")
    assert response.status_code == 302
    assert response["Location"].startswith("/meldpunt/bedankt/HV-")
    assert Melding.objects.count() == 0
    # The fake thank-you page shows no reference: nothing was stored under it.
    page = client.get(response["Location"]).content.decode()
    assert response["Location"].split("/")[-2] not in page


def test_honeypot_is_hidden_from_people(client):
    html = client.get(URL).content.decode()
    hidden = html.split('class="meldpunt-extra" aria-hidden="true"')[1].split("</div>")[0]
    assert 'name="website"' in hidden and 'tabindex="-1"' in hidden


@pytest.mark.parametrize(
    "started",
    [
        lambda: started_token(time.time() - 1),  # too fast for a person
        lambda: "",  # missing
        lambda: "1700000000.000:vervalst",  # forged
    ],
)
def test_form_sent_too_fast_or_without_a_valid_start_asks_to_try_again(client, postcodes, started):
    response = send(client, started=started())
    assert response.status_code == 200
    assert Melding.objects.count() == 0
    html = response.content.decode()
    assert "Dat ging heel snel" in html
    assert "Mijn buurman komt sinds de zomer" in html  # nothing typed is lost
    # The page carries a fresh start, so sending again after a moment works.
    token = html.split('name="started" value="')[1].split('"')[0]
    with patch("meldpunt.forms.time.time", return_value=time.time() + 10):
        assert send(client, started=token).status_code == 302
    assert Melding.objects.count() == 1


def test_eleventh_melding_within_an_hour_from_one_address_gets_a_friendly_429(client, postcodes):
    for number in range(10):
        assert send(client, huisnummer=str(number + 1)).status_code == 302
    response = send(client, text="Nog eentje <script>")
    assert response.status_code == 429
    html = response.content.decode()
    assert "U heeft al een paar meldingen gedaan" in html
    assert "Nog eentje &lt;script&gt;</textarea>" in html
    assert Melding.objects.count() == 10
    assert send(client, ip="198.51.100.7").status_code == 302


def test_rate_limit_also_counts_honeypot_posts(client, postcodes):
    for _ in range(10):
        send(client, website="x")
    assert send(client).status_code == 429


def test_melding_goes_through_when_the_rate_limit_cache_is_down(client, postcodes):
    with patch("hilversum_eenzaamheid.ratelimit._limiter", side_effect=ConnectionError("redis")):
        assert send(client).status_code == 302


@pytest.mark.parametrize(
    "overrides",
    [
        {"about": ["ander", "zelf"]},
        {"urgent": "ja" * 5000},
        {"postcode": "1223AB\x00"},
        {"text": "\x00"},
        {"huisnummer": "9" * 5000},
        {"huisnummer": "١٢"},
        {"signals": ["weinig-contact"] * 500},
        {"wijk": "' OR 1=1 --"},
        {"person_name": "😀" * 300},
        {"person_email": "a@" + "b" * 300 + ".nl"},
        {"started": "x" * 10000},
        {"consent": "nee"},
    ],
)
def test_hostile_input_never_gives_a_server_error(client, postcodes, overrides):
    response = send(client, **overrides)
    assert response.status_code in (200, 302)


def test_bytes_that_are_not_utf8_never_give_a_server_error(client, postcodes):
    body = "about=ander&urgent=%FF%FE&text=%ED%A0%80&postcode=%C0&consent=on"
    response = client.post(URL, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200


def test_empty_post_shows_the_errors(client):
    response = client.post(URL, {}, REMOTE_ADDR="192.0.2.1")
    assert response.status_code == 200
    assert "foutmeldingen" in response.content.decode()


def test_missing_csrf_token_gives_a_friendly_page_that_keeps_the_text(settings, postcodes):
    settings.CSRF_FAILURE_VIEW = "meldpunt.views.csrf_failure"
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(URL, form_data(text="Mijn tekst blijft"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Uw melding is nog niet verstuurd" in html
    assert "Mijn tekst blijft</textarea>" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert Melding.objects.count() == 0


def test_missing_csrf_token_elsewhere_gives_a_friendly_page(settings):
    settings.CSRF_FAILURE_VIEW = "meldpunt.views.csrf_failure"
    response = Client(enforce_csrf_checks=True).post("/uitloggen/")
    assert response.status_code == 403
    assert "Dat lukte niet" in response.content.decode()


def test_form_page_query_count_is_small_and_fixed(client, django_assert_num_queries):
    # The wijken for the list; nothing else for an anonymous visitor.
    with django_assert_num_queries(1):
        client.get(URL)


def test_submitting_costs_a_fixed_number_of_queries(client, postcodes, django_assert_num_queries):
    send(client)  # the wijken and which team covers which are cached per process from here on
    # postcode → wijk, and the savepoint and release of the write (the test's transaction is
    # around it); the write is one statement on PostgreSQL (insert.py), elsewhere the repeat
    # lookup and 6 inserts. No session: the thank-you cookie is signed. The rate limit counts
    # in the cache, not the database.
    with django_assert_num_queries(4 if connection.vendor == "postgresql" else 10) as captured:
        send(client, huisnummer="2", signals=["somber"])
    with django_assert_num_queries(len(captured.captured_queries)):
        send(client, huisnummer="3", signals=["somber", "verlies", "geldzorgen", "anders"])


def test_rate_limit_can_be_set_in_settings(client, postcodes, settings):
    settings.MELDPUNT_RATE_LIMIT = "2/h"
    assert send(client).status_code == 302
    assert send(client, huisnummer="3").status_code == 302
    assert send(client, huisnummer="4").status_code == 429


def test_the_blank_form_is_rendered_once_and_then_served_without_queries(
    client, django_assert_num_queries
):
    first = client.get(URL).content.decode()
    with django_assert_num_queries(0):
        second = client.get(URL).content.decode()
    # The same page, apart from the tokens every page gets of its own.
    tokens = re.compile(r'name="(csrfmiddlewaretoken|started)" value="[^"]+"')
    assert len(tokens.findall(second)) == 2
    assert tokens.sub("", first) == tokens.sub("", second)


def test_a_new_wijk_shows_in_the_blank_form_at_once(client):
    from wijken.models import Wijk

    client.get(URL)
    Wijk.objects.create(code="WK040299", name="Nieuwe Wijk", slug="nieuwe-wijk")
    assert "Nieuwe Wijk" in client.get(URL).content.decode()


def test_a_form_carried_over_after_the_rate_limit_is_not_the_cached_blank_one(
    client, postcodes, settings
):
    client.get(URL)  # the blank form is in the cache
    settings.MELDPUNT_RATE_LIMIT = "1/h"
    send(client)
    response = send(client, text="Mijn tante belt niemand meer.")
    assert response.status_code == 429
    assert "Mijn tante belt niemand meer." in response.content.decode()


def test_a_link_can_choose_about_oneself_and_odd_values_are_ignored(client):
    chosen = client.get(URL + "?over=zelf").content.decode()
    assert re.search(r'value="zelf"[^>]*checked', chosen)
    odd = client.get(URL + "?over=<script>").content.decode()
    assert not re.search(r'value="(zelf|ander)"[^>]*checked', odd)


def test_forms_share_the_fixed_choices_but_each_gets_its_own_fields():
    from meldpunt.forms import PublicMeldingForm

    first, second = PublicMeldingForm(), PublicMeldingForm()
    # Not copied per form: the lists of answers never change (the wijk list is made per form).
    assert first.fields["signals"].choices is second.fields["signals"].choices
    assert first.fields["about"].widget.choices is second.fields["about"].widget.choices
    # The fields and their widget attributes are still each form's own.
    first.fields["about"].widget.attrs["data-x"] = "1"
    first.fields["wijk"].choices = [("", "Kies een wijk")]
    assert "data-x" not in second.fields["about"].widget.attrs
    assert len(second.fields["wijk"].choices) > 1
    assert second.fields["about"].widget.attrs["class"] == "form-check-input"
