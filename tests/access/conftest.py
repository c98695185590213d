"""Fixtures for the login tests: staff with or without an app, and codes from that app."""

import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from hilversum_eenzaamheid.accounts import services
from tests.factories import PASSWORD

__all__ = ["PASSWORD", "app_code", "log_in_with_password"]


def app_code(device: TOTPDevice, *, offset_steps: int = 0) -> str:
    """The code the user's app shows now (or `offset_steps` periods later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset_steps * device.step
    return f"{totp.token():06d}"


def log_in_with_password(client, username: str, password: str = PASSWORD, **extra):
    """The first step, through the real login form (so django-axes sees it)."""
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


@pytest.fixture
def app_device(kartrekker_user) -> TOTPDevice:
    """A confirmed app of the kartrekker, set up earlier."""
    return TOTPDevice.objects.create(user=kartrekker_user, name="App", confirmed=True)


@pytest.fixture
def backup_codes(app_device) -> list[str]:
    """Ten backup codes of the kartrekker, who also has an app."""
    return services.backup_codes_replace(user=app_device.user)


@pytest.fixture
def half_logged_in(client, kartrekker_user):
    """A client past the password, not yet past the second step (raw force_login)."""
    client.force_login(kartrekker_user)
    return client
