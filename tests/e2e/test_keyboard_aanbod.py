"""Issue #8: the sociale kaart by keyboard only, from the search page to a calendar file.

Search a word, choose a wijk and a day, open an activity and save it to a calendar, with Tab,
Shift+Tab, Space and Enter only: no clicks, and no address typed after the first page.
"""

import re
from datetime import date, time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from aanbod.constants import Herhaling
from aanbod.indexing import activiteit_reindex
from tests.aanbod.factories import ActiviteitFactory, RoosterFactory
from tests.e2e.keyboard import assert_focus_visible, is_focused, tab_to
from wijken.models import Wijk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _activiteit(name: str, wijk: str, day: str):
    activiteit = ActiviteitFactory(
        name=name,
        slug=name.lower().replace(" ", "-"),
        short_description="Koffie drinken en een praatje maken in de buurt.",
        heel_hilversum=False,
    )
    activiteit.wijken.add(Wijk.objects.get(slug=wijk))
    RoosterFactory(
        activiteit=activiteit,
        herhaling=Herhaling.WEKELIJKS,
        start_date=date(2026, 1, 5),
        start_time=time(10),
        end_time=time(12),
        dinsdag=day == "dinsdag",
        donderdag=day == "donderdag",
    )
    return activiteit


@pytest.fixture
def activiteiten():
    """Three coffee mornings: the wijk filter drops the one in Oost, the day filter the one on
    Thursday, and the one on Tuesday in Noordoost is left."""
    made = [
        _activiteit("Koffieochtend Lopes Dias", "noordoost", "dinsdag"),
        _activiteit("Koffie in de Kerk", "noordoost", "donderdag"),
        _activiteit("Koffie aan de Oostkant", "oost", "dinsdag"),
    ]
    activiteit_reindex(ids=[a.pk for a in made])
    return made


def _results(page):
    return page.locator("#resultaten h3 a")


def test_search_filter_open_and_save_an_activity_with_the_keyboard_only(visitor, activiteiten):
    page = visitor.open("/aanbod/")
    visitor.check_skip_link()  # Tab shows the skip link; Enter moves focus to the content

    tab_to(page, "#id_q")
    page.keyboard.type("koffie")
    page.keyboard.press("Enter")  # htmx replaces the results and the address
    expect(page).to_have_url(re.compile(r"[?&]q=koffie"))
    expect(_results(page)).to_have_count(3)

    tab_to(page, "#f-wijk-noordoost")
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"[?&]wijk=noordoost"))
    expect(_results(page)).to_have_count(2)
    # The filters were swapped in with the results: focus must not fall back to the page top.
    expect(page.locator("#f-wijk-noordoost")).to_be_focused()
    expect(page.locator("#f-wijk-noordoost")).to_be_checked()

    tab_to(page, "#f-dag-di")
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"[?&]dag=di"))
    expect(_results(page)).to_have_count(1)
    expect(_results(page)).to_have_text("Koffieochtend Lopes Dias")
    expect(page.locator("#f-dag-di")).to_be_focused()
    assert_focus_visible(page)
    # One step back and forth again: Shift+Tab leaves the day, Tab returns to it.
    page.keyboard.press("Shift+Tab")
    assert not is_focused(page.locator("#f-dag-di"))
    tab_to(page, "#f-dag-di")
    visitor.audit()  # the filtered page, as htmx left it

    tab_to(page, "#resultaten a:has-text('Koffieochtend Lopes Dias')")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Koffieochtend Lopes Dias")

    tab_to(page, "a[href$='/agenda.ics']")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == "koffieochtend-lopes-dias.ics"
    calendar = Path(download.path()).read_text(encoding="utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert "SUMMARY:Koffieochtend Lopes Dias" in calendar
    assert "RRULE:FREQ=WEEKLY" in calendar and "BYDAY=TU" in calendar
