"""The permission matrix of issue #7: every staff URL answers each role as the table in
permission_matrix_rows.py says; the admin is for superusers only; no staff route lacks a row;
and a team's or organisation's objects stay out of another's lists.

All tests share one set of objects, made once for this module inside a transaction that is
rolled back at its end (each test runs in a savepoint within it, so a POST that changes
something is undone before the next test).
"""

import re
from collections import defaultdict
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.contrib import admin
from django.db import transaction
from django.test import override_settings
from django.urls import URLResolver, get_resolver, resolve, reverse

from aanbod.models import Activiteit
from hilversum_eenzaamheid import roles
from meldpunt import services_case
from meldpunt.models import Buurtteam, Melding, Toegang
from monitoring import services_evaluatie
from monitoring.models_evaluatie import Evaluatie
from tests.factories import UserFactory

from .permission_matrix_rows import (
    ADMIN_PREFIX,
    EXCLUDED,
    MATRIX,
    OK,
    PUBLIC_ROUTES,
    ROLES,
    STAFF_PREFIXES,
    build_world,
)

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

DENIED = (302, 403, 404)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The users of every role and one object of every kind, as `users` and `values` (what
    the table's placeholders are filled with)."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("matrix-media"))
    with django_db_blocker.unblock(), media:
        block = transaction.atomic()
        # Lets a durable atomic block in a service run inside this one, as inside a test's.
        block._from_testcase = True
        with block:
            users, values = build_world()
            yield SimpleNamespace(users=users, values=values)
            transaction.set_rollback(True)


# --- the matrix ----------------------------------------------------------------------------


def _cells():
    for row in MATRIX:
        for role in ROLES:
            expected = row.expected[role]
            marks = []
            if role in row.bugs:
                reason = f"{row.bugs[role]} (should be {expected})"
                marks = [pytest.mark.xfail(strict=True, reason=reason)]
            yield pytest.param(row, role, id=f"{row.method} {row.url} {role}", marks=marks)


def _to_login(response) -> bool:
    return urlsplit(response.get("Location", "")).path == reverse("login")


def _verdict(response, expected) -> bool:
    """Whether the response is the answer the table expects."""
    status = response.status_code
    if expected == OK:
        # Allowed: the form again (200) or a redirect onwards, but never the way in again.
        location = urlsplit(response.get("Location", "")).path
        return status == 200 or (status == 302 and not location.startswith(reverse("login")))
    if expected == 302:
        return status == 302 and _to_login(response)
    return status == expected


def _describe(response) -> str:
    location = response.get("Location")
    return f"{response.status_code}" + (f" → {location}" if location else "")


@pytest.mark.parametrize(("row", "role"), list(_cells()))
def test_each_role_gets_the_answer_in_the_table(world, client, row, role):
    url = row.url.format_map(world.values)
    expected = row.expected[role]
    if world.users[role] is not None:
        client.force_login(world.users[role])
    send = client.post if row.method == "POST" else client.get
    response = send(url)
    if response.streaming:
        # Read to the end: the test client then closes it (closing it directly would also
        # close the database connection, and with it this module's transaction).
        b"".join(response.streaming_content)
    assert _verdict(response, expected), (
        f"{row.method} {url} as {role}: expected {expected}, got {_describe(response)}"
    )
    if row.method == "GET" and expected in DENIED:
        again = client.post(url)
        assert again.status_code == 405 or _verdict(again, expected), (
            f"POST {url} as {role}: refused on GET ({expected}), got {_describe(again)}"
        )


# Any logged-in account may change its own password.
FOR_EVERY_ACCOUNT = {"/werkruimte/wachtwoord/", "/werkruimte/wachtwoord/gewijzigd/"}


def test_an_account_without_a_role_reaches_no_staff_page(world, client):
    client.force_login(world.users["resident"])
    wrong = []
    for row in MATRIX:
        url = row.url.format_map(world.values)
        response = client.post(url) if row.method == "POST" else client.get(url)
        expected = 200 if row.url in FOR_EVERY_ACCOUNT else 403
        if response.status_code != expected:
            wrong.append(f"{row.method} {url}: expected {expected}, got {_describe(response)}")
    assert not wrong, "A resident's account gets:\n" + "\n".join(wrong)


@pytest.mark.no_otp
@pytest.mark.parametrize("role", ["team_a", "kart"])
def test_staff_reach_no_staff_page_before_the_second_login_step(world, client, role):
    client.force_login(world.users[role])  # the password only (no_otp)
    verify = reverse("otp_verify")
    wrong = []
    for row in MATRIX:
        url = row.url.format_map(world.values)
        response = client.post(url) if row.method == "POST" else client.get(url)
        if response.status_code != 302 or urlsplit(response["Location"]).path != verify:
            wrong.append(f"{row.method} {url}: {_describe(response)}")
    assert not wrong, f"{role} without the second step reaches:\n" + "\n".join(wrong)


# --- the admin -----------------------------------------------------------------------------


def _walk(patterns, prefix=""):
    """(route, pattern) for every URL pattern, with routes joined as ResolverMatch.route does."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern).removeprefix("^") if prefix else str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, route)
        else:
            yield route, pattern


def _admin_urls(superuser) -> list[tuple[str, str]]:
    """(route, url) for every route of the admin, with an existing object where it needs one
    (or id 0, to which the admin answers with a redirect to its index)."""
    first_pk = {
        model._meta.label_lower: model._default_manager.values_list("pk", flat=True).first()
        for model in admin.site._registry
    }
    urls = []
    for route, _pattern in _walk(get_resolver().url_patterns):
        if not route.startswith(ADMIN_PREFIX):
            continue
        if "(?P<app_label>" in route:
            url = "/beheer/meldpunt/"
        elif "(?P<url>" in route:
            url = "/beheer/bestaat-niet/"
        else:
            app, _, rest = route.removeprefix(ADMIN_PREFIX).partition("/")
            pk = first_pk.get(f"{app}.{rest.partition('/')[0]}") or 0
            url = "/" + route.replace("<path:content_type_id>", "1")
            url = url.replace("<path:object_id>", str(pk)).replace("<id>", str(superuser.pk))
        urls.append((route, url))
    return urls


@pytest.mark.parametrize("role", [*ROLES, "resident"])
def test_the_admin_answers_404_to_every_role_but_the_superuser(world, client, role):
    if world.users[role] is not None:
        client.force_login(world.users[role])
    wrong = []
    for route, url in _admin_urls(world.users["super"]):
        response = client.get(url)
        if response.status_code != 404:
            wrong.append(f"{url} ({route}): {_describe(response)}")
    assert not wrong, f"{role} reaches the admin:\n" + "\n".join(wrong)


def _superuser_answer_ok(route: str, response) -> bool:
    status = response.status_code
    if "(?P<url>" in route or "<path:content_type_id>" in route:
        return status == 404
    if status == 302:
        return urlsplit(response["Location"]).path.startswith("/beheer/")
    return status in (200, 403)


def test_the_superuser_reaches_every_admin_page(world, client):
    """Past the second login step, the admin's own answers: pages, its redirects, and its own
    403 where a model is read-only. The catch-all and the route that looks an object's page up
    on the site (no model has one) answer 404 by themselves."""
    superuser = world.users["super"]
    client.force_login(superuser)
    wrong = []
    for route, url in _admin_urls(superuser):
        if route.endswith("logout/"):
            continue  # POST only; logging out is the access tests' subject
        response = client.get(url)
        if not _superuser_answer_ok(route, response):
            wrong.append(f"{url} ({route}): {_describe(response)}")
    assert not wrong, "The superuser does not reach:\n" + "\n".join(wrong)


# --- no route without a row ----------------------------------------------------------------


def _table_routes() -> set[str]:
    # Placeholders only need a value the route's converter accepts.
    dummy = defaultdict(lambda: "1", period="2025-H1")
    return {resolve(urlsplit(row.url.format_map(dummy)).path).route for row in MATRIX}


def test_every_staff_route_has_a_row_in_the_table():
    routes = {route for route, _ in _walk(get_resolver().url_patterns)}
    staff = {route for route in routes if route.startswith(STAFF_PREFIXES)}
    missing = sorted(staff - _table_routes() - set(EXCLUDED))
    assert not missing, (
        "Staff routes without a row in tests/portal/permission_matrix_rows.py; add one with "
        "the answer each role should get:\n" + "\n".join(missing)
    )


def test_every_other_route_is_a_known_public_page_or_the_admin():
    routes = {route for route, _ in _walk(get_resolver().url_patterns)}
    others = {r for r in routes if not r.startswith((*STAFF_PREFIXES, ADMIN_PREFIX))}
    unknown = sorted(others - PUBLIC_ROUTES)
    assert not unknown, (
        "Routes that are neither staff pages (with a row in the matrix) nor listed as public "
        "in PUBLIC_ROUTES of tests/portal/permission_matrix_rows.py:\n" + "\n".join(unknown)
    )
    assert not PUBLIC_ROUTES - others, "PUBLIC_ROUTES lists routes that are gone"


# --- what a page shows: another team's or organisation's objects stay out -------------------


def _page(client, user, url: str) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_teams_case_list_shows_its_own_meldingen_only(world, client):
    v, users = world.values, world.users
    html_a = _page(client, users["team_a"], "/werkruimte/meldingen/")
    html_b = _page(client, users["team_b"], "/werkruimte/meldingen/")
    assert v["ma"] in html_a and v["mb"] not in html_a and v["mt"] not in html_a
    assert v["mb"] in html_b and v["ma"] not in html_b and v["mt"] not in html_b


def test_the_access_log_shows_a_team_who_opened_its_own_meldingen_only(world, client):
    v, users = world.values, world.users
    html_b = _page(client, users["team_b"], "/werkruimte/inzage-log/")
    asked_for_a = _page(
        client,
        users["team_b"],
        f"/werkruimte/inzage-log/?melding={v['ma']}&medewerker={users['team_a'].pk}",
    )
    html_coordinator = _page(client, users["coord"], "/werkruimte/inzage-log/")
    assert v["mb"] in html_b
    # Neither team A's melding nor who in team A opened it (the staff filter lists names too).
    for html in (html_b, asked_for_a):
        # The filter field and the header's language link repeat what was asked for.
        html = re.sub(r'<a class="language-switch"[^>]*>', "", html)
        assert v["ma"] not in html.replace(f'value="{v["ma"]}"', "")
        assert "Anja Arends" not in html
    assert v["ma"] in html_coordinator and "Anja Arends" in html_coordinator


@pytest.mark.parametrize("melding", ["ma", "mc"])
def test_the_coordinator_sees_a_teams_or_closed_melding_without_personal_data(
    world, client, melding
):
    url = f"/werkruimte/meldingen/{world.values[melding]}/"
    opened_before = Toegang.objects.count()
    html = _page(client, world.users["coord"], url)
    assert Toegang.objects.count() == opened_before  # nothing personal shown, nothing logged
    # new_melding's person, reporter and text (tests/meldpunt/test_case_support.py), which the
    # team's own page does show.
    personal = ("Jan Jansen", "0351234567", "Piet Buur", "piet@example.org", "buurman")
    assert not [text for text in personal if text in html]
    if melding == "ma":
        assert all(text in _page(client, world.users["team_a"], url) for text in personal)


def test_a_melding_given_to_another_team_leaves_the_first_teams_reach(world, client):
    v, users = world.values, world.users
    melding = Melding.objects.get(reference=v["ma"])
    services_case.melding_assign(
        melding=melding,
        user=users["coord"],
        buurtteam=Buurtteam.objects.get(slug="zuid"),
        reason="Woont net over de grens van de wijk.",
    )
    url = f"/werkruimte/meldingen/{v['ma']}/"
    client.force_login(users["team_a"])
    assert client.get(url).status_code == 404
    assert client.post(url + "notitie/", {"text": "Nog even bellen."}).status_code == 404
    client.force_login(users["team_b"])
    assert client.get(url).status_code == 200


def test_a_privacy_request_opens_only_the_meldingen_it_found(world, client):
    """A reference the search did not find (team A's melding) is dropped from the choice."""
    v = world.values
    client.force_login(world.users["coord"])
    response = client.get(f"/werkruimte/privacy/{v['verzoek']}/gegevens/?m={v['ma']}")
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == f"/werkruimte/privacy/{v['verzoek']}/"
    assert not Toegang.objects.filter(melding__reference=v["ma"], user=world.users["coord"])


def test_an_aanbieder_lists_the_activities_of_their_own_organisation_only(world, client):
    names = dict(
        Activiteit.objects.filter(pk__in=[world.values["ax"], world.values["ay"]]).values_list(
            "pk", "name"
        )
    )
    html = _page(client, world.users["aanb"], "/werkruimte/aanbod/")
    assert names[world.values["ax"]] in html
    assert names[world.values["ay"]] not in html


def test_contact_details_of_partners_are_for_the_kartrekker_only(world, client):
    partner = f"/werkruimte/coalitie/partners/{world.values['partner']}/"
    for url in (partner, "/werkruimte/coalitie/partners.csv"):
        assert "henk@example.org" not in _page(client, world.users["kern"], url), url
        assert "henk@example.org" in _page(client, world.users["kart"], url), url


def test_a_kerngroep_member_scores_for_themselves_only(world, client):
    evaluatie = Evaluatie.objects.get(period=world.values["period"])
    services_evaluatie.beoordeling_save(
        evaluatie=evaluatie,
        user=world.users["kern"],
        resultaten=8,
        proces=7,
        samenwerking=9,
        comment="Mooi dat de Week tegen Eenzaamheid zo goed liep.",
    )
    colleague = UserFactory(username="matrix-kern-2", password=None, roles=[roles.KERNGROEP])
    url = f"/monitoring/evaluaties/{evaluatie.period}/beoordeling/"
    assert "Week tegen Eenzaamheid zo goed" not in _page(client, colleague, url)
    assert "Week tegen Eenzaamheid zo goed" in _page(client, world.users["kern"], url)
