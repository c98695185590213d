"""Password reset by e-mail: one answer for every address, a link that expires and works once."""

import re
from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.test import Client
from django.urls import reverse

from .conftest import PASSWORD

pytestmark = pytest.mark.sqlite

NEW_PASSWORD = "een-heel-nieuw-wachtwoord-2025"


def ask_reset(client, email: str, **extra):
    return client.post(reverse("password_reset"), {"email": email}, **extra)


def reset_link() -> str:
    (message,) = mail.outbox
    return re.search(r"https?://\S+/inloggen/nieuw-wachtwoord/\S+/", message.body)[0]


def test_the_login_page_links_to_the_password_reset(client, db):
    html = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("password_reset")}"' in html
    assert "Wachtwoord vergeten?" in html


def test_known_and_unknown_addresses_get_the_same_answer(client, kartrekker_user):
    known = ask_reset(client, "kartrekker@example.org")
    unknown = ask_reset(client, "niemand@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["kartrekker@example.org"]
    page = client.get(known["Location"]).content.decode()
    assert "Hoort het e-mailadres bij een account?" in page
    assert "De link werkt 1 uur, en maar één keer." in page


def test_the_mail_is_dutch_and_links_to_the_portal_itself(client, settings, kartrekker_user):
    settings.SITE_URL = "https://eenzaamheid.hilversum.nl"
    ask_reset(client, "KARTREKKER@example.org")
    (message,) = mail.outbox
    assert message.subject == "Nieuw wachtwoord voor het portaal Samen tegen eenzaamheid"
    assert "Uw gebruikersnaam is: kartrekker" in message.body
    assert "De link werkt 1 uur" in message.body
    assert reset_link().startswith("https://eenzaamheid.hilversum.nl/inloggen/nieuw-wachtwoord/")


def test_the_address_is_checked_in_the_background_task(client, kartrekker_user):
    with mock.patch("hilversum_eenzaamheid.accounts.tasks.password_reset_mail.delay") as delay:
        ask_reset(client, "niemand@example.org")
        ask_reset(client, "kartrekker@example.org")
    assert [c.args for c in delay.call_args_list] == [
        ("niemand@example.org",),
        ("kartrekker@example.org",),
    ]


def test_a_broker_that_is_down_gives_the_same_answer(client, kartrekker_user):
    with mock.patch(
        "hilversum_eenzaamheid.accounts.tasks.password_reset_mail.delay",
        side_effect=OSError("broker down"),
    ):
        response = ask_reset(client, "kartrekker@example.org")
    assert response["Location"] == reverse("password_reset_done")


def test_an_invalid_address_is_explained_in_dutch(client, db):
    response = ask_reset(client, "geen-adres")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in." in html
    assert 'href="#id_email"' in html and 'value="geen-adres"' in html


def test_the_link_sets_a_new_password_and_then_works_no_more(client, kartrekker_user):
    ask_reset(client, "kartrekker@example.org")
    link = reset_link().split("://", 1)[1].split("/", 1)[1]
    form_page = client.get("/" + link, follow=True)
    assert "Nieuw wachtwoord maken" in form_page.content.decode()
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == reverse("password_reset_complete")
    kartrekker_user.refresh_from_db()
    assert kartrekker_user.check_password(NEW_PASSWORD)

    again = Client().get("/" + link, follow=True)
    assert "Deze link werkt niet meer." in again.content.decode()


def test_the_link_expires_after_an_hour(client, settings, kartrekker_user):
    assert settings.PASSWORD_RESET_TIMEOUT == 3600
    ask_reset(client, "kartrekker@example.org")
    link = "/" + reset_link().split("://", 1)[1].split("/", 1)[1]
    in_61_minutes = datetime.now() + timedelta(minutes=61)
    with mock.patch.object(PasswordResetTokenGenerator, "_now", return_value=in_61_minutes):
        page = client.get(link, follow=True)
    assert "Deze link werkt niet meer." in page.content.decode()


def test_a_new_password_by_mail_logs_out_every_session(kartrekker_user):
    logged_in = Client()
    logged_in.force_login(kartrekker_user)
    visitor = Client()
    ask_reset(visitor, "kartrekker@example.org")
    form_page = visitor.get("/" + reset_link().split("://", 1)[1].split("/", 1)[1], follow=True)
    visitor.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert logged_in.get(reverse("werkruimte"))["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in visitor.session


def test_many_requests_from_one_address_are_slowed_down(client, settings, kartrekker_user):
    settings.PASSWORD_RESET_RATE_LIMIT = "2/h"
    for _ in range(2):
        assert ask_reset(client, "x@example.org", REMOTE_ADDR="10.1.1.1").status_code == 302
    response = ask_reset(client, "kartrekker@example.org", REMOTE_ADDR="10.1.1.1")
    assert response.status_code == 429
    assert "U heeft al een paar keer een nieuw wachtwoord aangevraagd" in response.content.decode()
    assert not mail.outbox


def test_an_old_password_no_longer_logs_in_after_a_reset(client, kartrekker_user):
    kartrekker_user.set_password(NEW_PASSWORD)
    kartrekker_user.save()
    response = client.post(reverse("login"), {"username": "kartrekker", "password": PASSWORD})
    assert response.status_code == 200
