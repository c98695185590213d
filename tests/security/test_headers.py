"""Security headers on every kind of answer, and cookie settings for production."""

import pytest
from django.test import Client

from hilversum_eenzaamheid.headers import permissions_policy_value
from tests.portal.helpers import settings_in_process
from tests.portal.test_settings import PRODUCTION

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

# A page, a static file, the open-data API, a page that does not exist, a refused request.
ANSWERS = [
    ("/aanbod/", 200),
    ("/static/css/portal.css", 200),
    ("/api/hsds/services", 200),
    ("/.well-known/security.txt", 200),
    ("/bestaat-niet/", 404),
    ("/werkruimte/", 302),
]


def directives(header: str) -> dict[str, list[str]]:
    parts = [part.split() for part in header.split(";") if part.strip()]
    return {words[0]: words[1:] for words in parts}


@pytest.mark.parametrize(("path", "status"), ANSWERS)
def test_every_answer_carries_the_security_headers(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    # Framing: frame-ancestors 'none' everywhere; X-Frame-Options for older browsers on pages.
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    if not path.startswith("/static/"):
        assert response["X-Frame-Options"] == "DENY"


def test_content_security_policy_allows_only_the_portal_itself(client):
    header = client.get("/").headers["Content-Security-Policy"]
    policy = directives(header)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["report-uri"] == ["/csp-report/"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    assert "nonce-" not in header  # no exceptions handed out per page either


def test_the_unreadable_request_page_has_the_policy_too(client):
    too_many_fields = "x=1" + "&x=1" * 1100
    response = client.post(
        "/meldpunt/", too_many_fields, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_the_api_refuses_an_unreadable_request_in_json(client):
    response = client.get("/api/hsds/services?" + "&".join(["page=1"] * 1100))
    assert response.status_code == 400
    assert response.json() == {
        "error": "Dit verzoek kan niet worden gelezen: het is te groot of heeft te veel velden."
    }


def test_permissions_policy_denies_camera_microphone_and_location_to_everyone(client):
    header = client.get("/").headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "interest-cohort=()"):
        assert feature in header


def test_permissions_policy_value_lists_allowed_origins():
    assert permissions_policy_value({"camera": [], "fullscreen": ["self"]}) == (
        "camera=(), fullscreen=(self)"
    )


def test_strict_transport_security_on_https_with_production_settings(settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = Client().get("/over/", secure=True)
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    # Never over plain HTTP: a browser ignores it there, and a proxy could cache it.
    assert "Strict-Transport-Security" not in Client().get("/over/")


def test_production_variables_make_cookies_secure_and_unreadable_for_scripts():
    values = settings_in_process(
        PRODUCTION,
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY",
        "LANGUAGE_COOKIE_SECURE",
        "LANGUAGE_COOKIE_HTTPONLY",
        "SECURE_HSTS_SECONDS",
        "SECURE_SSL_REDIRECT",
        "SECURE_PROXY_SSL_HEADER",
    )
    assert values == {
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "LANGUAGE_COOKIE_SECURE": True,
        "LANGUAGE_COOKIE_HTTPONLY": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
    }


def test_cookies_set_over_https_are_secure_httponly_and_same_site(settings, client):
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    response = client.get("/meldpunt/", secure=True)  # the form sets the CSRF cookie
    csrf = response.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
