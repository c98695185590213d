"""No page breaks the Content-Security-Policy (issue #7, Headers and settings).

The policy forbids inline scripts, inline styles and eval, so a page that still has any of
them breaks for real visitors (a style not applied, a script not run). Chromium opens every
page of tests/security/pages.py and every page the werkruimte links to for each demo role,
with the policy enforced (the other browser tests bypass it for axe-core), and the test fails
on every violation the browser reports: the `securitypolicyviolation` events of the page and
the CSP errors on its console.
"""

from urllib.parse import urlsplit

import pytest

from tests.security.pages import (
    PUBLIC_PAGES,
    STAFF_PAGES,
    log_in,
    seed_demo,
    staff_links,
    use_the_public_forms,
)

# serialized_rollback: the data migrations' rows (wijken, roles, terms) survive the flush.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Runs in every document before its own scripts (Playwright injects it outside the policy).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(
    event.effectiveDirective + " blocked " + (event.blockedURI || "?") +
    " in " + (event.sourceFile || "the page") + ":" + event.lineNumber +
    (event.sample ? " (" + event.sample + ")" : "")
  );
});
"""
ROLES = ["kartrekker", "coordinator", "kerngroep", "aanbieder", "buurtteam-noordoost"]


class PolicyWatcher:
    """One tab with the policy enforced; collects violations per page."""

    def __init__(self, browser, base_url: str):
        self.base_url = base_url
        self.context = browser.new_context(locale="nl-NL")
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.page = self.context.new_page()
        self.console: list[str] = []
        self.page.on("console", self._on_console)
        self.violations: dict[str, list[str]] = {}
        self.checked: list[str] = []

    def _on_console(self, message) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def open(self, path: str) -> None:
        response = self.page.goto(self.base_url + path, wait_until="networkidle")
        header = response.headers.get("content-security-policy", "")
        if "default-src 'self'" not in header or "unsafe-" in header:
            self.violations[path] = [f"policy header missing or weakened: {header!r}"]
        # Checking the login page instead of the page asked for would prove nothing.
        landed = urlsplit(self.page.url)
        if landed.path != urlsplit(path).path or response.status not in (200, 404):
            self.violations.setdefault(path, []).append(
                f"did not open: HTTP {response.status} at {landed.path}"
            )
        self.check(path)

    def check(self, label: str) -> None:
        found = self.page.evaluate("window.__cspViolations || []") + self.console
        self.console = []
        if found:
            self.violations.setdefault(label, []).extend(found)
        self.checked.append(label)

    def report(self) -> str:
        return "\n".join(
            f"{label}:\n    " + "\n    ".join(sorted(set(found)))
            for label, found in self.violations.items()
        )


def test_no_page_breaks_the_content_security_policy(browser, live_server):
    demo = seed_demo()
    watcher = PolicyWatcher(browser, live_server.url)
    for path in PUBLIC_PAGES:
        watcher.open(demo.fill(path))
    use_the_public_forms(watcher.page, live_server.url, demo, watcher.check)
    opened = set()
    for username, path in STAFF_PAGES:
        log_in(watcher.context, live_server.url, username)
        watcher.open(demo.fill(path))
        opened.add(demo.fill(path))
    for username in ROLES:
        log_in(watcher.context, live_server.url, username)
        for path in staff_links(watcher.page, live_server.url):
            if urlsplit(path).path not in opened:
                opened.add(urlsplit(path).path)
                watcher.open(path)
    assert not watcher.violations, "pages that break the CSP:\n" + watcher.report()
    assert len(watcher.checked) > len(PUBLIC_PAGES) + len(STAFF_PAGES)


def test_a_violation_would_be_seen(browser, live_server):
    """The watcher notices an inline style the policy blocks (one the test adds)."""
    watcher = PolicyWatcher(browser, live_server.url)
    watcher.open("/over/")
    assert not watcher.violations
    watcher.page.evaluate(
        "document.head.insertAdjacentHTML('beforeend', '<style>body { color: red }</style>')"
    )
    watcher.page.wait_for_timeout(200)
    watcher.check("/over/ with an inline style")
    assert "/over/ with an inline style" in watcher.violations


def test_axe_core_can_audit_a_page_under_the_enforced_policy(browser, live_server):
    """axe-core injected as an init script (outside the page's policy) runs with the policy
    on, so the other browser tests need not bypass it (see tests/e2e/browser.py)."""
    from tests.e2e.browser import AXE_JS, AXE_TAGS

    watcher = PolicyWatcher(browser, live_server.url)
    watcher.context.add_init_script(path=str(AXE_JS))
    watcher.open("/over/")
    result = watcher.page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    assert result["passes"], "axe-core ran no rules"
    watcher.check("/over/ after axe-core")
    assert not watcher.violations, watcher.report()
