"""Whole-request tricks against every public form (the `requests:` section of the corpus):
CSRF tokens missing or wrong, bodies too big, wrong content types and methods, odd headers."""

import pytest
from axes.utils import reset as axes_reset
from django.core.files.uploadedfile import SimpleUploadedFile

from .corpus import describe, english_messages_in, hostile_requests, problems_with
from .send import FORM_TYPE, body_with, client, location_problems
from .targets import form_targets

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

TARGETS = form_targets()
# A well-formed CSRF secret (32 letters) that is not the one in the token, and the other way.
COOKIE_SECRET = "a" * 32
OTHER_SECRET = "b" * 32


def _csrf_trick(url: str, valid: dict, kind: str):
    browser = client(enforce_csrf_checks=True)
    data = dict(valid)
    if kind != "no-cookie":
        browser.cookies["csrftoken"] = COOKIE_SECRET
    if kind == "wrong":
        data["csrfmiddlewaretoken"] = OTHER_SECRET
    elif kind == "no-cookie":
        data["csrfmiddlewaretoken"] = COOKIE_SECRET
    elif kind != "missing":
        data["csrfmiddlewaretoken"] = kind
    return browser.post(url, body_with(data, None, ()), content_type=FORM_TYPE)


def _send(url: str, valid: dict, spec: dict):
    """One trick of the corpus; returns the response and the status codes it may have."""
    browser = client()
    body = body_with(valid, None, ())
    if "csrf" in spec:
        return _csrf_trick(url, valid, spec["csrf"]), {403}
    if "body_bytes" in spec:
        big = body + "&text=" + "a" * int(spec["body_bytes"])
        return browser.post(url, big, content_type=FORM_TYPE), {400}
    if "fields" in spec:
        many = body + "".join(f"&veld{n}=1" for n in range(int(spec["fields"])))
        return browser.post(url, many, content_type=FORM_TYPE), {400}
    if "files" in spec:
        files = {
            f"bestand{n}": SimpleUploadedFile(f"{n}.txt", b"x") for n in range(int(spec["files"]))
        }
        return browser.post(url, {**valid, **files}), {400}
    if "content_type" in spec:
        payload = spec["body"].encode("utf-8")
        return browser.generic("POST", url, payload, content_type=spec["content_type"]), None
    if "method" in spec:
        return browser.generic(spec["method"], url), None
    return browser.post(url, body, content_type=FORM_TYPE, **spec["headers"]), None


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_whole_request_tricks_get_a_calm_dutch_answer(target, activiteit, inwoner):
    url = target.url(activiteit.slug)
    failures = []
    for trick in hostile_requests():
        response, expected = _send(url, target.valid, trick.spec)
        axes_reset()
        found = problems_with(response) + location_problems(response)
        found += [f"English message: {m}" for m in english_messages_in(response)]
        if expected and response.status_code not in expected:
            found.append(f"HTTP {response.status_code}, expected {sorted(expected)}")
        if found:
            failures.append(describe(target.name, trick.id, found))
    assert not failures, "\n".join(failures)


def test_unreadable_request_gets_the_dutch_page_without_what_was_sent(activiteit):
    response = client().post(
        "/meldpunt/", "text=<script>alert(1)</script>" + "&x=1" * 1200, content_type=FORM_TYPE
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert '<html lang="nl">' in page
    assert "Dit kunnen we niet lezen" in page
    assert "alert(1)" not in page


def test_login_behind_the_proxy_with_a_forged_client_address_is_refused_calmly(settings, inwoner):
    """The proxy sets X-Real-IP itself; should anything else ever reach the portal with a
    value that is no address, the login must still answer (the lock-out counts per address)."""
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    failures = []
    for forged in ("not-an-ip", "<script>alert(1)</script>", "1.2.3.4, 5.6.7.8", "\0", ""):
        response = client().post(
            "/inloggen/",
            {"username": "inwoner", "password": "fout-wachtwoord"},
            HTTP_X_REAL_IP=forged,
        )
        axes_reset()
        found = problems_with(response)
        if found:
            failures.append(describe("X-Real-IP", repr(forged), found))
    assert not failures, "\n".join(failures)
