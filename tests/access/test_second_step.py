"""The second login step: a member of staff past the password reaches nothing but that step."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticToken

from hilversum_eenzaamheid.access_middleware import SECOND_STEP_VIEWS
from hilversum_eenzaamheid.accounts import services

from .conftest import app_code

pytestmark = [pytest.mark.no_otp, pytest.mark.sqlite]

# Sample values for path converters; each converter gets the first one its regex accepts.
SAMPLE_VALUES = ["1", "x", "0" * 32, "2025-H1"]


def _sample(converter) -> str:
    for value in SAMPLE_VALUES:
        if re.fullmatch(converter.regex, value):
            return value
    raise AssertionError(f"add a sample value for {converter!r} to SAMPLE_VALUES")


def _regex_group_sample(match) -> str:
    body = match[1]
    if re.fullmatch(r"[\w|]+", body):  # an alternation of words (the admin's app labels)
        return body.split("|")[0]
    return "1"


def _route_to_path(pattern) -> str:
    route = str(pattern)
    if isinstance(pattern, RegexPattern):  # the HSDS API, the admin
        route = re.sub(r"\(\?P<\w+>([^)]*)\)", _regex_group_sample, route)
        return route.lstrip("^").rstrip("$").replace("/?", "/").replace("\\", "")
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda m: _sample(pattern.converters[m[1]]), route)


def all_url_paths(patterns=None, prefix: str = ""):
    """(path, view name) for every URL pattern of the portal, the admin's included."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            namespace = entry.namespace
            for path, name in all_url_paths(
                entry.url_patterns, prefix + _route_to_path(entry.pattern)
            ):
                yield path, f"{namespace}:{name}" if namespace and name else name
        elif isinstance(entry, URLPattern):
            yield "/" + prefix + _route_to_path(entry.pattern), entry.name


def staff_paths():
    """Every URL an unverified member of staff must not reach (all but the second step)."""
    return sorted({path for path, name in all_url_paths() if (name or "") not in SECOND_STEP_VIEWS})


def test_the_url_walk_covers_every_part_of_the_werkruimte(db):
    paths = staff_paths()
    for prefix in ("/werkruimte/meldingen/", "/werkruimte/aanbod/", "/werkruimte/coalitie/"):
        assert any(p.startswith(prefix) for p in paths), prefix
    assert "/werkruimte/pijlers/" in paths and "/monitoring/cijfers/" in paths
    assert "/beheer/" in paths
    assert len(paths) > 100


def test_unverified_staff_is_sent_to_set_up_the_app_from_every_url(half_logged_in):
    enrol = reverse("otp_enrol")
    for path in staff_paths():
        response = half_logged_in.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(enrol + "?next="), path


def test_unverified_staff_with_an_app_is_asked_for_a_code_on_every_werkruimte_url(
    half_logged_in, app_device
):
    verify = reverse("otp_verify")
    for path in [p for p in staff_paths() if p.startswith(("/werkruimte/", "/monitoring/"))]:
        response = half_logged_in.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(verify), path


def test_a_post_before_the_second_step_is_refused_too(half_logged_in, app_device):
    response = half_logged_in.post(reverse("meldpunt:staff_melding_new"), {"x": "y"})
    assert response["Location"] == reverse("otp_verify")


def test_after_the_right_code_staff_reach_the_werkruimte(half_logged_in, app_device):
    response = half_logged_in.post(
        reverse("otp_verify"), {"code": app_code(app_device), "next": "/werkruimte/aanbod/"}
    )
    assert response["Location"] == "/werkruimte/aanbod/"
    page = half_logged_in.get(reverse("werkruimte"))
    assert page.status_code == 200
    assert "Kartrekker" in page.content.decode()


def test_the_session_gets_a_new_key_at_the_second_step(half_logged_in, app_device):
    before = half_logged_in.cookies["sessionid"].value
    half_logged_in.post(reverse("otp_verify"), {"code": app_code(app_device)})
    assert half_logged_in.cookies["sessionid"].value != before
    assert half_logged_in.session[DEVICE_ID_SESSION_KEY] == app_device.persistent_id


def test_a_wrong_code_gives_a_dutch_message(half_logged_in, app_device):
    wrong = f"{(int(app_code(app_device)) + 1) % 1_000_000:06d}"
    response = half_logged_in.post(reverse("otp_verify"), {"code": wrong})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Deze code klopt niet. Kijk goed en probeer het opnieuw." in html
    assert 'id="foutmeldingen"' in html
    assert half_logged_in.get(reverse("werkruimte")).status_code == 302


@pytest.mark.parametrize("code", ["", "12345", "abc!def", "1" * 41, "<script>", "١٢٣٤٥٦"])
def test_malformed_codes_are_answered_in_dutch(half_logged_in, app_device, code):
    response = half_logged_in.post(reverse("otp_verify"), {"code": code})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit veld is verplicht." in html or "Deze code klopt niet" in html or "40 tekens" in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_a_backup_code_works_once(half_logged_in, client_factory, backup_codes):
    code = backup_codes[0]
    response = half_logged_in.post(reverse("otp_verify"), {"code": code.upper()})
    assert response.status_code == 302
    assert half_logged_in.get(reverse("werkruimte")).status_code == 200
    assert not StaticToken.objects.filter(token=code).exists()

    other = client_factory()
    response = other.post(reverse("otp_verify"), {"code": code})
    assert "Deze code klopt niet" in response.content.decode()
    assert other.get(reverse("werkruimte")).status_code == 302


def test_using_a_backup_code_says_how_many_are_left(half_logged_in, backup_codes):
    response = half_logged_in.post(reverse("otp_verify"), {"code": backup_codes[3]}, follow=True)
    assert "U heeft nog 9 reservecodes." in response.content.decode()


def test_a_code_of_another_users_app_does_not_work(
    half_logged_in, kartrekker_user, coordinator_user
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    services.backup_codes_replace(user=kartrekker_user)  # the kartrekker has no app
    other = TOTPDevice.objects.create(user=coordinator_user, name="App", confirmed=True)
    response = half_logged_in.post(reverse("otp_verify"), {"code": app_code(other)})
    assert "Deze code klopt niet" in response.content.decode()
    assert DEVICE_ID_SESSION_KEY not in half_logged_in.session


def test_wrong_codes_make_the_next_try_wait_even_with_the_right_code(half_logged_in, app_device):
    wrong = f"{(int(app_code(app_device)) + 1) % 1_000_000:06d}"
    for _ in range(3):
        half_logged_in.post(reverse("otp_verify"), {"code": wrong})
    app_device.refresh_from_db()
    assert app_device.throttling_failure_count >= 1

    response = half_logged_in.post(reverse("otp_verify"), {"code": app_code(app_device)})
    assert "Wacht" in response.content.decode()
    assert half_logged_in.get(reverse("werkruimte")).status_code == 302

    later = timezone.now() + timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        response = half_logged_in.post(reverse("otp_verify"), {"code": app_code(app_device)})
    assert response.status_code == 302
    assert half_logged_in.get(reverse("werkruimte")).status_code == 200


def test_throttling_is_on_for_both_kinds_of_code(settings, app_device, backup_codes):
    from django_otp.plugins.otp_static.models import StaticDevice

    assert settings.OTP_TOTP_THROTTLE_FACTOR > 0 and settings.OTP_STATIC_THROTTLE_FACTOR > 0
    assert app_device.throttling_enabled
    assert StaticDevice.objects.get(user=app_device.user).throttling_enabled


def test_many_wrong_backup_codes_lock_the_step_for_minutes(half_logged_in, backup_codes):
    from django_otp.plugins.otp_static.models import StaticDevice

    device = StaticDevice.objects.get(user__username="kartrekker")
    device.throttling_failure_count = 9
    device.throttling_failure_timestamp = timezone.now()
    device.save()
    response = half_logged_in.post(reverse("otp_verify"), {"code": backup_codes[0]})
    assert "Wacht 5 minuten" in response.content.decode()


def test_the_code_page_keeps_the_page_the_user_was_going_to(half_logged_in, app_device):
    response = half_logged_in.get("/werkruimte/aanbod/?filter=controleren")
    assert response["Location"] == (
        reverse("otp_verify") + "?next=%2Fwerkruimte%2Faanbod%2F%3Ffilter%3Dcontroleren"
    )
    page = half_logged_in.get(response["Location"])
    assert 'value="/werkruimte/aanbod/?filter=controleren"' in page.content.decode()


def test_a_next_address_on_another_site_is_ignored(half_logged_in, app_device):
    response = half_logged_in.post(
        reverse("otp_verify"), {"code": app_code(app_device), "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("werkruimte")


def test_logout_works_before_the_second_step(half_logged_in, app_device):
    response = half_logged_in.post(reverse("logout"))
    assert response["Location"] == reverse("home")
    assert "_auth_user_id" not in half_logged_in.session


def test_anonymous_visitors_and_accounts_without_a_role_are_not_asked_for_a_code(
    client, resident_user
):
    assert client.get(reverse("aanbod:index")).status_code == 200
    assert client.get(reverse("otp_verify"))["Location"].startswith(reverse("login"))
    client.force_login(resident_user)
    assert client.get(reverse("aanbod:index")).status_code == 200
    assert client.get(reverse("werkruimte")).status_code == 403
    assert client.get(reverse("otp_verify")).status_code == 403


def test_a_verified_user_on_the_code_page_goes_on(client, kartrekker_user, app_device):
    client.force_login(kartrekker_user)
    client.post(reverse("otp_verify"), {"code": app_code(app_device)})
    assert client.get(reverse("otp_verify"))["Location"] == reverse("werkruimte")


@pytest.fixture
def client_factory(kartrekker_user):
    """New clients of the same half-logged-in kartrekker (another browser)."""
    from django.test import Client

    def make():
        other = Client()
        other.force_login(kartrekker_user)
        return other

    return make
