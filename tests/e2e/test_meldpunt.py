"""The public form and the thank-you page in a real browser: axe-core, keyboard, no JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from wijken.models import Postcode, Wijk

# serialized_rollback: wijken and buurtteams come from data migrations; the flush after each
# transactional test would otherwise delete them for the tests that follow.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HEADING = "Maakt u zich zorgen om iemand?"


@pytest.fixture
def fast_fill(settings):
    # A person takes minutes; the browser takes milliseconds. Fill time is tested elsewhere.
    settings.MELDPUNT_MIN_FILL_SECONDS = 0


def test_empty_form_passes_axe_and_loads_only_from_the_portal(visitor):
    page = visitor.open("/meldpunt/")
    expect(page.locator("h1")).to_have_text(HEADING)
    visitor.audit()
    visitor.check_skip_link()


def test_form_with_errors_passes_axe_and_focuses_the_summary(visitor):
    page = visitor.open("/meldpunt/")
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.locator("#foutmeldingen")).to_be_focused()
    visitor.audit()
    # Following an error link lands on the question it names.
    page.locator("#foutmeldingen a", has_text="Is er direct gevaar?").click()
    assert page.url.endswith("#id_urgent_0")


def test_whole_form_can_be_filled_in_by_keyboard_and_the_thank_you_page_passes_axe(
    visitor, fast_fill
):
    Postcode.objects.create(postcode="1223AB", wijk=Wijk.objects.get(slug="noordoost"))
    page = visitor.open("/meldpunt/")
    page.locator("#id_about_0").focus()
    page.keyboard.press("ArrowDown")  # radio group: arrows choose "Over iemand anders"
    expect(page.locator("#id_about_1")).to_be_checked()
    page.keyboard.press("Tab")  # into the next group: "Wie bent u?"
    page.keyboard.press("Space")
    expect(page.locator("#id_reporter_role_0")).to_be_checked()
    page.keyboard.press("Tab")  # "Is er direct gevaar?"
    page.keyboard.press("ArrowRight")  # "Nee"
    expect(page.locator("#id_urgent_1")).to_be_checked()
    page.locator("#id_postcode").focus()
    page.keyboard.type("1223 AB")
    page.keyboard.press("Tab")
    page.keyboard.type("12")
    page.locator("#id_signals_0").focus()
    page.keyboard.press("Space")
    page.locator("#id_text").focus()
    page.keyboard.type("Mijn buurman komt niet meer buiten.")
    page.locator("#id_person_knows_0").focus()
    page.keyboard.press("Space")
    page.locator("#id_consent").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Melding versturen")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Bedankt voor uw melding")
    expect(page.locator(".meldpunt-kenmerk")).to_have_text(
        re.compile(r"HV-[A-Z0-9]{4}-[A-Z0-9]{4}")
    )
    visitor.audit()


def test_urgent_answer_makes_the_help_box_stand_out_at_once(visitor):
    page = visitor.open("/meldpunt/")
    box = page.locator("#meldpunt-nood")
    expect(box).to_contain_text("112")
    expect(box).not_to_have_class(re.compile("alert-danger"))
    page.locator("#id_urgent_0").check()
    expect(box).to_have_class(re.compile("alert-danger"))
    expect(box.locator("[data-meldpunt-nood-ja]")).to_be_visible()


def test_help_numbers_show_without_javascript(visitor_without_js):
    page = visitor_without_js.open("/meldpunt/")
    box = page.locator("#meldpunt-nood")
    expect(box).to_be_visible()
    expect(box.get_by_role("link", name="112")).to_be_visible()
    expect(box).to_contain_text("0800 0113")
