"""Every public page in a real browser: WCAG 2.1 AA per axe-core, keyboard, no JavaScript."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Path and the heading that proves the right page (not an error page) was shown.
PUBLIC_PAGES = [
    ("/", "Samen tegen eenzaamheid in Hilversum"),
    ("/over/", "Over de aanpak van eenzaamheid"),
    ("/eenzaamheid/", "Wat is eenzaamheid?"),
    ("/privacy/", "Privacyverklaring"),
    ("/toegankelijkheid/", "Toegankelijkheidsverklaring"),
    ("/inloggen/", "Inloggen voor medewerkers"),
    ("/coalitie/", "Samen tegen eenzaamheid: de coalitie"),
]
PAGE_IDS = [path for path, _heading in PUBLIC_PAGES]


@pytest.mark.parametrize(("path", "heading"), PUBLIC_PAGES, ids=PAGE_IDS)
def test_public_page_passes_axe_and_loads_only_from_the_portal(visitor, path, heading):
    page = visitor.open(path)
    expect(page.locator("h1")).to_have_text(heading)
    visitor.audit()


@pytest.mark.parametrize(("path", "heading"), PUBLIC_PAGES, ids=PAGE_IDS)
def test_skip_link_moves_keyboard_focus_to_the_content(visitor, path, heading):
    visitor.open(path)
    visitor.check_skip_link()


@pytest.mark.parametrize(("path", "heading"), PUBLIC_PAGES, ids=PAGE_IDS)
def test_public_page_works_without_javascript(visitor_without_js, path, heading):
    page = visitor_without_js.open(path)
    visitor_without_js.screenshot()
    # Proof that the page's own scripts did not run (htmx defines window.htmx when it loads).
    assert page.evaluate("typeof window.htmx") == "undefined"
    expect(page.locator("main#inhoud h1")).to_have_text(heading)
    menu_links = page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link")
    # Home and "Over eenzaamheid" at least; none may hide behind a menu button that needs JS.
    assert menu_links.count() >= 2
    for link in menu_links.all():
        expect(link).to_be_visible()
    expect(page.get_by_role("link", name="088 0767 000").first).to_be_visible()
