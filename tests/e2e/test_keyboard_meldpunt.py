"""Issue #8: a melding about someone else, by keyboard only, with a mistake on the way.

The consent box is left open; the error summary takes focus, its link leads to the box, what
was typed is still there, and the melding goes out after the fix. Tab, Shift+Tab, the arrow
keys, Space and Enter only: no clicks, no address typed after the first page.
"""

import re

import pytest
from playwright.sync_api import expect

from meldpunt.models import Melding
from tests.e2e.keyboard import assert_focus_visible, tab_to
from wijken.models import Postcode, Wijk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TEXT = "Mijn buurman komt sinds de zomer niet meer buiten."


@pytest.fixture
def fast_fill(settings):
    # A person takes minutes; the browser takes milliseconds. Fill time is tested elsewhere.
    settings.MELDPUNT_MIN_FILL_SECONDS = 0


def test_melding_about_someone_else_with_an_error_on_the_way_by_keyboard_only(visitor, fast_fill):
    Postcode.objects.create(postcode="1223AB", wijk=Wijk.objects.get(slug="noordoost"))
    page = visitor.open("/meldpunt/")
    visitor.check_skip_link()

    tab_to(page, "#id_about_0")
    page.keyboard.press("ArrowDown")  # in a radio group the arrows choose
    expect(page.locator("#id_about_1")).to_be_checked()  # "Over iemand anders"
    page.keyboard.press("Tab")  # "Wie bent u?"
    expect(page.locator("#id_reporter_role_0")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # "Is er direct gevaar?"
    page.keyboard.press("ArrowRight")
    expect(page.locator("#id_urgent_1")).to_be_checked()  # "Nee"
    tab_to(page, "#id_postcode")
    page.keyboard.type("1223 AB")
    page.keyboard.press("Tab")
    expect(page.locator("#id_huisnummer")).to_be_focused()
    page.keyboard.type("12")
    tab_to(page, "#id_signals_0")
    page.keyboard.press("Space")
    tab_to(page, "#id_text")
    page.keyboard.type(TEXT)
    tab_to(page, "#id_person_knows_0")
    page.keyboard.press("Space")  # "Ja"
    # The consent box is skipped: the mistake of this journey.
    tab_to(page, "button:has-text('Melding versturen')")
    page.keyboard.press("Enter")

    summary = page.locator("#foutmeldingen")
    expect(summary).to_be_focused()  # a screen reader reads it out first
    assert_focus_visible(page)
    expect(summary.locator("li")).to_have_count(1)
    expect(summary.locator("li")).to_contain_text("toestemming")
    assert Melding.objects.count() == 0
    # Nothing typed or chosen is lost.
    expect(page.locator("#id_about_1")).to_be_checked()
    expect(page.locator("#id_urgent_1")).to_be_checked()
    expect(page.locator("#id_postcode")).to_have_value("1223 AB")
    expect(page.locator("#id_huisnummer")).to_have_value("12")
    expect(page.locator("#id_signals_0")).to_be_checked()
    expect(page.locator("#id_text")).to_have_value(TEXT)
    expect(page.locator("#id_person_knows_0")).to_be_checked()

    # The summary's link leads to the box that was missed.
    tab_to(page, "#foutmeldingen a[href='#id_consent']")
    page.keyboard.press("Enter")
    assert page.url.endswith("#id_consent")
    consent = page.locator("#id_consent")
    expect(consent).to_be_focused()  # the field itself, ready for Space
    assert_focus_visible(page)
    page.keyboard.press("Space")
    expect(consent).to_be_checked()
    tab_to(page, "button:has-text('Melding versturen')")
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("Bedankt voor uw melding")
    expect(page.locator(".meldpunt-kenmerk")).to_have_text(
        re.compile(r"HV-[A-Z0-9]{4}-[A-Z0-9]{4}")
    )
    melding = Melding.objects.get()
    assert melding.text == TEXT and melding.buurtteam.slug == "noordoost"
    tab_to(page, "main a")  # the thank-you page goes on by keyboard too
