"""The reporter hears "opgepakt" and "afgesloten", and nothing else from the case."""

import pytest

from meldpunt.constants import MelderRol, Status, UitberichtSoort, Uitkomst
from meldpunt.models import Uitbericht
from meldpunt.services import Contact
from meldpunt.services_case import melding_transition
from tests.meldpunt.test_case_support import force_status, member_of, new_melding

pytestmark = pytest.mark.sqlite


def reporter_rows(melding):
    return list(
        Uitbericht.objects.filter(
            melding=melding,
            kind__in=[UitberichtSoort.MELDER_OPGEPAKT, UitberichtSoort.MELDER_AFGESLOTEN],
        ).order_by("pk")
    )


def test_reporter_hears_when_the_melding_is_picked_up_and_when_it_is_closed(db):
    melding = new_melding()
    member = member_of("noordoost")
    melding_transition(melding=melding, user=member, to_status=Status.OPGEPAKT)
    force_status(melding, Status.CONTACT_GELEGD, user=member)
    melding_transition(
        melding=melding, user=member, to_status=Status.AFGESLOTEN, outcome=Uitkomst.AL_IN_ZORG
    )
    rows = reporter_rows(melding)
    assert [r.kind for r in rows] == [
        UitberichtSoort.MELDER_OPGEPAKT,
        UitberichtSoort.MELDER_AFGESLOTEN,
    ]
    assert {r.recipient for r in rows} == {"piet@example.org"}
    assert melding.reference in rows[0].subject and "opgepakt" in rows[0].subject
    for row in rows:
        # Nothing from the case: no names, no phone, no outcome.
        for secret in ["Jan Jansen", "0351234567", "Al in zorg", "buiten"]:
            assert secret not in row.body, secret


def test_anonymous_reporter_gets_no_updates(db):
    melding = new_melding(reporter=Contact())
    melding_transition(melding=melding, user=member_of("noordoost"), to_status=Status.OPGEPAKT)
    assert reporter_rows(melding) == []


def test_other_steps_send_the_reporter_nothing(db):
    melding = new_melding()
    member = member_of("noordoost")
    melding_transition(melding=melding, user=member, to_status=Status.OPGEPAKT)
    force_status(melding, Status.CONTACT_GELEGD, user=member)
    assert [r.kind for r in reporter_rows(melding)] == [UitberichtSoort.MELDER_OPGEPAKT]


def close(melding, *, share: bool):
    member = member_of("noordoost")
    melding_transition(melding=melding, user=member, to_status=Status.OPGEPAKT)
    force_status(melding, Status.CONTACT_GELEGD, user=member)
    melding_transition(
        melding=melding,
        user=member,
        to_status=Status.AFGESLOTEN,
        outcome=Uitkomst.EIGEN_NETWERK,
        share_outcome=share,
    )
    return reporter_rows(melding)[-1]


@pytest.mark.parametrize("role", [MelderRol.VERWIJZER, MelderRol.PROFESSIONAL])
def test_professional_referrer_hears_the_outcome_when_the_person_agreed(db, role):
    row = close(new_melding(reporter_role=role), share=True)
    assert "Eigen netwerk versterkt" in row.body


@pytest.mark.parametrize(
    ("role", "share"),
    [(MelderRol.VERWIJZER, False), (MelderRol.BEWONER, True), (MelderRol.FAMILIE, True)],
)
def test_no_outcome_without_agreement_or_to_other_reporters(db, role, share):
    row = close(new_melding(reporter_role=role), share=share)
    assert "Eigen netwerk versterkt" not in row.body
    assert "afgesloten" in row.body


def test_closing_form_records_the_agreement(client, db):
    from django.urls import reverse

    melding = new_melding(reporter_role=MelderRol.VERWIJZER)
    member = member_of("noordoost")
    melding_transition(melding=melding, user=member, to_status=Status.OPGEPAKT)
    force_status(melding, Status.CONTACT_GELEGD, user=member)
    client.force_login(member)
    url = reverse("meldpunt:werkruimte_status", args=[melding.reference])
    response = client.post(
        url, {"to_status": "afgesloten", "outcome": "eigen-netwerk", "share_outcome": "ja"}
    )
    assert response.status_code == 302
    melding.refresh_from_db()
    assert melding.outcome_may_be_shared is True
    assert "Eigen netwerk versterkt" in reporter_rows(melding)[-1].body
