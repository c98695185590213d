"""/csp-report/: browsers report what the Content-Security-Policy blocked; the portal logs
the directive, the page and the blocked origin, never a query string, and counts them."""

import json
import logging

import pytest
from django.core.cache import cache
from django.test import Client

from hilversum_eenzaamheid.views_security import CSP_REPORT_COUNT_KEY

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

REPORT = {
    "csp-report": {
        "document-uri": "https://eenzaamheid.hilversum.nl/aanbod/?q=mijn+buurvrouw+Jansen",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "blocked-uri": "https://evil.example/steel.js?wie=jansen",
        "original-policy": "default-src 'self'",
    }
}


def send(body, content_type="application/csp-report", **extra):
    # A browser sends no CSRF token: the client checks CSRF as a real request would.
    client = Client(enforce_csrf_checks=True)
    return client.post("/csp-report/", body, content_type=content_type, **extra)


def test_report_is_logged_without_query_strings_and_counted(caplog):
    with caplog.at_level(logging.WARNING, logger="hilversum_eenzaamheid.views_security"):
        response = send(json.dumps(REPORT))
    assert response.status_code == 204
    (record,) = [r for r in caplog.records if r.name == "hilversum_eenzaamheid.views_security"]
    assert record.getMessage() == (
        "CSP violation: script-src-elem blocked https://evil.example on /aanbod/"
    )
    assert "jansen" not in caplog.text.lower()
    assert cache.get(CSP_REPORT_COUNT_KEY) == 1
    send(json.dumps(REPORT))
    assert cache.get(CSP_REPORT_COUNT_KEY) == 2


def test_reporting_api_format_is_understood(caplog):
    body = [
        {
            "type": "csp-violation",
            "body": {
                "documentURL": "https://eenzaamheid.hilversum.nl/monitoring/",
                "effectiveDirective": "style-src-elem",
                "blockedURL": "inline",
            },
        }
    ]
    with caplog.at_level(logging.WARNING, logger="hilversum_eenzaamheid.views_security"):
        assert send(json.dumps(body), "application/reports+json").status_code == 204
    assert caplog.records[0].getMessage() == (
        "CSP violation: style-src-elem blocked inline on /monitoring/"
    )


@pytest.mark.parametrize(
    "body", ["", "niet json", "[]", "{}", '{"csp-report": "x"}', "[1, 2]", '\x00{"a":'], ids=repr
)
def test_anything_else_is_ignored_quietly(body, caplog):
    with caplog.at_level(logging.WARNING, logger="hilversum_eenzaamheid.views_security"):
        assert send(body).status_code == 204
    assert not [r for r in caplog.records if r.name == "hilversum_eenzaamheid.views_security"]
    assert cache.get(CSP_REPORT_COUNT_KEY) is None


def test_a_huge_report_is_not_read():
    assert send(json.dumps(REPORT) + " " * 20_000).status_code == 413


def test_only_posts_are_taken():
    assert Client().get("/csp-report/").status_code == 405


def test_one_address_cannot_fill_the_log(settings, caplog):
    settings.RATELIMIT_ENABLE = True
    # The minute's window starts at the first report, so all 65 fall in it.
    body = json.dumps(REPORT)
    with caplog.at_level(logging.WARNING, logger="hilversum_eenzaamheid.views_security"):
        answers = [send(body, REMOTE_ADDR="192.0.2.7").status_code for _ in range(65)]
    assert answers.count(204) == 60
    assert answers[-1] == 429
    reports = [r for r in caplog.records if r.name == "hilversum_eenzaamheid.views_security"]
    assert len(reports) == 60


def test_a_forged_report_cannot_forge_log_lines_or_break_the_view(caplog):
    report = {
        "csp-report": {
            "document-uri": "http://[::1/aanbod/",
            "effective-directive": "script-src\nCSP violation: fake line",
            "blocked-uri": {"not": "a string"},
        }
    }
    with caplog.at_level(logging.WARNING, logger="hilversum_eenzaamheid.views_security"):
        assert send(json.dumps(report)).status_code == 204
    (record,) = [r for r in caplog.records if r.name == "hilversum_eenzaamheid.views_security"]
    assert "\n" not in record.getMessage()
    assert record.getMessage().endswith("on ?")
