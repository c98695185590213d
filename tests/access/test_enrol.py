"""Setting up the app at the first login: QR code, typed secret, a code, then backup codes."""

import re

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from hilversum_eenzaamheid.accounts import services
from hilversum_eenzaamheid.accounts.qr import secret_for_typing

from .conftest import app_code, log_in_with_password

pytestmark = [pytest.mark.no_otp, pytest.mark.sqlite]


def start_setup(client) -> TOTPDevice:
    client.post(reverse("otp_enrol"))
    return TOTPDevice.objects.get(confirmed=False)


def test_first_login_leads_from_the_password_to_setting_up_the_app(client, kartrekker_user):
    response = log_in_with_password(client, "kartrekker")
    assert response["Location"] == reverse("werkruimte")
    response = client.get(reverse("werkruimte"))
    assert response["Location"] == reverse("otp_enrol") + "?next=%2Fwerkruimte%2F"
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Inloggen met twee stappen instellen" in html
    assert "Microsoft Authenticator" in html
    assert 'name="next" value="/werkruimte/"' in html


def test_opening_the_setup_page_makes_no_device(half_logged_in):
    half_logged_in.get(reverse("otp_enrol"))
    assert not TOTPDevice.objects.exists()


def test_scan_page_shows_an_inline_svg_qr_code_and_the_secret_to_type(half_logged_in):
    device = start_setup(half_logged_in)
    html = half_logged_in.get(reverse("otp_enrol_scan")).content.decode()
    assert '<svg role="img" aria-label="QR-code om de app in te stellen"' in html
    assert "<img" not in html.split("<main", 1)[1]  # drawn here, not fetched from anywhere
    assert secret_for_typing(device.bin_key) in html
    assert re.search(r"([A-Z2-7]{4} ){7}[A-Z2-7]{4}", html)


def test_the_qr_code_holds_the_otpauth_address_with_the_issuer(half_logged_in):
    device = start_setup(half_logged_in)
    assert device.config_url.startswith("otpauth://totp/Gemeente%20Hilversum%3Akartrekker?")
    assert "issuer=Gemeente%20Hilversum" in device.config_url


def test_opening_the_scan_page_twice_shows_the_same_secret(half_logged_in):
    device = start_setup(half_logged_in)
    secret = secret_for_typing(device.bin_key)
    assert secret in half_logged_in.get(reverse("otp_enrol_scan")).content.decode()
    half_logged_in.post(reverse("otp_enrol"))
    assert secret in half_logged_in.get(reverse("otp_enrol_scan")).content.decode()
    assert TOTPDevice.objects.count() == 1


def test_a_wrong_code_keeps_the_device_unconfirmed_and_says_so_in_dutch(half_logged_in):
    device = start_setup(half_logged_in)
    wrong = f"{(int(app_code(device)) + 1) % 1_000_000:06d}"
    response = half_logged_in.post(reverse("otp_enrol_scan"), {"code": wrong})
    html = response.content.decode()
    assert "Deze code klopt niet. Vul de code in die de app nu laat zien." in html
    device.refresh_from_db()
    assert device.confirmed is False
    assert DEVICE_ID_SESSION_KEY not in half_logged_in.session
    assert half_logged_in.get(reverse("werkruimte")).status_code == 302


def test_letters_are_refused_where_the_app_gives_digits(half_logged_in):
    start_setup(half_logged_in)
    response = half_logged_in.post(reverse("otp_enrol_scan"), {"code": "abcdef"})
    assert "Vul de 6 cijfers in die de app laat zien." in response.content.decode()


def test_the_right_code_confirms_the_app_and_lets_the_user_in(half_logged_in):
    device = start_setup(half_logged_in)
    response = half_logged_in.post(
        reverse("otp_enrol_scan"), {"code": app_code(device), "next": "/werkruimte/aanbod/"}
    )
    assert response["Location"] == reverse("otp_backup_codes") + "?next=%2Fwerkruimte%2Faanbod%2F"
    device.refresh_from_db()
    assert device.confirmed is True
    assert half_logged_in.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert half_logged_in.get(reverse("werkruimte")).status_code == 200


def test_a_typo_is_forgiven_at_once_while_setting_up(half_logged_in):
    device = start_setup(half_logged_in)
    wrong = f"{(int(app_code(device)) + 1) % 1_000_000:06d}"
    half_logged_in.post(reverse("otp_enrol_scan"), {"code": wrong})
    response = half_logged_in.post(reverse("otp_enrol_scan"), {"code": app_code(device)})
    assert response.status_code == 302


def test_ten_backup_codes_are_shown_once_with_advice_to_print_them(half_logged_in):
    device = start_setup(half_logged_in)
    half_logged_in.post(reverse("otp_enrol_scan"), {"code": app_code(device)})
    html = half_logged_in.get(reverse("otp_backup_codes")).content.decode()
    codes = re.findall(r"<li><code[^>]*>([a-z2-7]{8})</code></li>", html)
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.values_list("token", flat=True))
    assert "Print ze of schrijf ze op" in html

    again = half_logged_in.get(reverse("otp_backup_codes")).content.decode()
    assert not any(code in again for code in codes)
    assert "U heeft nog 10 reservecodes die u niet heeft gebruikt." in again


def test_new_backup_codes_replace_the_old_ones(client, kartrekker_user):
    old = services.backup_codes_replace(user=kartrekker_user)
    client.force_login(kartrekker_user)
    client.post(reverse("otp_verify"), {"code": old[0]})
    response = client.post(reverse("otp_backup_codes"), follow=True)
    new = re.findall(r"<li><code[^>]*>([a-z2-7]{8})</code></li>", response.content.decode())
    assert len(new) == 10
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)
    assert not set(old) & set(new)


def test_backup_codes_page_needs_the_second_step(half_logged_in, app_device):
    response = half_logged_in.post(reverse("otp_backup_codes"))
    assert response["Location"] == reverse("otp_verify")
    assert not StaticToken.objects.exists()


def test_someone_with_only_the_password_cannot_add_a_second_app(half_logged_in, app_device):
    assert half_logged_in.get(reverse("otp_enrol"))["Location"] == reverse("otp_verify")
    half_logged_in.post(reverse("otp_enrol"))
    assert half_logged_in.get(reverse("otp_enrol_scan"))["Location"] == reverse("otp_verify")
    assert TOTPDevice.objects.count() == 1


def test_after_a_lost_phone_a_backup_code_leads_to_setting_up_a_new_app(
    half_logged_in, kartrekker_user
):
    codes = services.backup_codes_replace(user=kartrekker_user)  # the app was removed
    response = half_logged_in.post(reverse("otp_verify"), {"code": codes[0]})
    assert response["Location"] == reverse("otp_enrol")
    page = half_logged_in.get(response["Location"]).content.decode()
    assert "Nu niet. Ga verder zonder app" in page

    device = start_setup(half_logged_in)
    half_logged_in.post(reverse("otp_enrol_scan"), {"code": app_code(device)})
    device.refresh_from_db()
    assert device.confirmed


def test_without_an_app_and_without_codes_left_the_user_sets_up_an_app(
    half_logged_in, kartrekker_user
):
    services.backup_codes_replace(user=kartrekker_user)
    StaticToken.objects.all().delete()
    response = half_logged_in.get(reverse("werkruimte"))
    assert response["Location"].startswith(reverse("otp_enrol"))
