"""The join form: stored, mailed to the kartrekker after commit, spam and floods kept out."""

from unittest.mock import patch

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from coalitie import notifications
from coalitie.models import Aanmelding

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

URL = reverse("coalitie:aanmelden")
VALID = {
    "organisation_name": "Bakkerij De Korenaar",
    "contact_name": "Bea Bakker",
    "email": "bea@example.org",
    "phone": "",
    "contribution": "Wij letten op klanten die alleen zijn.",
    "website": "",
}


@pytest.fixture(autouse=True)
def kartrekker_address(settings):
    settings.KARTREKKER_EMAIL = "kartrekker@hilversum.example"
    settings.SITE_URL = "https://eenzaamheid.example"


def send(client, ip="192.0.2.10", **overrides):
    return client.post(URL, {**VALID, **overrides}, REMOTE_ADDR=ip)


def test_a_join_request_is_stored_mailed_after_commit_and_thanked(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = send(client, phone="035 123 45 67")
    aanmelding = Aanmelding.objects.get()
    assert (aanmelding.organisation_name, aanmelding.phone) == (
        "Bakkerij De Korenaar",
        "035 123 45 67",
    )
    assert response["Location"] == reverse("coalitie:bedankt")
    assert mail.outbox == []  # nothing is sent before the transaction commits
    for callback in callbacks:
        callback()
    [message] = mail.outbox
    assert message.to == ["kartrekker@hilversum.example"]
    assert message.subject == (
        "Aanmelding voor de coalitie tegen eenzaamheid: Bakkerij De Korenaar"
    )
    assert "Bea Bakker" in message.body and "bea@example.org" in message.body
    assert "https://eenzaamheid.example/werkruimte/coalitie/aanmeldingen/" in message.body
    aanmelding.refresh_from_db()
    assert aanmelding.notified_at is not None


def test_thank_you_page_says_what_happens_next(client):
    html = client.get(reverse("coalitie:bedankt")).content.decode()
    assert "<h1>Bedankt voor uw aanmelding</h1>" in html
    assert "neemt contact met u op" in html


def test_the_mail_goes_once_even_if_the_task_runs_twice(django_capture_on_commit_callbacks):
    from coalitie.services_aanmelding import aanmelding_create

    with django_capture_on_commit_callbacks(execute=True):
        aanmelding = aanmelding_create(
            organisation_name="Sportclub",
            contact_name="Sam",
            email="s@example.org",
            contribution="Meedoen.",
        )
    assert (
        notifications.aanmelding_notify(aanmelding_id=aanmelding.pk) == notifications.ALREADY_SENT
    )
    assert len(mail.outbox) == 1


def test_without_a_kartrekker_address_the_request_is_kept_and_nothing_breaks(
    client, settings, django_capture_on_commit_callbacks
):
    settings.KARTREKKER_EMAIL = ""
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client)
    assert response.status_code == 302
    assert mail.outbox == []
    assert Aanmelding.objects.get().notified_at is None


def test_a_mail_server_that_is_down_loses_nothing(client, django_capture_on_commit_callbacks):
    with (
        patch("coalitie.notifications.send_mail", side_effect=OSError("smtp down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = send(client)
    assert response["Location"] == reverse("coalitie:bedankt")
    aanmelding = Aanmelding.objects.get()
    assert aanmelding.notified_at is None  # a later run of the task may still send it
    assert notifications.aanmelding_notify(aanmelding_id=aanmelding.pk) == notifications.SENT


def test_a_broker_that_is_down_loses_nothing(client, django_capture_on_commit_callbacks):
    with (
        patch("coalitie.tasks.aanmelding_mail.delay", side_effect=ConnectionError("redis")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = send(client)
    assert response.status_code == 302
    assert Aanmelding.objects.count() == 1


def test_filled_honeypot_pretends_success_but_stores_and_sends_nothing(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, website="http://spam.example")
    assert response["Location"] == reverse("coalitie:bedankt")
    assert not Aanmelding.objects.exists()
    assert mail.outbox == []


def test_the_honeypot_is_hidden_from_people_and_the_tab_order(client):
    html = client.get(URL).content.decode()
    honeypot = html.split('class="coalitie-extra" aria-hidden="true"')[1].split("</div>")[0]
    assert 'name="website"' in honeypot and 'tabindex="-1"' in honeypot


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"organisation_name": ""}, "organisation_name", "Vul de naam van uw organisatie in."),
        ({"contact_name": "  "}, "contact_name", "Vul uw naam in"),
        ({"email": ""}, "email", "Vul uw e-mailadres in"),
        ({"email": "bea@"}, "email", "Vul een e-mailadres in zoals naam@voorbeeld.nl."),
        ({"phone": "bel me"}, "phone", "Vul een geldig telefoonnummer in"),
        ({"contribution": ""}, "contribution", "Schrijf in een paar woorden wat u wilt bijdragen."),
        ({"contribution": "x" * 2001}, "contribution", "niet meer dan 2000 tekens"),
        ({"organisation_name": "x" * 201}, "organisation_name", "niet meer dan 200 tekens"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_keeps_what_was_typed(client, overrides, field, message):
    response = send(client, **overrides)
    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    html = response.content.decode()
    assert "<title>Fout: Aanmelden voor de coalitie" in html
    assert 'id="foutmeldingen"' in html and f'href="#id_{field}"' in html
    for name, value in VALID.items():
        if name not in overrides and value and name != "website":
            assert value in html
    assert not Aanmelding.objects.exists()


def test_sixth_request_within_an_hour_from_one_address_gets_a_friendly_429(client):
    for _ in range(5):
        assert send(client).status_code == 302
    response = send(client, organisation_name="Zesde club")
    assert response.status_code == 429
    html = response.content.decode()
    assert "U heeft het formulier al een paar keer verstuurd" in html
    assert 'value="Zesde club"' in html  # what was typed is still there
    assert Aanmelding.objects.count() == 5
    assert send(Client(), ip="192.0.2.99").status_code == 302  # another address is not blocked


def test_the_limit_counts_posts_only(client):
    for _ in range(10):
        assert client.get(URL, REMOTE_ADDR="192.0.2.10").status_code == 200
    assert send(client).status_code == 302


def test_a_request_goes_through_when_the_rate_limit_cache_is_down(client):
    with patch("hilversum_eenzaamheid.ratelimit._limiter", side_effect=ConnectionError("redis")):
        assert send(client).status_code == 302
    assert Aanmelding.objects.count() == 1


def test_the_rate_limit_can_be_set(client, settings):
    settings.COALITIE_AANMELDING_RATE_LIMIT = "1/h"
    assert send(client).status_code == 302
    assert send(client).status_code == 429


def test_the_periodic_task_mails_what_was_left_unsent(client, django_capture_on_commit_callbacks):
    from coalitie.tasks import send_unsent_aanmeldingen

    with (
        patch("coalitie.tasks.aanmelding_mail.delay", side_effect=ConnectionError("redis")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        send(client)
    assert mail.outbox == []
    assert send_unsent_aanmeldingen() == 1
    assert len(mail.outbox) == 1
    assert send_unsent_aanmeldingen() == 0  # a second run sends nothing


def test_the_periodic_task_leaves_old_requests_and_stops_on_a_mail_error(settings):
    from datetime import timedelta

    from django.utils import timezone

    from coalitie.tasks import send_unsent_aanmeldingen
    from tests.coalitie.factories import AanmeldingFactory

    AanmeldingFactory(created_at=timezone.now() - timedelta(days=30))
    AanmeldingFactory()
    AanmeldingFactory()
    with patch("coalitie.notifications.send_mail", side_effect=OSError("smtp down")) as sender:
        assert send_unsent_aanmeldingen() == 0
    assert sender.call_count == 1
    assert send_unsent_aanmeldingen() == 2
    settings.KARTREKKER_EMAIL = ""
    AanmeldingFactory()
    assert send_unsent_aanmeldingen() == 0
