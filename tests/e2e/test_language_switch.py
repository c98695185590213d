"""Issue #8 in a real browser: the "English" link in the header, by keyboard and without script.

The browser asks for English (Accept-Language en-US), as headless Chromium and many Dutch
computers do: the portal stays Dutch until the link is followed.
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import PageVisitor
from tests.e2e.keyboard import tab_to

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def english_browser(browser, live_server, request, *, javascript=True) -> PageVisitor:
    context = browser.new_context(bypass_csp=True, java_script_enabled=javascript, locale="en-US")
    request.addfinalizer(context.close)
    return PageVisitor(context.new_page(), live_server.url, name=request.node.name)


def test_keyboard_user_switches_to_english_and_back_on_the_same_page(browser, live_server, request):
    visitor = english_browser(browser, live_server, request)
    page = visitor.open("/aanbod/?wijk=centrum")
    assert page.get_attribute("html", "lang") == "nl"
    tab_to(page, "a.language-switch")
    expect(page.locator("a.language-switch")).to_have_text("English")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/aanbod/?wijk=centrum")
    assert page.get_attribute("html", "lang") == "en"
    expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()
    visitor.audit()  # axe-core (WCAG 2.1 AA), one h1, lang="en", nothing from other hosts
    tab_to(page, "a.language-switch")
    expect(page.locator("a.language-switch")).to_have_text("Nederlands")
    expect(page.locator("a.language-switch")).to_have_attribute("lang", "nl")
    page.keyboard.press("Enter")
    page.wait_for_url("**/aanbod/?wijk=centrum")
    assert page.get_attribute("html", "lang") == "nl"


@pytest.mark.parametrize("path", ["/en/", "/en/meldpunt/", "/en/zelftest/", "/en/coalitie/"])
def test_english_pages_pass_axe(browser, live_server, request, path):
    visitor = english_browser(browser, live_server, request)
    visitor.open(path)
    visitor.audit()


def test_the_switch_works_without_javascript_and_sets_no_cookie(browser, live_server, request):
    visitor = english_browser(browser, live_server, request, javascript=False)
    page = visitor.open("/over/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/over/")
    assert page.get_attribute("html", "lang") == "en"
    assert page.context.cookies() == []
