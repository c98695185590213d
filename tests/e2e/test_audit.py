"""The audit itself must catch what it claims to catch, or a green run means nothing."""

import pytest

from tests.e2e.browser import PageVisitor

pytestmark = pytest.mark.e2e

BROKEN_PAGE = """<!DOCTYPE html>
<html><head><link rel="stylesheet" href="https://cdn.example.org/style.css"></head>
<body><h1>Een</h1><h1>Twee</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
</body></html>"""


def test_audit_reports_axe_violations_foreign_requests_and_structure(browser, request):
    context = browser.new_context(bypass_csp=True)
    request.addfinalizer(context.close)
    page = context.new_page()
    # Answer the CDN request locally: nothing may leave the machine.
    page.route("https://cdn.example.org/**", lambda route: route.fulfill(body=""))
    visitor = PageVisitor(page, "http://localhost:9", name=request.node.name)
    page.set_content(BROKEN_PAGE)

    problems = "\n".join(visitor.problems())

    assert "loaded from another host: https://cdn.example.org/style.css" in problems
    assert "expected exactly one <h1>, found 2" in problems
    assert 'expected <html lang="nl">, found lang=None' in problems
    assert "- image-alt (critical): Images must have alternative text" in problems
    assert "    at img" in problems
    assert "- html-has-lang (serious)" in problems


PAGE = """<!DOCTYPE html><html lang="nl"><head><title>{title}</title></head>
<body><h1>{title}</h1><img alt="" src="/{image}.png"></body></html>"""


def test_audit_reports_a_failed_request_of_this_page_but_not_of_the_page_before(browser, request):
    context = browser.new_context()
    request.addfinalizer(context.close)
    page = context.new_page()
    held = []
    page.route(
        "http://audit.test/een",
        lambda r: r.fulfill(body=PAGE.format(title="Een", image="traag"), content_type="text/html"),
    )
    page.route(
        "http://audit.test/twee",
        lambda r: r.fulfill(
            body=PAGE.format(title="Twee", image="kapot"), content_type="text/html"
        ),
    )
    # The first page's image never answers (like a favicon fetched after the load event);
    # the second page's image fails outright.
    page.route("http://audit.test/traag.png", lambda r: held.append(r))
    page.route("http://audit.test/kapot.png", lambda r: r.abort("connectionrefused"))
    visitor = PageVisitor(page, "http://audit.test", name=request.node.name)

    page.goto("http://audit.test/een", wait_until="domcontentloaded")
    page.wait_for_timeout(100)
    assert held, "the first page's image was requested"
    page.goto("http://audit.test/twee", wait_until="load")
    page.wait_for_timeout(200)  # let the abort of the first page's image arrive

    failed = [problem for problem in visitor.problems() if problem.startswith("request failed")]
    assert failed == ["request failed: http://audit.test/kapot.png (net::ERR_CONNECTION_REFUSED)"]


def test_audit_leaves_out_a_favicon_the_browser_cancelled_but_not_a_broken_one(browser, request):
    context = browser.new_context()
    request.addfinalizer(context.close)
    page = context.new_page()
    icon = '<link rel="icon" href="/static/img/favicon.svg">'
    body = PAGE.format(title="Een", image="plaatje").replace("</title>", "</title>" + icon)
    page.route("http://audit.test/een", lambda r: r.fulfill(body=body, content_type="text/html"))
    page.route("http://audit.test/plaatje.png", lambda r: r.fulfill(body=b""))
    visitor = PageVisitor(page, "http://audit.test", name=request.node.name)

    page.route("http://audit.test/static/img/favicon.svg", lambda r: r.abort("aborted"))
    page.goto("http://audit.test/een", wait_until="load")
    page.wait_for_timeout(200)
    assert not [p for p in visitor.problems() if p.startswith("request failed")]

    page.unroute("http://audit.test/static/img/favicon.svg")
    page.route("http://audit.test/static/img/favicon.svg", lambda r: r.fulfill(status=404))
    page.goto("http://audit.test/een", wait_until="load")
    page.wait_for_timeout(200)
    failed = [p for p in visitor.problems() if p.startswith("request failed")]
    assert failed == ["request failed: http://audit.test/static/img/favicon.svg (HTTP 404)"]
