"""Lock-out after repeated failed logins, per account and per address (django-axes)."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.db.models import F
from django.urls import reverse

from .conftest import PASSWORD, log_in_with_password

pytestmark = [pytest.mark.no_otp, pytest.mark.sqlite]

LIMIT = 5


def fail(client, username: str, times: int, address: str = "10.0.0.1"):
    response = None
    for _ in range(times):
        response = log_in_with_password(client, username, "verkeerd", REMOTE_ADDR=address)
    return response


def main_text(response) -> str:
    """The page's main content, without the CSRF token (new for every response)."""
    html = response.content.decode()
    main = html.split('<main id="inhoud"', 1)[1].split("</main>", 1)[0]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", main)


def test_the_settings_lock_per_account_and_per_address_after_five_failures(settings):
    assert settings.AXES_FAILURE_LIMIT == LIMIT
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]
    assert settings.AXES_COOLOFF_TIME * 60 == 15
    assert settings.AUTHENTICATION_BACKENDS[0].endswith("WebLoginLockoutBackend")


def test_four_wrong_passwords_give_the_usual_message(client, kartrekker_user):
    response = fail(client, "kartrekker", LIMIT - 1)
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()


def test_the_fifth_wrong_password_locks_with_a_dutch_page_and_status_429(client, kartrekker_user):
    response = fail(client, "kartrekker", LIMIT)
    assert response.status_code == 429
    html = main_text(response)
    assert "Even wachten met inloggen" in html
    assert "Probeer het over 15 minuten opnieuw." in html
    assert reverse("password_reset") in html


def test_while_locked_even_the_right_password_does_not_log_in(client, kartrekker_user):
    fail(client, "kartrekker", LIMIT)
    response = log_in_with_password(client, "kartrekker", REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_unknown_account_is_locked_with_exactly_the_same_page(client, kartrekker_user):
    known = fail(client, "kartrekker", LIMIT, address="10.0.0.1")
    unknown = fail(client, "niemand", LIMIT, address="10.0.0.2")
    assert unknown.status_code == known.status_code == 429
    assert main_text(unknown) == main_text(known)
    assert "kartrekker" not in main_text(known) and "niemand" not in main_text(unknown)


def test_the_account_is_locked_from_every_address(client, kartrekker_user):
    for number in range(LIMIT):
        fail(client, "kartrekker", 1, address=f"10.0.1.{number}")
    response = log_in_with_password(client, "kartrekker", REMOTE_ADDR="10.0.2.1")
    assert response.status_code == 429


def test_an_address_is_locked_for_every_account(client, kartrekker_user):
    for number in range(LIMIT):
        fail(client, f"gok{number}", 1, address="10.0.3.1")
    response = log_in_with_password(client, "kartrekker", REMOTE_ADDR="10.0.3.1")
    assert response.status_code == 429
    # The same account from another address still gets in.
    other = log_in_with_password(client, "kartrekker", REMOTE_ADDR="10.0.3.2")
    assert other.status_code == 302


def test_the_lock_lifts_after_fifteen_minutes(client, kartrekker_user):
    fail(client, "kartrekker", LIMIT)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    response = log_in_with_password(client, "kartrekker", REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 302


def test_a_good_login_resets_the_count(client, kartrekker_user):
    fail(client, "kartrekker", LIMIT - 1)
    assert log_in_with_password(client, "kartrekker", REMOTE_ADDR="10.0.0.1").status_code == 302
    client.post(reverse("logout"))
    assert fail(client, "kartrekker", LIMIT - 1).status_code == 200


def test_behind_the_proxy_the_forwarded_address_is_counted(client, settings, kartrekker_user):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    for _ in range(LIMIT):
        log_in_with_password(client, "gok", "x", HTTP_X_REAL_IP="192.0.2.7")
    assert AccessAttempt.objects.get().ip_address == "192.0.2.7"
    other = log_in_with_password(client, "kartrekker", HTTP_X_REAL_IP="192.0.2.8")
    assert other.status_code == 302


def test_no_password_and_no_login_history_is_stored(client, kartrekker_user):
    fail(client, "kartrekker", 2)
    log_in_with_password(client, "kartrekker", REMOTE_ADDR="10.9.9.9")
    assert not AccessLog.objects.exists()
    for attempt in AccessAttempt.objects.all():
        assert "verkeerd" not in attempt.post_data


def test_wrong_password_and_unknown_account_get_the_same_message(client, kartrekker_user):
    wrong = log_in_with_password(client, "kartrekker", "fout")
    unknown = log_in_with_password(client, "niemand", "fout")
    assert main_text(wrong).replace("kartrekker", "X") == main_text(unknown).replace("niemand", "X")


def test_authenticate_without_a_request_is_not_locked_out(db, kartrekker_user):
    from django.contrib.auth import authenticate

    assert authenticate(username="kartrekker", password=PASSWORD) == kartrekker_user


def test_an_overlong_account_name_is_explained_not_stored(client, db):
    response = log_in_with_password(client, "x" * 1000, "fout")
    assert response.status_code == 200
    assert "niet meer dan 150 tekens" in response.content.decode()
    assert not AccessAttempt.objects.exists()


@pytest.mark.parametrize("forged", ["not-an-ip", "1.2.3.4, 5.6.7.8", "<script>", "\0", ""])
def test_a_header_without_an_address_counts_as_the_connection(client, settings, db, forged):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    response = log_in_with_password(client, "gok", "x", HTTP_X_REAL_IP=forged)
    assert response.status_code == 200
    assert AccessAttempt.objects.get().ip_address == "127.0.0.1"


def test_failed_login_rows_are_forgotten_after_the_retention_period(db, client, settings):
    from axes.models import AccessFailureLog

    from hilversum_eenzaamheid.accounts.tasks import forget_login_failures

    settings.LOGIN_FAILURE_RETENTION_DAYS = 30
    fail(client, "iemand", 2, address="10.0.0.7")
    fail(client, "ander", 1, address="10.0.0.8")
    assert AccessAttempt.objects.count() == 2
    # The first account's rows are 31 days old; the second's 29: only the first go.
    old = timedelta(days=31)
    for model in (AccessAttempt, AccessFailureLog):
        model.objects.filter(username="iemand").update(attempt_time=F("attempt_time") - old)
        model.objects.filter(username="ander").update(
            attempt_time=F("attempt_time") - timedelta(days=29)
        )
    failure_rows = AccessFailureLog.objects.filter(username="iemand").count()

    deleted = forget_login_failures()

    assert deleted == 1 + failure_rows
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["ander"]
    assert set(AccessFailureLog.objects.values_list("username", flat=True)) <= {"ander"}


def test_the_retention_runs_every_night_and_the_register_names_it(settings):
    from pijlers.privacy_register import categorieen

    schedule = settings.CELERY_BEAT_SCHEDULE["accounts-forget-login-failures"]
    assert schedule["task"] == "accounts.forget_login_failures"
    accounts = [c for c in categorieen() if c.key == "accounts"]
    assert "30 dagen" in accounts[0].bewaartermijn
    assert not accounts[0].open_punt
