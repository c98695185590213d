"""The access log: searchable by staff member and melding for the coördinator; a buurtteam sees
who viewed its own meldingen; the log itself holds ids and times only."""

from datetime import timedelta

import pytest
from django.db import connection, models
from django.test.utils import CaptureQueriesContext

from meldpunt import privacy
from meldpunt.constants import ToegangSoort
from meldpunt.models import Toegang, Verzoek, VerzoekActie, VerzoekTreffer
from meldpunt.services_case import toegang_log
from tests.factories import UserFactory
from tests.meldpunt.test_case_support import NOW, member_of, new_melding

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

LOG = "/werkruimte/inzage-log/"


def logged(user, melding, *, minutes=0, what=ToegangSoort.DETAIL):
    row = toegang_log(user=user, melding=melding, what=what)
    Toegang.objects.filter(pk=row.pk).update(at=NOW + timedelta(minutes=minutes))
    return row


def shown(response) -> list[tuple[str, str]]:
    """(staff member's account name, reference) per row of the table, in order."""
    rows = response.context["page"].object_list
    return [(row.user.username, row.melding.reference) for row in rows]


@pytest.fixture
def world(db, coordinator_user):
    """Two teams' meldingen, viewed by their members and by the coördinator."""
    noord = member_of("noordoost", username="lid-noord", first_name="Noor", last_name="Oost")
    zuid = member_of("zuid", username="lid-zuid")
    a = new_melding(wijk="noordoost")
    b = new_melding(wijk="zuid")
    logged(noord, a, minutes=1)
    logged(coordinator_user, a, minutes=2, what=ToegangSoort.EXPORT)
    logged(zuid, b, minutes=3)
    return {"noord": noord, "zuid": zuid, "a": a, "b": b, "coordinator": coordinator_user}


def test_coordinator_sees_every_row_newest_first(client, world):
    client.force_login(world["coordinator"])
    response = client.get(LOG)
    assert shown(response) == [
        ("lid-zuid", world["b"].reference),
        ("coordinator", world["a"].reference),
        ("lid-noord", world["a"].reference),
    ]
    html = response.content.decode()
    assert "Noor Oost (lid-noord)" in html and "Persoonsgegevens geëxporteerd" in html


def test_coordinator_searches_by_staff_member_and_by_melding(client, world):
    client.force_login(world["coordinator"])
    by_user = client.get(LOG, {"medewerker": world["noord"].pk})
    assert shown(by_user) == [("lid-noord", world["a"].reference)]
    typed = world["a"].reference.lower().replace("-", "- ")
    by_melding = client.get(LOG, {"melding": f" {typed} "})
    assert [ref for _, ref in shown(by_melding)] == [world["a"].reference] * 2
    both = client.get(LOG, {"medewerker": world["coordinator"].pk, "melding": typed})
    assert shown(both) == [("coordinator", world["a"].reference)]


def test_buurtteam_member_sees_who_viewed_their_own_teams_meldingen_only(client, world):
    client.force_login(world["noord"])
    response = client.get(LOG)
    assert shown(response) == [
        ("coordinator", world["a"].reference),
        ("lid-noord", world["a"].reference),
    ]
    assert world["b"].reference not in response.content.decode()
    # Naming the other team's melding or member widens nothing.
    assert shown(client.get(LOG, {"melding": world["b"].reference})) == []
    assert shown(client.get(LOG, {"medewerker": world["zuid"].pk})) == shown(response)
    choices = [str(user) for user in response.context["form"].fields["medewerker"].queryset]
    assert choices == ["coordinator", "lid-noord"]


def test_member_of_no_team_sees_an_empty_log(client, world, buurtteam_user):
    client.force_login(buurtteam_user)
    response = client.get(LOG)
    assert response.status_code == 200 and shown(response) == []


def test_viewing_through_a_request_shows_up_in_the_teams_log(client, world):
    verzoek = privacy.verzoek_search(
        user=world["coordinator"], vraag=privacy.Zoekvraag(naam="Jansen"), now=NOW
    )
    client.force_login(world["coordinator"])
    client.get(f"/werkruimte/privacy/{verzoek.pk}/gegevens/?m={world['a'].reference}")
    client.force_login(world["noord"])
    assert shown(client.get(LOG))[0] == ("coordinator", world["a"].reference)


@pytest.mark.parametrize(
    "query",
    [
        {"medewerker": "abc"},
        {"medewerker": "999999"},
        {"medewerker": "9" * 30},
        {"melding": "<script>alert(1)</script>"},
        {"melding": "x" * 500},
        {"melding": "HV\x00"},
        {"pagina": "999999"},
        {"pagina": "-1"},
    ],
)
def test_unknown_filter_values_are_dropped_with_a_notice_never_an_error(client, world, query):
    client.force_login(world["coordinator"])
    response = client.get(LOG, query)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    if "pagina" not in query:
        assert "Dit filter is niet gebruikt." in response.content.decode()
        assert len(shown(response)) == 3


@pytest.mark.parametrize("fixture", ["kartrekker_user", "kerngroep_user", "aanbieder_user"])
def test_other_roles_get_403(request, client, world, fixture):
    client.force_login(request.getfixturevalue(fixture))
    assert client.get(LOG).status_code == 403


def test_resident_account_gets_403_and_anonymous_goes_to_login(client, world, resident_user):
    response = client.get(LOG)
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")
    client.force_login(resident_user)
    assert client.get(LOG).status_code == 403


def test_the_page_shows_no_personal_data_of_the_meldingen(client, world):
    client.force_login(world["coordinator"])
    html = client.get(LOG).content.decode()
    for private in ("Jan Jansen", "0351234567", "Piet Buur", "piet@example.org", "buurman"):
        assert private not in html


LOG_MODELS = [Toegang, Verzoek, VerzoekTreffer, VerzoekActie]


@pytest.mark.parametrize("model", LOG_MODELS, ids=lambda m: m.__name__)
def test_logs_hold_ids_times_and_codes_only(model):
    """No field of a log can hold what a person typed: keys, times, flags, choices, codes."""
    allowed = (
        models.AutoField,
        models.BigAutoField,
        models.ForeignKey,
        models.DateTimeField,
        models.BooleanField,
        models.JSONField,  # lists of codes and ids, written by the search itself
    )
    for field in model._meta.concrete_fields:
        if isinstance(field, models.CharField):
            assert field.choices or field.name == "formaat", field.name
        else:
            assert isinstance(field, allowed), field.name


def test_json_fields_of_the_request_log_hold_codes_and_ids(client, world, coordinator_user):
    verzoek = privacy.verzoek_search(
        user=coordinator_user, vraag=privacy.Zoekvraag(naam="Jan Jansen"), now=NOW
    )
    treffer = verzoek.treffers.get(melding=world["a"])
    assert verzoek.searched_on == ["naam"]
    assert set(treffer.vindplaatsen) <= {"betrokkene.naam"}
    assert all(isinstance(pk, int) for ids in treffer.rijen.values() for pk in ids)


def count_queries(client, query=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LOG, query or {}).status_code == 200
    return len(queries)


@pytest.mark.parametrize("viewer", ["coordinator", "noord"])
def test_query_count_does_not_grow_with_the_rows(client, world, viewer):
    client.force_login(world[viewer])
    client.get(LOG)
    query = {"melding": world["a"].reference}
    few, few_filtered = count_queries(client), count_queries(client, query)
    for n in range(20):
        logged(UserFactory(), world["a"], minutes=10 + n)
        logged(world["zuid"], world["b"], minutes=10 + n)
    assert count_queries(client) == few
    assert count_queries(client, query) == few_filtered
    # session, user, roles, second-step device, team ids, staff choices, count, page rows
    assert few <= 10
