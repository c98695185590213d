"""Demo accounts on a local run get known backup codes; on a server they get nothing."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice

from hilversum_eenzaamheid.accounts import demo

from .conftest import log_in_with_password

pytestmark = [pytest.mark.no_otp, pytest.mark.sqlite]


@pytest.fixture
def demo_accounts(db):
    call_command("seed_demo", stdout=io.StringIO())


def test_without_debug_demo_accounts_get_no_second_factor(demo_accounts, settings):
    settings.DEBUG = False
    assert demo.seed() == 0
    assert not StaticDevice.objects.exists()
    assert demo.code_lines() == []


def test_with_debug_every_demo_account_gets_its_codes_once(demo_accounts, settings):
    settings.DEBUG = True
    assert demo.seed() == len(demo.demo_usernames()) >= 5
    assert demo.seed() == 0
    assert StaticDevice.objects.filter(name=demo.DEMO_DEVICE_NAME).count() == len(
        demo.demo_usernames()
    )


def test_a_demo_user_logs_in_with_a_printed_code_and_a_rerun_restores_it(
    client, demo_accounts, settings
):
    settings.DEBUG = True
    demo.seed()
    code = demo.demo_codes("kartrekker")[0]
    assert code in "\n".join(demo.code_lines())

    log_in_with_password(client, "kartrekker", settings.DEMO_PASSWORD)
    client.post(reverse("otp_verify"), {"code": code})
    assert client.get(reverse("werkruimte")).status_code == 200

    assert demo.seed() == 1
    assert StaticDevice.objects.get(user__username="kartrekker").token_set.count() == 5


def test_demo_codes_depend_on_the_secret_key(settings):
    first = demo.demo_codes("kartrekker")
    settings.SECRET_KEY = "een-andere-geheime-sleutel-voor-deze-test-0123456789"
    assert demo.demo_codes("kartrekker") != first
    assert len(set(first)) == 5 and all(len(code) == 8 for code in first)
