import json

import pytest
from django.test import Client
from django.urls import reverse

from meldpunt.models import Melding
from tests.meldpunt.conftest import form_data

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def submit(client, **overrides):
    response = client.post("/meldpunt/", form_data(**overrides), REMOTE_ADDR="192.0.2.20")
    assert response.status_code == 302, response.context["form"].errors
    return response["Location"], Melding.objects.latest("created_at")


def test_reporter_sees_the_reference_and_what_happens_next(client, postcodes):
    location, melding = submit(client)
    html = client.get(location).content.decode()
    assert f'<strong class="meldpunt-kenmerk">{melding.reference}</strong>' in html
    assert "Binnen 2 werkdagen neemt iemand van het buurtteam contact op." in html
    assert "vandaag" not in html.lower().split("wat gebeurt er nu?")[1].split("</ol>")[0]


def test_thank_you_page_shows_no_personal_data(client, postcodes):
    location, _ = submit(
        client,
        text="Geheime toelichting",
        person_name="Piet Geheim",
        person_phone="035 123 45 67",
        reporter_name="Melder Naam",
        reporter_email="melder@example.org",
    )
    html = client.get(location).content.decode()
    for secret in ["Geheime", "Piet", "123 45 67", "Melder Naam", "melder@example.org", "1223"]:
        assert secret not in html


def test_urgent_melding_says_today_and_repeats_the_emergency_numbers(client, postcodes):
    location, _ = submit(client, urgent="ja")
    html = client.get(location).content.decode()
    assert "U gaf aan dat er direct gevaar is" in html
    assert "Vandaag nog neemt iemand van het buurtteam contact op." in html
    assert 'href="tel:112"' in html and "0800 0113" in html


def test_someone_else_guessing_the_address_sees_a_page_without_the_reference(client, postcodes):
    location, melding = submit(client, urgent="ja")
    stranger = Client()
    response = stranger.get(location)
    html = response.content.decode()
    assert response.status_code == 200
    assert melding.reference not in html
    assert "direct gevaar is" not in html  # nothing about this melding
    assert "Bedankt voor uw melding" in html


def test_a_reference_that_does_not_exist_looks_the_same_as_one_that_does(client, postcodes):
    _, melding = submit(client)
    existing = Client().get(reverse("meldpunt:bedankt", args=[melding.reference]))
    made_up = Client().get(reverse("meldpunt:bedankt", args=["HV-2222-2222"]))
    assert existing.status_code == made_up.status_code == 200
    assert existing.content.replace(melding.reference.encode(), b"") == made_up.content.replace(
        b"HV-2222-2222", b""
    )


def test_thank_you_page_is_not_cached_or_indexed(client, postcodes):
    location, _ = submit(client)
    response = client.get(location)
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_thank_you_page_does_not_query_the_database_for_the_melding(
    client, postcodes, django_assert_num_queries
):
    location, _ = submit(client)
    with django_assert_num_queries(0):  # the reference comes from a signed cookie
        response = client.get(location)
    assert location.rsplit("/", 2)[-2] in response.content.decode()


def test_a_forged_thank_you_cookie_does_not_show_the_reference(client, postcodes):
    location, _ = submit(client)
    reference = location.rsplit("/", 2)[-2]
    client.cookies["meldpunt_bedankt"] = json.dumps({reference: False})  # unsigned
    assert reference not in client.get(location).content.decode()


def test_visitors_of_the_form_get_no_session(client, postcodes):
    client.get(reverse("meldpunt:index"))
    submit(client)
    assert "sessionid" not in client.cookies
    assert client.cookies["meldpunt_bedankt"]["httponly"]
    assert client.cookies["meldpunt_bedankt"]["path"] == reverse("meldpunt:index")


def test_thank_you_page_accepts_only_get(client, postcodes):
    location, _ = submit(client)
    assert client.post(location).status_code == 405
