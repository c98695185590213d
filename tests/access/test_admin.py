"""The Django admin (/beheer/): superusers only, and only after the second step."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import app_code, log_in_with_password

pytestmark = [pytest.mark.no_otp, pytest.mark.sqlite]

ADMIN_URLS = ["/beheer/", "/beheer/auth/user/", "/beheer/login/", "/beheer/otp_totp/totpdevice/"]


@pytest.fixture
def superuser(django_user_model, db):
    return django_user_model.objects.create_superuser("beheer", "b@example.org", "geheim-123456")


@pytest.fixture
def superuser_app(superuser):
    return TOTPDevice.objects.create(user=superuser, name="App", confirmed=True)


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_anonymous_visitors_get_404_from_the_admin(client, db, url):
    assert client.get(url).status_code == 404


def test_the_admin_login_form_cannot_be_used_to_get_in(client, superuser):
    response = client.post("/beheer/login/", {"username": "beheer", "password": "geheim-123456"})
    assert response.status_code == 404
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_verified_staff_without_superuser_rights_get_404(client, kartrekker_user, url):
    kartrekker_user.is_staff = True  # Django's own flag alone is not enough
    kartrekker_user.save()
    device = TOTPDevice.objects.create(user=kartrekker_user, name="App", confirmed=True)
    client.force_login(kartrekker_user)
    client.post(reverse("otp_verify"), {"code": app_code(device)})
    assert client.get(reverse("werkruimte")).status_code == 200
    assert client.get(url).status_code == 404


def test_a_superuser_without_the_second_step_is_sent_to_it(client, superuser, superuser_app):
    client.force_login(superuser)
    response = client.get("/beheer/auth/user/")
    assert response["Location"] == reverse("otp_verify") + "?next=%2Fbeheer%2Fauth%2Fuser%2F"


def test_a_superuser_gets_in_after_both_steps(client, superuser, superuser_app):
    log_in_with_password(client, "beheer", "geheim-123456")
    response = client.post(
        reverse("otp_verify"), {"code": app_code(superuser_app), "next": "/beheer/"}
    )
    assert response["Location"] == "/beheer/"
    page = client.get("/beheer/auth/user/")
    assert page.status_code == 200
    assert "beheer" in page.content.decode()


def test_the_admin_hides_the_secret_keys_of_apps(client, superuser, superuser_app):
    client.force_login(superuser)
    client.post(reverse("otp_verify"), {"code": app_code(superuser_app)})
    url = reverse("admin:otp_totp_totpdevice_change", args=[superuser_app.pk])
    assert superuser_app.key not in client.get(url).content.decode()
