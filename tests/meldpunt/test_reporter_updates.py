"""The reporter hears "opgepakt" and "afgesloten", and nothing else from the case."""

import pytest

from meldpunt.constants import Status, UitberichtSoort, Uitkomst
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
