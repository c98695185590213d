"""Where the access middlewares sit, and what the second step costs on every staff page."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import app_code
from .test_sessions import later

pytestmark = [pytest.mark.no_otp, pytest.mark.sqlite]


def test_the_middlewares_are_in_the_order_they_need(settings):
    order = [path.rsplit(".", 1)[1] for path in settings.MIDDLEWARE]
    assert order.index("SessionOTPMiddleware") == order.index("AuthenticationMiddleware") + 1
    assert order.index("MessageMiddleware") < order.index("IdleTimeoutMiddleware")
    assert order.index("IdleTimeoutMiddleware") < order.index("SecondFactorMiddleware")
    assert order[-1] == "AxesMiddleware"


@pytest.fixture
def verified(client, kartrekker_user):
    device = TOTPDevice.objects.create(user=kartrekker_user, name="App", confirmed=True)
    client.force_login(kartrekker_user)
    client.post(reverse("otp_verify"), {"code": app_code(device)})
    return client, device


def test_a_verified_staff_page_costs_no_query_for_the_second_step(
    verified, django_assert_max_num_queries
):
    client, _device = verified
    client.get(reverse("werkruimte"))  # writes the last-seen time once
    # session, user, groups: the same three as without two steps
    with django_assert_max_num_queries(3):
        assert client.get(reverse("werkruimte")).status_code == 200


def test_a_removed_app_ends_the_verified_session_within_a_minute(verified):
    client, device = verified
    device.delete()
    assert client.get(reverse("werkruimte")).status_code == 200  # trusted for a minute
    with later(61):
        response = client.get(reverse("werkruimte"))
    assert response["Location"].startswith(reverse("otp_enrol"))


def test_an_unconfirmed_app_ends_the_verified_session_within_a_minute(verified):
    client, device = verified
    TOTPDevice.objects.filter(pk=device.pk).update(confirmed=False)
    with later(61):
        response = client.get(reverse("werkruimte"))
    assert response.status_code == 302


def test_the_code_page_takes_a_fixed_number_of_queries(
    client, kartrekker_user, django_assert_max_num_queries
):
    TOTPDevice.objects.create(user=kartrekker_user, name="App", confirmed=True)
    client.force_login(kartrekker_user)
    client.get(reverse("otp_verify"))  # writes the last-seen time once
    # session, user, groups, the app (has a second factor?); the page itself reads nothing
    with django_assert_max_num_queries(4):
        assert client.get(reverse("otp_verify")).status_code == 200
