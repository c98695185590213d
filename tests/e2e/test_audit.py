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
