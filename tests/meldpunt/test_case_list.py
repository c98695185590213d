"""The case list: only the user's meldingen, no names, filters, overdue first, fixed queries."""

from datetime import timedelta
from unittest.mock import patch

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meldpunt.constants import Status
from meldpunt.models import Melding, Toegang
from tests.meldpunt.test_case_support import NOW, force_status, member, member_of, new_melding

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]
__all__ = ["member"]  # fixture

LIST = "/werkruimte/meldingen/"
# Three days after NOW: meldingen of NOW (due two working days later) are overdue by then.
CLOCK = NOW + timedelta(days=3)


def refs(response):
    return [m.reference for m in response.context["page"].object_list]


@pytest.fixture
def clock():
    with patch("django.utils.timezone.now", return_value=CLOCK):
        yield CLOCK


def test_member_sees_only_the_meldingen_of_their_own_team(client, member, clock):
    own = new_melding()
    new_melding(wijk="centrum")
    new_melding(wijk=None)
    client.force_login(member)
    response = client.get(LIST)
    assert refs(response) == [own.reference]


def test_list_shows_no_names_or_contact_details(client, member, clock):
    melding = new_melding()
    client.force_login(member)
    html = client.get(LIST).content.decode()
    assert melding.reference in html
    for secret in ("Jan Jansen", "0351234567", "Piet", "buurman"):
        assert secret not in html
    assert Toegang.objects.count() == 0


def test_overdue_first_then_oldest_first(client, member, clock):
    recent = new_melding(now=CLOCK - timedelta(hours=1))  # due later: not overdue
    old_done = new_melding(now=NOW - timedelta(days=2))
    Melding.objects.filter(pk=old_done.pk).update(first_contact_at=NOW)
    overdue_new = new_melding(now=NOW)
    overdue_old = new_melding(now=NOW - timedelta(days=1))
    client.force_login(member)
    assert refs(client.get(LIST)) == [
        overdue_old.reference,
        overdue_new.reference,
        old_done.reference,
        recent.reference,
    ]


def test_filters_by_status_wijk_and_overdue(client, clock):
    user = member_of("noordoost")
    user.buurtteams.add(*user.buurtteams.model.objects.filter(slug="centrum"))
    noordoost = new_melding()
    centrum = new_melding(wijk="centrum")
    taken = new_melding(now=CLOCK - timedelta(hours=1))
    force_status(taken, Status.OPGEPAKT, user=user)
    client.force_login(user)
    assert refs(client.get(LIST + "?status=opgepakt")) == [taken.reference]
    assert refs(client.get(LIST + "?wijk=centrum")) == [centrum.reference]
    assert set(refs(client.get(LIST + "?overdue=on"))) == {noordoost.reference, centrum.reference}


def test_closed_melding_is_never_overdue(client, member, clock):
    melding = new_melding()
    force_status(melding, Status.GEANNULEERD, user=member)
    client.force_login(member)
    assert refs(client.get(LIST + "?overdue=on")) == []


@pytest.mark.parametrize(
    "query",
    ["?status=verzonnen", "?wijk=atlantis", "?overdue=misschien", "?pagina=-1", "?wijk=%00"],
)
def test_unknown_filter_values_are_ignored_not_an_error(client, member, clock, query):
    melding = new_melding()
    client.force_login(member)
    response = client.get(LIST + query)
    assert response.status_code == 200
    assert refs(response) == [melding.reference]


def test_coordinator_sees_all_meldingen_and_links_each(client, coordinator_user, clock):
    team_case = new_melding()
    triage = new_melding(wijk=None)
    client.force_login(coordinator_user)
    response = client.get(LIST)
    assert set(refs(response)) == {team_case.reference, triage.reference}
    html = response.content.decode()
    # A triage melding opens with its personal data, a team's melding as its stand only.
    assert f'href="/werkruimte/meldingen/{triage.reference}/"' in html
    assert f'href="/werkruimte/meldingen/{team_case.reference}/"' in html


def test_coordinator_filters_by_team_or_by_no_team(client, coordinator_user, clock):
    noordoost = new_melding()
    zuid = new_melding(wijk="zuid")
    triage = new_melding(wijk=None)
    client.force_login(coordinator_user)
    assert refs(client.get(LIST + "?team=zuid")) == [zuid.reference]
    assert refs(client.get(LIST + "?team=geen-team")) == [triage.reference]
    both = client.get(LIST + "?team=noordoost&status=nieuw")
    assert refs(both) == [noordoost.reference]
    html = both.content.decode()
    assert '<option value="noordoost" selected>Buurtteam Noordoost</option>' in html
    assert '<label class="form-label" for="id_team">Buurtteam</label>' in html


@pytest.mark.parametrize("value", ["atlantis", "%00", "x" * 300, "1"])
def test_unknown_team_filter_is_ignored_with_a_notice(client, coordinator_user, clock, value):
    melding = new_melding()
    client.force_login(coordinator_user)
    response = client.get(LIST + "?team=" + value)
    assert response.status_code == 200
    assert refs(response) == [melding.reference]
    assert "Een van de filters kennen we niet" in response.content.decode()


def test_team_member_gets_no_team_filter_and_it_cannot_widen_their_list(client, member, clock):
    own = new_melding()
    new_melding(wijk="zuid")
    client.force_login(member)
    response = client.get(LIST + "?team=zuid")
    assert refs(response) == [own.reference]
    assert 'name="team"' not in response.content.decode()


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [LIST, LIST + "?overdue=on&status=nieuw&wijk=noordoost"])
def test_list_query_count_is_the_same_for_2_and_20_meldingen(client, member, clock, url):
    for _ in range(2):
        new_melding()
    client.force_login(member)
    client.get(url)  # warm the session
    with_two = _count_queries(client, url)
    for _ in range(18):
        new_melding()
    with_twenty = _count_queries(client, url)
    assert with_two == with_twenty
    # session, user, groups (role), team ids, chosen wijk, count, page rows (wijk and team
    # joined), wijk choices of the filter form
    assert with_twenty <= 8


@pytest.mark.parametrize("url", [LIST, LIST + "?team=zuid", LIST + "?team=geen-team"])
def test_coordinator_list_query_count_is_fixed(client, coordinator_user, clock, url):
    for slug in ("noordoost", None, "centrum", "zuid"):
        new_melding(wijk=slug)
    client.force_login(coordinator_user)
    client.get(url)
    few = _count_queries(client, url)
    for slug in ("zuid", None, "centrum") * 5:
        new_melding(wijk=slug)
    assert _count_queries(client, url) == few
    # session, user, groups, team ids (links), team choices, count, page rows, wijk choices
    assert few <= 8


def test_triage_page_query_count_is_fixed(client, coordinator_user, clock):
    new_melding(wijk=None)
    client.force_login(coordinator_user)
    url = LIST + "triage/"
    client.get(url)
    few = _count_queries(client, url)
    for _ in range(10):
        new_melding(wijk=None)
    assert _count_queries(client, url) == few
