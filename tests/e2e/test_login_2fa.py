"""Logging in with two steps in a real browser: set up the app by keyboard, enter codes, the
lock-out and password-reset pages; axe-core on each page."""

import re
import time
from base64 import b32decode

import pytest
from django.core import mail
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from hilversum_eenzaamheid import roles
from tests.e2e.test_login import log_in_with_keyboard, tab_to
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def coordinator():
    return UserFactory(username="coordinator", roles=[roles.MELDPUNT_COORDINATOR])


def code_for_secret(secret: str) -> str:
    """What an authenticator app shows for this (base32, grouped) secret right now."""
    key = b32decode(secret.replace(" ", ""))
    totp = TOTP(key)
    totp.time = time.time()
    return f"{totp.token():06d}"


def code_for_device(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():06d}"


def enter_code_with_keyboard(page, code: str) -> None:
    """The code page: type the code and press Enter, as a keyboard user would."""
    tab_to(page, "#id_code")
    page.keyboard.type(code)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_first_login_sets_up_the_app_by_keyboard(visitor, coordinator):
    page = visitor.open("/inloggen/")
    visitor.audit()
    log_in_with_keyboard(page, "coordinator", PASSWORD)

    expect(page.locator("h1")).to_have_text("Inloggen met twee stappen instellen")
    visitor.audit()
    tab_to(page, "button:has-text('Ik heb de app. Ga verder')")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("Koppel de app aan uw account")
    expect(page.get_by_role("img", name="QR-code om de app in te stellen")).to_be_visible()
    visitor.audit()
    secret = page.locator("#sleutel").inner_text()
    enter_code_with_keyboard(page, code_for_secret(secret))

    expect(page.locator("h1")).to_have_text("Uw reservecodes")
    expect(page.locator(".otp-backup-codes li")).to_have_count(10)
    visitor.audit()
    tab_to(page, "a:has-text('Ik heb de codes bewaard')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Werkruimte")
    assert TOTPDevice.objects.get(user=coordinator).confirmed


def test_enrolment_with_a_wrong_code_shows_the_error_summary(visitor, coordinator):
    page = visitor.open("/inloggen/")
    log_in_with_keyboard(page, "coordinator", PASSWORD)
    page.get_by_role("button", name="Ik heb de app. Ga verder").click()
    page.get_by_label("Code uit de app").fill("12345")
    page.get_by_role("button", name="Controleren").click()
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator(".error-summary")).to_contain_text("Vul de 6 cijfers in")
    visitor.audit()


def test_code_page_passes_axe_and_a_wrong_code_is_explained(visitor, coordinator):
    device = TOTPDevice.objects.create(user=coordinator, name="App", confirmed=True)
    page = visitor.open("/inloggen/")
    log_in_with_keyboard(page, "coordinator", PASSWORD)
    expect(page.locator("h1")).to_have_text("Vul de code in")
    expect(page.locator("#id_code")).to_be_focused()
    visitor.audit()

    wrong = f"{(int(code_for_device(device)) + 1) % 1_000_000:06d}"
    enter_code_with_keyboard(page, wrong)
    expect(page.locator(".error-summary")).to_contain_text("Deze code klopt niet")
    visitor.audit()

    time.sleep(1.1)  # django-otp makes the next try wait one second after a wrong code
    enter_code_with_keyboard(page, code_for_device(device))
    expect(page.locator("h1")).to_have_text("Werkruimte")


def test_lockout_page_passes_axe(visitor, coordinator):
    page = visitor.open("/inloggen/")
    for _ in range(5):
        page.get_by_label("Gebruikersnaam").fill("coordinator")
        page.get_by_label("Wachtwoord").fill("niet-het-wachtwoord")
        page.get_by_role("button", name="Inloggen").click()
    expect(page.locator("h1")).to_have_text("Even wachten met inloggen")
    # The page itself answers 429 on purpose; everything it loads must still succeed.
    visitor.failed = [f for f in visitor.failed if "/inloggen/ (HTTP 429)" not in f]
    visitor.audit()


def test_password_reset_pages_pass_axe(visitor, coordinator):
    page = visitor.open("/inloggen/")
    page.get_by_role("link", name="Wachtwoord vergeten?").click()
    expect(page.locator("h1")).to_have_text("Wachtwoord vergeten")
    visitor.audit()

    page.get_by_role("button", name="Link aanvragen").click()
    expect(page.locator(".error-summary")).to_be_focused()
    visitor.audit()

    page.get_by_label("E-mailadres").fill("coordinator@example.org")
    page.get_by_role("button", name="Link aanvragen").click()
    expect(page.locator("h1")).to_have_text("Kijk in uw e-mail")
    visitor.audit()

    (message,) = mail.outbox
    link = re.search(r"/inloggen/nieuw-wachtwoord/\S+/", message.body)[0]
    page = visitor.open(link)
    expect(page.locator("h1")).to_have_text("Nieuw wachtwoord maken")
    visitor.audit()
    page.locator("#id_new_password1").fill("een-heel-nieuw-wachtwoord-2025")
    page.get_by_label("Nieuw wachtwoord bevestigen").fill("een-heel-nieuw-wachtwoord-2025")
    page.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(page.locator("h1")).to_have_text("Uw nieuwe wachtwoord is opgeslagen")
    visitor.audit()


def test_the_second_step_works_without_javascript(visitor_without_js, coordinator):
    device = TOTPDevice.objects.create(user=coordinator, name="App", confirmed=True)
    page = visitor_without_js.open("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("coordinator")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code").fill(code_for_device(device))
    page.get_by_role("button", name="Inloggen").click()
    expect(page.locator("main#inhoud h1")).to_have_text("Werkruimte")
