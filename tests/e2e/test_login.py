"""Staff log in through the real form, with the keyboard only, and reach their werkruimte."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from hilversum_eenzaamheid import roles
from tests.access.conftest import app_code
from tests.factories import PASSWORD, UserFactory

# serialized_rollback: the role groups come from a data migration, and the flush after every
# transactional test would otherwise delete them for the next one.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def kartrekker():
    user = UserFactory(username="kartrekker", roles=[roles.KARTREKKER])
    # Staff log in in two steps (issue #7); this one set up the app before.
    TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    return user


def tab_to(page, selector: str, *, max_presses: int = 30) -> None:
    """Press Tab until the element has focus, as a keyboard user would."""
    target = page.locator(selector)
    for _ in range(max_presses):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"{selector} not reached with {max_presses} presses of Tab")


def log_in_with_keyboard(page, username: str, password: str) -> None:
    tab_to(page, "#id_username")
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    expect(page.locator("#id_password")).to_be_focused()
    page.keyboard.type(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def pass_second_step_with_keyboard(page, username: str) -> None:
    """The code page after the password: type what the user's app shows, press Enter."""
    expect(page.locator("h1")).to_have_text("Vul de code in")
    tab_to(page, "#id_code")
    page.keyboard.type(app_code(TOTPDevice.objects.get(user__username=username)))
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_kartrekker_logs_in_by_keyboard_and_sees_the_werkruimte(visitor, kartrekker):
    page = visitor.open("/inloggen/")
    visitor.audit()

    log_in_with_keyboard(page, "kartrekker", PASSWORD)
    pass_second_step_with_keyboard(page, "kartrekker")

    expect(page).to_have_url(visitor.url("/werkruimte/"))
    expect(page.locator("h1")).to_have_text("Werkruimte")
    expect(page.locator('[data-role="kartrekker"] h3')).to_have_text("Kartrekker")
    expect(page.get_by_text("Ingelogd als kartrekker")).to_be_visible()
    visitor.audit()


def test_wrong_password_shows_a_dutch_error_and_keeps_the_username(visitor, kartrekker):
    page = visitor.open("/inloggen/")

    log_in_with_keyboard(page, "kartrekker", "niet-het-wachtwoord")

    expect(page).to_have_url(visitor.url("/inloggen/"))
    expect(page.locator(".error-summary")).to_contain_text(
        "Voer een juiste gebruikersnaam en wachtwoord in"
    )
    expect(page.locator("#id_username")).to_have_value("kartrekker")
    expect(page.locator("#id_password")).to_have_value("")
    expect(page.get_by_role("button", name="Uitloggen")).to_have_count(0)
    visitor.audit()


def test_werkruimte_skip_link_moves_keyboard_focus_to_the_content(visitor, kartrekker):
    page = visitor.open("/inloggen/")
    log_in_with_keyboard(page, "kartrekker", PASSWORD)
    pass_second_step_with_keyboard(page, "kartrekker")
    expect(page).to_have_url(visitor.url("/werkruimte/"))

    visitor.check_skip_link()


def test_login_and_werkruimte_work_without_javascript(visitor_without_js, kartrekker):
    page = visitor_without_js.open("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("kartrekker")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code").fill(app_code(kartrekker.totpdevice_set.get()))
    page.get_by_role("button", name="Inloggen").click()

    expect(page).to_have_url(visitor_without_js.url("/werkruimte/"))
    visitor_without_js.screenshot()
    assert page.evaluate("typeof window.htmx") == "undefined"
    expect(page.locator("main#inhoud h1")).to_have_text("Werkruimte")
    expect(page.locator('[data-role="kartrekker"] h3')).to_have_text("Kartrekker")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("link", name="Werkruimte")).to_be_visible()
