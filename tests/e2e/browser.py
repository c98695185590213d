"""A browser tab that records what a page loads and audits it: axe-core, requests, structure."""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import expect

AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOT_DIR = Path("/tmp/e2e-shots")


def run_axe(page) -> list[dict]:
    """Inject the vendored axe-core into the page and return its WCAG 2.1 A/AA violations."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return result["violations"]


def format_violations(violations: list[dict]) -> str:
    """One block per rule: id, impact, help text and link, then the failing elements."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}")
    return "\n".join(lines)


def _slug(url: str) -> str:
    path = urlsplit(url).path.strip("/")
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"


def _browser_dropped_the_favicon(request) -> bool:
    """Chromium fetches the favicon after the load event and cancels that fetch when the test
    moves on. Which page it belonged to can't be told from the request (it can start after the
    next navigation did), and a cancelled favicon is no defect of any page. A favicon the
    server fails to deliver still shows, as an HTTP error in _on_response."""
    return request.failure == "net::ERR_ABORTED" and urlsplit(request.url).path.endswith(
        ("/favicon.svg", "/favicon.ico")
    )


class PageVisitor:
    """One tab on the live server. Per page it keeps every request the page made.

    The record starts afresh at every top-level navigation (a link, a form post, a redirect),
    so after a form submission it holds exactly what the resulting page loaded.
    """

    def __init__(self, page, base_url: str, *, name: str):
        self.page = page
        self.base_url = base_url.rstrip("/")
        parts = urlsplit(self.base_url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.name = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")
        self.requested: list[str] = []
        self.failed: list[str] = []
        # The requests of the current page. A request of the page before (its favicon, which
        # Chromium fetches after the load event) can be aborted by the next navigation; that
        # failure belongs to the page that is gone, not to this one.
        self._current: list = []
        self._shots = 0
        page.on("request", self._on_request)
        page.on("requestfailed", self._on_request_failed)
        page.on("response", self._on_response)

    def _on_request(self, request):
        if request.is_navigation_request() and request.frame == self.page.main_frame:
            self.requested.clear()
            self.failed.clear()
            self._current = []
        self.requested.append(request.url)
        self._current.append(request)

    def _on_request_failed(self, request):
        if _browser_dropped_the_favicon(request):
            return
        if any(request is mine for mine in self._current):
            self.failed.append(f"{request.url} ({request.failure})")

    def _on_response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.url} (HTTP {response.status})")

    def url(self, path: str) -> str:
        return self.base_url + path

    def open(self, path: str):
        """Load a page of the live server and wait until its scripts and styles have loaded."""
        self.page.goto(self.url(path), wait_until="load")
        return self.page

    def screenshot(self) -> None:
        """Save the whole page to /tmp/e2e-shots/ when E2E_SCREENSHOTS=1, to look at by eye."""
        if os.environ.get("E2E_SCREENSHOTS") != "1":
            return
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        self._shots += 1
        file = SCREENSHOT_DIR / f"{self.name}-{self._shots}-{_slug(self.page.url)}.png"
        self.page.screenshot(path=str(file), full_page=True)

    def foreign_requests(self) -> list[str]:
        """Requests that did not go to the live server (CDNs, fonts, analytics, ...)."""
        return [
            url
            for url in self.requested
            if not url.startswith(("data:", "blob:"))
            and not (url == self.origin or url.startswith(self.origin + "/"))
        ]

    def problems(self) -> list[str]:
        """Everything wrong with the current page; an empty list means it passed."""
        page = self.page
        problems = [f"loaded from another host: {url}" for url in self.foreign_requests()]
        problems += [f"request failed: {failure}" for failure in self.failed]
        h1_count = page.locator("h1").count()
        if h1_count != 1:
            problems.append(f"expected exactly one <h1>, found {h1_count}")
        lang = page.get_attribute("html", "lang")
        # English pages live under /en/ (issue #8); every other page is Dutch.
        expected = "en" if urlsplit(page.url).path.startswith("/en/") else "nl"
        if lang != expected:
            problems.append(f'expected <html lang="{expected}">, found lang={lang!r}')
        violations = run_axe(page)
        if violations:
            report = format_violations(violations)
            problems.append(f"axe-core (WCAG 2.1 A/AA) violations:\n{report}")
        return problems

    def check_skip_link(self) -> None:
        """The skip link is the first Tab stop, shows when focused, and Enter focuses #inhoud."""
        page = self.page
        skip_link = page.locator("a.skip-link")
        if page.evaluate("document.activeElement === document.body"):
            page.keyboard.press("Tab")
        else:
            # A form with autofocus (the login page) starts in its first field; a keyboard user
            # then reaches the skip link by going back to the top of the page.
            for _ in range(20):
                page.keyboard.press("Shift+Tab")
                if skip_link.evaluate("element => element === document.activeElement"):
                    break
        expect(skip_link).to_be_focused()
        expect(skip_link).to_have_attribute("href", "#inhoud")
        # Hidden until focused: a sighted keyboard user must see where focus is.
        box = skip_link.bounding_box()
        assert box and box["width"] > 20 and box["height"] > 10, f"skip link not shown: {box}"
        page.keyboard.press("Enter")
        expect(page.locator("#inhoud")).to_be_focused()
        assert urlsplit(page.url).fragment == "inhoud"

    def audit(self) -> None:
        """Fail the test with a readable list when the current page has any problem."""
        self.screenshot()
        problems = self.problems()
        assert not problems, f"{self.page.url}:\n" + "\n".join(problems)
