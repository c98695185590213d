"""Sessions: 30 idle minutes log staff out, a new password logs out everywhere else,
and visitors without an account get no session at all."""

from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from hilversum_eenzaamheid.access_middleware import clock

from .conftest import PASSWORD

pytestmark = pytest.mark.sqlite

NEW_PASSWORD = "een-heel-nieuw-wachtwoord-2025"


def later(seconds: int):
    """Move the access middleware's clock forward."""
    return mock.patch(
        "hilversum_eenzaamheid.access_middleware.clock", return_value=clock() + seconds
    )


def test_idle_staff_session_times_out_after_30_minutes(settings):
    assert settings.STAFF_IDLE_SECONDS == 30 * 60


def test_after_31_idle_minutes_staff_are_logged_out_with_a_dutch_message(client, kartrekker_user):
    client.force_login(kartrekker_user)
    with later(31 * 60):
        response = client.get("/werkruimte/aanbod/")
    assert response["Location"] == f"{reverse('login')}?next=/werkruimte/aanbod/"
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "U bent uitgelogd, omdat u 30 minuten niets heeft gedaan. Log opnieuw in." in page


def test_a_post_after_the_timeout_is_not_carried_out(client, kartrekker_user):
    client.force_login(kartrekker_user)
    with later(31 * 60):
        response = client.post(reverse("password_change"), {"old_password": PASSWORD})
    assert response["Location"] == f"{reverse('login')}?next={reverse('password_change')}"


def test_each_request_within_30_minutes_keeps_the_session_alive(client, kartrekker_user):
    client.force_login(kartrekker_user)
    for minutes in (20, 40, 60):
        with later(minutes * 60):
            assert client.get(reverse("werkruimte")).status_code == 200


def test_the_last_request_is_written_at_most_once_a_minute(client, kartrekker_user):
    client.force_login(kartrekker_user)
    key = client.cookies["sessionid"].value
    stored = Session.objects.get(session_key=key).session_data
    client.get(reverse("werkruimte"))
    assert Session.objects.get(session_key=key).session_data == stored
    with later(90):
        client.get(reverse("werkruimte"))
    assert Session.objects.get(session_key=key).session_data != stored


@pytest.mark.parametrize(
    "path",
    ["/", "/aanbod/", "/meldpunt/", "/coalitie/", "/zelftest/", "/privacy/", "/inloggen/"],
)
def test_a_visitor_without_an_account_gets_no_session(client, db, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    assert not Session.objects.exists()


def test_a_failed_login_and_a_password_reset_request_make_no_session(client, kartrekker_user):
    client.post(reverse("login"), {"username": "kartrekker", "password": "fout"})
    client.post(reverse("password_reset"), {"email": "kartrekker@example.org"})
    assert "sessionid" not in client.cookies
    assert not Session.objects.exists()


def test_a_new_password_logs_out_every_other_session_but_not_this_one(kartrekker_user):
    here, elsewhere = Client(), Client()
    here.force_login(kartrekker_user)
    elsewhere.force_login(kartrekker_user)
    assert elsewhere.get(reverse("werkruimte")).status_code == 200

    response = here.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == reverse("password_change_done")
    assert here.get(reverse("werkruimte")).status_code == 200
    assert elsewhere.get(reverse("werkruimte"))["Location"].startswith(reverse("login"))
