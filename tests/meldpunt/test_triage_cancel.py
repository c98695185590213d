"""The coördinator lets a melding in the triage queue lapse (GEANNULEERD): double or abuse.

Through the workflow's transition table, so the history gets its row and closed stays closed.
Who may cancel: a member of the melding's team, or, while it has no team, the coördinator.
"""

import re
from unittest.mock import patch

import pytest

from meldpunt import services_case as sc
from meldpunt.constants import Status
from meldpunt.models import Buurtteam, Melding, StatusWijziging, Toegang
from meldpunt.workflow import TransitionError
from tests.factories import UserFactory
from tests.meldpunt.test_case_support import NOW, force_status, melding, member, new_melding

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]
__all__ = ["member", "melding"]  # fixtures

LIST = "/werkruimte/meldingen/"


def detail(melding, suffix=""):
    return f"{LIST}{melding.reference}/{suffix}"


@pytest.fixture
def triage(db):
    return new_melding(wijk=None)


def test_coordinator_cancels_a_triage_melding_and_it_is_in_the_history(
    client, coordinator_user, triage
):
    client.force_login(coordinator_user)
    data = {"cancel-kind": "dubbel", "cancel-reason": "Zelfde persoon als HV-ABCD-EFGH"}
    response = client.post(detail(triage, "vervallen/"), data)
    assert response.status_code == 302 and response["Location"] == LIST + "triage/"
    triage.refresh_from_db()
    assert triage.status == Status.GEANNULEERD and triage.closed_at is not None
    last = StatusWijziging.objects.filter(melding=triage).last()
    assert (last.user, last.from_status, last.to_status, last.reason) == (
        coordinator_user,
        Status.NIEUW,
        Status.GEANNULEERD,
        "Dubbele melding: Zelfde persoon als HV-ABCD-EFGH",
    )
    page = client.get(response["Location"])
    html = page.content.decode()
    assert f"Melding {triage.reference} is vervallen" in html
    assert triage not in page.context["rows"]


def test_triage_detail_offers_the_coordinator_the_cancel_form(client, coordinator_user, triage):
    client.force_login(coordinator_user)
    html = client.get(detail(triage)).content.decode()
    assert "Melding laten vervallen" in html
    assert f'action="{detail(triage, "vervallen/")}"' in html
    assert "Dubbele melding" in html and "Misbruik of nepmelding" in html


@pytest.mark.parametrize(
    ("data", "field", "error", "kept"),
    [
        ({"kind": "misbruik", "reason": ""}, "reason", "Schrijf op waarom", "misbruik"),
        ({"kind": "misbruik", "reason": "  "}, "reason", "Schrijf op waarom", "misbruik"),
        ({"reason": "Grap van een klas"}, "kind", "Kies waarom", "Grap van een klas"),
        ({"kind": "verzonnen", "reason": "Grap van een klas"}, "kind", "Kies waarom", "Grap"),
        ({"kind": "dubbel", "reason": "x" * 5000}, "reason", "niet meer dan 900 tekens", "dubbel"),
    ],
)
def test_incomplete_cancel_re_renders_with_a_dutch_error_and_what_was_typed(
    client, coordinator_user, triage, data, field, error, kept
):
    client.force_login(coordinator_user)
    data = {f"cancel-{key}": value for key, value in data.items()}
    response = client.post(detail(triage, "vervallen/"), data)
    assert response.status_code == 200
    form = response.context["cancel_form"]
    assert field in form.errors and error in " ".join(form.errors[field])
    html = response.content.decode()
    assert 'id="foutmeldingen"' in html
    if kept in ("dubbel", "misbruik"):
        assert re.search(rf'<input[^>]*value="{kept}"[^>]*checked', html)
    else:
        assert kept in html
    triage.refresh_from_db()
    assert triage.status == Status.NIEUW


def test_coordinator_may_not_cancel_a_team_melding(client, coordinator_user, melding):
    client.force_login(coordinator_user)
    data = {"cancel-kind": "dubbel", "cancel-reason": "Dubbel"}
    assert client.post(detail(melding, "vervallen/"), data).status_code == 403
    melding.refresh_from_db()
    assert melding.status == Status.NIEUW


def test_buurtteam_member_gets_403_on_the_triage_cancel(client, member, melding, triage):
    client.force_login(member)
    data = {"cancel-kind": "dubbel", "cancel-reason": "Dubbel"}
    for target in (melding, triage):
        assert client.post(detail(target, "vervallen/"), data).status_code == 403
    assert Melding.objects.filter(status=Status.GEANNULEERD).count() == 0


def test_buurtteam_member_still_cancels_their_own_melding(client, member, melding):
    client.force_login(member)
    data = {"to_status": "geannuleerd", "reason": "Dubbele melding"}
    assert client.post(detail(melding, "status/"), data).status_code == 302
    melding.refresh_from_db()
    assert melding.status == Status.GEANNULEERD


def test_cancelled_triage_melding_cannot_be_cancelled_again(client, coordinator_user, triage):
    force_status(triage, Status.GEANNULEERD, user=coordinator_user)
    client.force_login(coordinator_user)
    data = {"cancel-kind": "dubbel", "cancel-reason": "Nog eens"}
    response = client.post(detail(triage, "vervallen/"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "De status kan niet meer veranderen." in html
    assert "Jan Jansen" not in html  # closed: the coördinator sees the stand only
    assert StatusWijziging.objects.filter(melding=triage, reason__contains="Nog eens").count() == 0


def test_cancel_page_with_errors_logs_the_view_of_personal_data(client, coordinator_user, triage):
    client.force_login(coordinator_user)
    client.post(detail(triage, "vervallen/"), {"cancel-kind": "dubbel"})
    assert Toegang.objects.filter(melding=triage, user=coordinator_user).count() == 1


def test_service_cancels_with_the_kind_in_the_reason(coordinator_user, triage):
    sc.melding_cancel(
        melding=triage, user=coordinator_user, kind="misbruik", reason="Scheldpartij", now=NOW
    )
    triage.refresh_from_db()
    assert (triage.status, triage.closed_at) == (Status.GEANNULEERD, NOW)
    assert StatusWijziging.objects.filter(melding=triage).last().reason == (
        "Misbruik of nepmelding: Scheldpartij"
    )


def test_workflow_lets_only_the_coordinator_cancel_a_melding_without_team(member, triage):
    with pytest.raises(TransitionError, match="Alleen de coördinator"):
        sc.melding_transition(
            melding=triage, user=member, to_status=Status.GEANNULEERD, reason="Dubbel"
        )
    with pytest.raises(TransitionError, match="Alleen de coördinator"):
        sc.melding_transition(
            melding=triage, user=UserFactory(), to_status=Status.GEANNULEERD, reason="Dubbel"
        )
    triage.refresh_from_db()
    assert triage.status == Status.NIEUW


def test_workflow_lets_only_the_team_cancel_a_team_melding(coordinator_user, melding):
    with pytest.raises(TransitionError, match="Alleen een lid van Buurtteam Noordoost"):
        sc.melding_transition(
            melding=melding, user=coordinator_user, to_status=Status.GEANNULEERD, reason="Dubbel"
        )


def test_detail_page_with_the_cancel_form_has_a_fixed_query_count(
    client, coordinator_user, django_assert_max_num_queries
):
    first = new_melding(wijk=None)
    client.force_login(coordinator_user)
    client.get(detail(first))
    # session, user, groups, melding, access log insert, melding with its one-to-ones, six
    # prefetches (signals, repeats, history, attempts, notes, referrals), team choices: 13.
    with django_assert_max_num_queries(13) as few:
        client.get(detail(first))
    for _ in range(5):
        force_status(first, Status.NIEUW, user=coordinator_user)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(detail(first))


def test_refused_cancel_of_a_melding_given_to_a_team_meanwhile_shows_no_personal_data(
    client, coordinator_user, triage
):
    """Another coördinator assigned it between loading and locking: the team's data now."""
    original = sc.melding_cancel

    def assigned_meanwhile(*, melding, **kwargs):
        Melding.objects.filter(pk=melding.pk).update(buurtteam=Buurtteam.objects.get(slug="zuid"))
        return original(melding=Melding.objects.get(pk=melding.pk), **kwargs)

    client.force_login(coordinator_user)
    data = {"cancel-kind": "dubbel", "cancel-reason": "Dubbel"}
    with patch.object(sc, "melding_cancel", assigned_meanwhile):
        response = client.post(detail(triage, "vervallen/"), data)
    html = response.content.decode()
    assert response.status_code == 200 and "Alleen een lid van Buurtteam Zuid" in html
    assert "Jan Jansen" not in html and Toegang.objects.count() == 0
