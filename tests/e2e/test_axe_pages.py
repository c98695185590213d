"""Every page of the portal in Chromium, with the login it needs: axe-core finds nothing.

The list is pijlers.toegankelijkheid.PAGES, and the 404 and 403 pages of ERROR_PAGES (the
accessibility statement counts them); tests/portal/test_axe_page_list.py fails when a page of
the URLconf is missing. One test per login: it makes one object of every kind (build_world of
the permission matrix), logs in once, visits its pages two tabs at a time, and then reports
every problem of every page at once. Rules: WCAG 2.1 A and AA, and axe's best practices.
"""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from aanbod.models import Activiteit
from aanbod.permissions import klopt_nog_token
from hilversum_eenzaamheid import roles
from hilversum_eenzaamheid.accounts.services import totp_device_pending
from pijlers.toegankelijkheid import ERROR_PAGES, PAGES
from tests.e2e.axe_pages import route_of
from tests.e2e.browser import AXE_JS, AXE_TAGS, format_violations
from tests.factories import UserFactory
from tests.portal.permission_matrix_rows import build_world

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# The logins of the second login step: their session must stop after the password.
BEFORE_SECOND_STEP = {"new_staff", "password_only"}


def _values(values: dict) -> dict:
    """The placeholders of PAGES: the matrix's objects, and a few the public pages need."""
    activiteit = Activiteit.objects.get(pk=values["ax"])
    resetter = UserFactory(username="axe-wachtwoord-kwijt")
    return values | {
        "slug": activiteit.slug,
        "klopt_nog": klopt_nog_token(activiteit),
        "uid": urlsafe_base64_encode(force_bytes(resetter.pk)),
        "reset_token": default_token_generator.make_token(resetter),
    }


def _user_for(login: str, users: dict):
    if login == "new_staff":
        user = UserFactory(username="axe-nieuw", password=None, roles=[roles.BUURTTEAM])
        totp_device_pending(user=user)  # the scan page shows the QR code of this device
        return user
    if login == "password_only":
        return users["coord"]  # has a confirmed app (build_world)
    return users[login]


def _log_in(context, base_url: str, user) -> None:
    """Give the browser the session of the user (the login pages have their own tests)."""
    client = Client()
    client.force_login(user)
    host = urlsplit(base_url).hostname
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "domain": host, "path": "/"}])


def _same_page(requested: str, shown: str) -> bool:
    # The reset link swaps its token for a fixed word in the address (Django's own redirect).
    return route_of(requested) == route_of(shown)


# Started without waiting for it, so the tabs' renderers run axe side by side (two CPUs here).
# resultTypes: only violations are worked out for every element (passes are not reported).
AXE_START = """tags => {
    window.axeViolations = undefined;
    axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]}).then(
        result => { window.axeViolations = result.violations; },
        error => { window.axeViolations = [{id: "axe-error", impact: String(error), help: "",
                                            helpUrl: "", nodes: []}]; });
}"""
TABS = 2
# WCAG 2.1 A and AA, and axe-core's best practices (one main landmark, landmarks named apart, ...).
TAGS = [*AXE_TAGS, "best-practice"]


def _open(page, base_url: str, path: str, status: int = 200) -> list[str]:
    """Load the page and start axe-core on it; a problem when it is not the page asked for."""
    response = page.goto(base_url + path, wait_until="load")
    if response is None or response.status != status:
        return [f"{path}: HTTP {response and response.status}"]
    if status == 200 and not _same_page(path, page.url):
        return [f"{path}: sent on to {page.url}"]
    page.evaluate(AXE_START, TAGS)
    return []


def _axe_result(page, path: str) -> list[str]:
    page.wait_for_function("window.axeViolations !== undefined")
    violations = page.evaluate("window.axeViolations")
    return [f"{path}:\n{format_violations(violations)}"] if violations else []


def _check(context, base_url: str, paths: list[tuple[str, int]]) -> list[str]:
    """Every page's problems, checking TABS pages at a time. A page is (address, status)."""
    tabs = [context.new_page() for _ in range(TABS)]
    problems = []
    for start in range(0, len(paths), TABS):
        started = []
        for tab, (path, status) in zip(tabs, paths[start : start + TABS], strict=False):
            opened = _open(tab, base_url, path, status)
            problems += opened
            if not opened:
                started.append((tab, path))
        for tab, path in started:
            problems += _axe_result(tab, path)
    return problems


def _logins():
    for login in PAGES:
        marks = [pytest.mark.no_otp] if login in BEFORE_SECOND_STEP else []
        yield pytest.param(login, marks=marks, id=login)


@pytest.mark.parametrize("login", list(_logins()))
def test_every_page_of_the_login_passes_axe(browser, live_server, login):
    users, values = build_world()
    values = _values(values)
    user = _user_for(login, users)
    context = browser.new_context(bypass_csp=True, locale="nl-NL")
    try:
        context.add_init_script(path=str(AXE_JS))  # axe-core in every page, before its scripts
        if user is not None:
            _log_in(context, live_server.url, user)
        paths = [(path.format_map(values), 200) for path in PAGES[login]]
        paths += [(path, status) for who, path, status in ERROR_PAGES if who == login]
        problems = _check(context, live_server.url, paths)
    finally:
        context.close()
    assert not problems, f"{len(problems)} of {len(paths)} pages fail:\n" + "\n".join(problems)


BROKEN_PAGE = '<!DOCTYPE html><html><body><h1>Over</h1><img src="data:,"></body></html>'


def test_the_check_reports_violations_redirects_and_errors_of_each_page(browser, live_server):
    """The check must fail on what it claims to catch, or a green run means nothing."""
    context = browser.new_context(bypass_csp=True)
    try:
        context.add_init_script(path=str(AXE_JS))
        context.route(
            "**/over/", lambda route: route.fulfill(body=BROKEN_PAGE, content_type="text/html")
        )
        paths = [(path, 200) for path in ("/over/", "/werkruimte/", "/aanbod/bestaat-niet/")]
        paths += [("/privacy/", 200), ("/nergens/", 404)]
        problems = "\n".join(_check(context, live_server.url, paths))
    finally:
        context.close()
    assert "/over/:\n- document-title (serious)" in problems
    assert "- image-alt (critical)" in problems
    assert "- html-has-lang (serious)" in problems
    assert f"/werkruimte/: sent on to {live_server.url}/inloggen/?next=/werkruimte/" in problems
    assert "/aanbod/bestaat-niet/: HTTP 404" in problems
    assert "/privacy/" not in problems and "/nergens/" not in problems
