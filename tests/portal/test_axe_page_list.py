"""Issue #8: no page of the portal escapes the axe-core test.

tests/e2e/test_axe_pages.py checks the pages of pijlers.toegankelijkheid.PAGES. Every route of
the URLconf must be on that list, or below in NOT_PAGES with the reason it is no HTML page; a
new page that is on neither fails here, without a browser. The reasons are checked too: a GET
of each route in NOT_PAGES must not answer with an HTML page.
"""

from collections import defaultdict
from types import ModuleType, SimpleNamespace

import pytest
from django.db import transaction
from django.test import override_settings
from django.urls import URLResolver, get_resolver, resolve
from django.utils import translation

from pijlers.toegankelijkheid import PAGES
from tests.e2e.axe_pages import route_of
from tests.portal.permission_matrix_rows import MATRIX, OK, ROLES, build_world

POST = "POST only: a button on another page sends it, and that page is checked"
FILE = "a file to download, not a page"
DATA = "data for programs, not a page"

# Route → why axe-core does not check it.
NOT_PAGES: dict[str, str] = {
    "agenda.ics": FILE + " (calendar)",
    "aanbod/wijk/<slug:wijk>/folder.pdf": FILE + " (PDF/UA folder of a wijk)",
    "aanbod/<slug:slug>/agenda.ics": FILE + " (calendar)",
    "api/hsds/": DATA + " (JSON, Open Referral)",
    "api/hsds/services/?$": DATA + " (JSON, Open Referral)",
    "api/hsds/services/(?P<service_id>[^/]+)/?$": DATA + " (JSON, Open Referral)",
    "healthz": DATA + " (health check of the server)",
    ".well-known/security.txt": DATA + " (security contact, text)",
    "csp-report/": "POST only: browsers send reports of blocked content",
    "uitloggen/": POST,
    "werkruimte/aanbod/<int:pk>/klopt-nog/": POST,
    "werkruimte/aanbod/<int:pk>/roosters/<str:key>/uitzondering/<int:index>/verwijderen/": POST,
    "werkruimte/aanbod/correcties/<int:pk>/afgehandeld/": POST,
    "werkruimte/aanbod/synoniemen/<int:pk>/verwijderen/": POST,
    "werkruimte/meldingen/<str:reference>/status/": POST,
    "werkruimte/meldingen/<str:reference>/contactpoging/": POST,
    "werkruimte/meldingen/<str:reference>/notitie/": POST,
    "werkruimte/meldingen/<str:reference>/verwijzing/": POST,
    "werkruimte/meldingen/<str:reference>/toewijzen/": POST,
    "werkruimte/meldingen/<str:reference>/vervallen/": POST,
    "werkruimte/privacy/<int:pk>/downloaden/": POST + " (a file of the person's data)",
    "werkruimte/coalitie/partners.csv": FILE + " (CSV)",
    "werkruimte/coalitie/trainingen/<int:pk>/deelnemers/<int:deelnemer_pk>/ambassadeur/": POST,
    "werkruimte/coalitie/aanmeldingen/<int:pk>/afgehandeld/": POST,
    "monitoring/grafiek/<slug:key>.csv": FILE + " (CSV of a chart)",
    "monitoring/evaluaties/<halfjaar:period>/status/": POST,
    "monitoring/evaluaties/<halfjaar:period>/grafiek/<slug:key>.csv": FILE + " (CSV of a chart)",
    "monitoring/evaluaties/<halfjaar:period>/pdf/": POST + " (asks for a new PDF)",
    "monitoring/evaluaties/<halfjaar:period>/pdf/<int:version>/download/": FILE + " (PDF)",
    "monitoring/uitgaven/<int:pk>/verwijderen/": POST,
}
# Django's admin has its own templates and is for the superuser only (tests/portal/
# test_permission_matrix.py); it is not part of the portal's own pages.
ADMIN_PREFIX = "beheer/"

# Examples of the public routes above (the staff ones come from the permission matrix).
PUBLIC_EXAMPLES = {
    "agenda.ics": "/agenda.ics",
    "aanbod/wijk/<slug:wijk>/folder.pdf": "/aanbod/wijk/noordoost/folder.pdf",
    "aanbod/<slug:slug>/agenda.ics": "/aanbod/{slug}/agenda.ics",
    "api/hsds/": "/api/hsds/",
    "api/hsds/services/?$": "/api/hsds/services",
    "api/hsds/services/(?P<service_id>[^/]+)/?$": "/api/hsds/services/{uuid}",
    "healthz": "/healthz",
    ".well-known/security.txt": "/.well-known/security.txt",
    "csp-report/": "/csp-report/",
    "uitloggen/": "/uitloggen/",
}


def _walk(patterns, prefix=""):
    """Every route of the URLconf, joined as ResolverMatch.route joins them."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern).removeprefix("^") if prefix else str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, route)
        else:
            yield route


def _portal_routes() -> set[str]:
    # In Dutch: the English pages have the same routes under en/ (route_of maps them back).
    with translation.override("nl"):
        routes = set(_walk(get_resolver().url_patterns))
    return {route for route in routes if not route.startswith(ADMIN_PREFIX)}


def _listed_routes() -> set[str]:
    # A placeholder only needs a value its route's converter accepts.
    dummy = defaultdict(lambda: "1", period="2025-H1")
    return {route_of(path.format_map(dummy)) for paths in PAGES.values() for path in paths}


@pytest.mark.sqlite
def test_every_page_of_the_urlconf_is_checked_by_axe_or_excluded_with_a_reason():
    missing = sorted(_portal_routes() - _listed_routes() - set(NOT_PAGES))
    assert not missing, (
        "Pages that axe-core does not check: add them to PAGES in pijlers/toegankelijkheid.py "
        "with the login they need (or, if no HTML page, to NOT_PAGES here with why):\n"
        + "\n".join(missing)
    )


@pytest.mark.sqlite
def test_no_route_is_both_checked_and_excluded_and_none_is_gone():
    routes = _portal_routes()
    assert not _listed_routes() & set(NOT_PAGES)
    assert not set(NOT_PAGES) - routes, "NOT_PAGES names routes that are gone"
    assert all(route in routes for route in _listed_routes())


@pytest.mark.sqlite
def test_the_list_notices_a_new_page():
    """A page added to the URLconf without a place on the list is reported by name."""
    from django.urls import path

    from hilversum_eenzaamheid import urls

    urlconf = ModuleType("urls_with_a_new_page")
    urlconf.urlpatterns = [*urls.urlpatterns, path("nieuwe-pagina/", lambda request: None)]
    with override_settings(ROOT_URLCONF=urlconf):
        assert "nieuwe-pagina/" in _portal_routes() - _listed_routes() - set(NOT_PAGES)


# --- the reasons are true: no HTML page behind any route of NOT_PAGES ------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("axe-list-media"))
    with django_db_blocker.unblock(), media:
        block = transaction.atomic()
        block._from_testcase = True  # a durable atomic block in a service may run inside
        with block:
            users, values = build_world()
            yield SimpleNamespace(users=users, values=values)
            transaction.set_rollback(True)


def _example(route: str, values: dict) -> tuple[str, str]:
    """A URL of the route, and the login (a column of the matrix) that may use it."""
    if route in PUBLIC_EXAMPLES:
        return PUBLIC_EXAMPLES[route].format_map(values), "anon"
    for row in MATRIX:
        url = row.url.format_map(values)
        allowed = [role for role in ROLES if row.expected[role] in (200, OK)]
        if allowed and resolve(url.partition("?")[0]).route == route:
            return url, allowed[0]
    raise AssertionError(f"{route}: no example; add one to PUBLIC_EXAMPLES")


@pytest.mark.django_db
@pytest.mark.parametrize("route", sorted(NOT_PAGES))
def test_an_excluded_route_gives_no_html_page_to_a_get(world, client, route):
    from aanbod.models import Activiteit

    activiteit = Activiteit.objects.get(pk=world.values["ax"])
    values = world.values | {"slug": activiteit.slug, "uuid": activiteit.uuid}
    url, login = _example(route, values)
    if world.users[login] is not None:
        client.force_login(world.users[login])
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    content_type = response.get("Content-Type", "")
    assert response.status_code == 405 or not content_type.startswith("text/html"), (
        f"GET {url} as {login}: {response.status_code} {content_type}: an HTML page, so it "
        "belongs in PAGES of pijlers/toegankelijkheid.py"
    )
