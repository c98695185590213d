"""No page makes a request to another host (issue #7, Privacy).

A resident who opens the meldpunt or searches for help must not tell a font service, a CDN or
an analytics company about it. Every public page and at least one staff page of each app
(listed in tests/security/pages.py) is opened in Chromium with JavaScript on and the real
Content-Security-Policy; every request the browser makes for it is recorded.
"""

from urllib.parse import urlsplit

import pytest

from tests.security.pages import (
    PUBLIC_PAGES,
    STAFF_PAGES,
    log_in,
    seed_demo,
    use_the_public_forms,
)

# serialized_rollback: the data migrations' rows (wijken, roles, terms) survive the flush.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

STAFF_APPS = [
    "/werkruimte/aanbod/",
    "/werkruimte/meldingen/",
    "/werkruimte/coalitie/",
    "/werkruimte/pijlers/",
    "/monitoring/",
    "/beheer/",
]


def _from(origin: str, url: str) -> bool:
    """Whether the browser asked the portal (or needed no host: data:, blob:, about:)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return f"{parts.scheme}://{parts.netloc}" == origin


def test_every_page_loads_only_from_the_portal(browser, live_server):
    demo = seed_demo()
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(live_server.url))
    context = browser.new_context(locale="nl-NL")
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    foreign: dict[str, list[str]] = {}
    loaded: dict[str, int] = {}

    def record(label: str) -> None:
        others = [url for url in requested if not _from(origin, url)]
        if others:
            foreign[label] = sorted(set(others))
        loaded[label] = len(requested)
        requested.clear()

    for path in PUBLIC_PAGES:
        page.goto(live_server.url + demo.fill(path), wait_until="networkidle")
        record(demo.fill(path))
    use_the_public_forms(page, live_server.url, demo, record)
    for username, path in STAFF_PAGES:
        log_in(context, live_server.url, username)
        response = page.goto(live_server.url + demo.fill(path), wait_until="networkidle")
        assert response.status == 200, f"{username} could not open {demo.fill(path)}"
        record(f"{demo.fill(path)} as {username}")

    assert not foreign, "requests to other hosts:\n" + "\n".join(
        f"{label}: {', '.join(urls)}" for label, urls in foreign.items()
    )
    # Not vacuous: each page asked the portal for itself and its files (Django's bare 404
    # page has none).
    bare = [label for label, count in loaded.items() if count < 2 and label != "/bestaat-niet/"]
    assert not bare, f"pages that loaded nothing: {bare}"
    assert all(any(label.startswith(app) for label in loaded) for app in STAFF_APPS)


def test_a_request_to_another_host_would_be_seen(browser, live_server):
    """The recorder above notices a foreign request (here one the test makes the page do)."""
    context = browser.new_context(locale="nl-NL", bypass_csp=True)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(live_server.url + "/over/", wait_until="networkidle")
    page.evaluate("new Image().src = 'http://192.0.2.1/pixel.gif'")
    page.wait_for_timeout(200)
    assert "http://192.0.2.1/pixel.gif" in requested
