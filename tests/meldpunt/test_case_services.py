"""Case services: history rows, the requirements of each step, assignment, access log."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from aanbod.models import Activiteit
from hilversum_eenzaamheid import roles
from meldpunt import services_case as sc
from meldpunt.constants import (
    ContactKanaal,
    Status,
    ToegangSoort,
    UitberichtSoort,
    Uitkomst,
    VerwijzingSoort,
)
from meldpunt.models import Buurtteam, StatusWijziging, Toegang, Uitbericht
from meldpunt.workflow import TransitionError
from tests.aanbod.factories import ActiviteitFactory
from tests.factories import UserFactory
from tests.meldpunt.test_case_support import (
    NOW,
    force_status,
    melding,
    member,
    member_of,
    new_melding,
)

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]
__all__ = ["member", "melding"]  # fixtures

LATER = NOW + timedelta(hours=3)


def history(melding):
    return list(
        StatusWijziging.objects.filter(melding=melding).values_list(
            "from_status", "to_status", "user__username", "reason"
        )
    )


def test_taking_a_melding_records_who_took_it_in_the_history(melding, member):
    sc.melding_transition(melding=melding, user=member, to_status=Status.OPGEPAKT, now=LATER)
    assert melding.status == Status.OPGEPAKT
    step = StatusWijziging.objects.filter(melding=melding).last()
    assert (step.from_status, step.to_status, step.user, step.at) == (
        Status.NIEUW,
        Status.OPGEPAKT,
        member,
        LATER,
    )


def test_only_a_member_of_the_melding_team_may_take_it(melding):
    outsider = member_of("centrum")
    with pytest.raises(TransitionError, match="Alleen een lid van Buurtteam Noordoost"):
        sc.melding_transition(melding=melding, user=outsider, to_status=Status.OPGEPAKT)
    melding.refresh_from_db()
    assert melding.status == Status.NIEUW


def test_a_melding_in_triage_cannot_be_taken(member):
    melding = new_melding(wijk=None)
    with pytest.raises(TransitionError, match="nog geen buurtteam"):
        sc.melding_transition(melding=melding, user=member, to_status=Status.OPGEPAKT)


def test_first_contact_sets_first_contact_at_once(melding, member):
    force_status(melding, Status.OPGEPAKT, user=member)
    sc.melding_transition(melding=melding, user=member, to_status=Status.CONTACT_GELEGD, now=LATER)
    melding.refresh_from_db()
    assert melding.first_contact_at == LATER
    # Not reached, reached again later: the first contact stays the first.
    force_status(melding, Status.NIET_BEREIKT, user=member)
    sc.melding_transition(
        melding=melding, user=member, to_status=Status.CONTACT_GELEGD, now=LATER + timedelta(1)
    )
    melding.refresh_from_db()
    assert melding.first_contact_at == LATER


@pytest.mark.parametrize("attempts", [0, 2])
def test_niet_bereikt_needs_three_unsuccessful_attempts(melding, member, attempts):
    force_status(melding, Status.OPGEPAKT, user=member)
    for _ in range(attempts):
        sc.contactpoging_add(
            melding=melding, user=member, channel=ContactKanaal.TELEFOON, reached=False
        )
    with pytest.raises(TransitionError, match=f"na 3 contactpogingen.*nu {attempts}"):
        sc.melding_transition(melding=melding, user=member, to_status=Status.NIET_BEREIKT)
    sc.contactpoging_add(melding=melding, user=member, channel=ContactKanaal.BRIEF, reached=False)
    if attempts == 2:
        sc.melding_transition(melding=melding, user=member, to_status=Status.NIET_BEREIKT)
        assert melding.status == Status.NIET_BEREIKT


def test_attempt_count_follows_the_setting(melding, member, settings):
    settings.MELDPUNT_CONTACT_ATTEMPTS = 1
    force_status(melding, Status.OPGEPAKT, user=member)
    sc.contactpoging_add(melding=melding, user=member, channel=ContactKanaal.EMAIL, reached=False)
    sc.melding_transition(melding=melding, user=member, to_status=Status.NIET_BEREIKT)
    assert melding.status == Status.NIET_BEREIKT


def test_reaching_the_person_moves_opgepakt_to_contact_gelegd(melding, member):
    force_status(melding, Status.OPGEPAKT, user=member)
    poging = sc.contactpoging_add(
        melding=melding, user=member, channel=ContactKanaal.HUISBEZOEK, reached=True, now=LATER
    )
    assert poging.reached and melding.status == Status.CONTACT_GELEGD
    melding.refresh_from_db()
    assert melding.first_contact_at == LATER
    assert history(melding)[-1][:3] == (Status.OPGEPAKT, Status.CONTACT_GELEGD, member.username)


def test_attempts_need_a_taken_open_melding(melding, member):
    with pytest.raises(TransitionError, match="Pak de melding eerst op"):
        sc.contactpoging_add(melding=melding, user=member, channel="telefoon", reached=False)
    force_status(melding, Status.GEANNULEERD, user=member)
    with pytest.raises(TransitionError, match="gesloten"):
        sc.contactpoging_add(melding=melding, user=member, channel="telefoon", reached=False)


def test_attempt_with_unknown_channel_is_refused(melding, member):
    force_status(melding, Status.OPGEPAKT, user=member)
    with pytest.raises(ValidationError):
        sc.contactpoging_add(melding=melding, user=member, channel="duif", reached=True)


def test_doorverwezen_needs_a_referral(melding, member):
    force_status(melding, Status.CONTACT_GELEGD, user=member)
    with pytest.raises(TransitionError, match="Voeg eerst een verwijzing toe"):
        sc.melding_transition(melding=melding, user=member, to_status=Status.DOORVERWEZEN)
    activiteit = ActiviteitFactory()
    verwijzing = sc.verwijzing_add(
        melding=melding,
        user=member,
        kind=VerwijzingSoort.AANBOD,
        activiteit=activiteit,
        organisatie=None,
        description="Koffieochtend op dinsdag",
    )
    assert verwijzing.activiteit == activiteit
    sc.melding_transition(melding=melding, user=member, to_status=Status.DOORVERWEZEN)
    assert melding.status == Status.DOORVERWEZEN


def test_referral_keeps_only_the_link_that_fits_its_kind(melding, member):
    force_status(melding, Status.CONTACT_GELEGD, user=member)
    verwijzing = sc.verwijzing_add(
        melding=melding, user=member, kind=VerwijzingSoort.HUISARTS, activiteit=ActiviteitFactory()
    )
    assert verwijzing.activiteit is None
    with pytest.raises(ValidationError) as refused:
        sc.verwijzing_add(melding=melding, user=member, kind=VerwijzingSoort.ORGANISATIE)
    assert "organisatie" in refused.value.message_dict


def test_referral_before_contact_is_refused(melding, member):
    force_status(melding, Status.OPGEPAKT, user=member)
    with pytest.raises(TransitionError, match="als er contact is gelegd"):
        sc.verwijzing_add(melding=melding, user=member, kind=VerwijzingSoort.HUISARTS)


def test_closing_needs_an_outcome_and_records_it(melding, member):
    force_status(melding, Status.CONTACT_GELEGD, user=member)
    for outcome in ("", "verzonnen"):
        with pytest.raises(TransitionError, match="Kies een uitkomst"):
            sc.melding_transition(
                melding=melding, user=member, to_status=Status.AFGESLOTEN, outcome=outcome
            )
    sc.melding_transition(
        melding=melding,
        user=member,
        to_status=Status.AFGESLOTEN,
        outcome=Uitkomst.EIGEN_NETWERK,
        now=LATER,
    )
    melding.refresh_from_db()
    assert (melding.status, melding.outcome, melding.closed_at) == (
        Status.AFGESLOTEN,
        Uitkomst.EIGEN_NETWERK,
        LATER,
    )


def test_niet_bereikt_closes_only_with_outcome_niet_bereikt(melding, member):
    force_status(melding, Status.NIET_BEREIKT, user=member)
    with pytest.raises(TransitionError, match="'Niet bereikt'"):
        sc.melding_transition(
            melding=melding, user=member, to_status=Status.AFGESLOTEN, outcome=Uitkomst.ONTERECHT
        )
    sc.melding_transition(
        melding=melding, user=member, to_status=Status.AFGESLOTEN, outcome=Uitkomst.NIET_BEREIKT
    )
    assert melding.outcome == Uitkomst.NIET_BEREIKT


def test_cancelling_needs_a_reason_which_goes_into_the_history(melding, member):
    with pytest.raises(TransitionError, match="waarom de melding vervalt"):
        sc.melding_transition(
            melding=melding, user=member, to_status=Status.GEANNULEERD, reason=" "
        )
    sc.melding_transition(
        melding=melding, user=member, to_status=Status.GEANNULEERD, reason="Dubbele melding"
    )
    melding.refresh_from_db()
    assert melding.closed_at is not None
    assert history(melding)[-1] == (
        Status.NIEUW,
        Status.GEANNULEERD,
        member.username,
        "Dubbele melding",
    )


def test_outcome_is_kept_only_when_closing(melding, member):
    sc.melding_transition(
        melding=melding, user=member, to_status=Status.OPGEPAKT, outcome=Uitkomst.ONTERECHT
    )
    melding.refresh_from_db()
    assert melding.outcome == ""


def test_history_rows_are_only_added(melding, member):
    before = list(StatusWijziging.objects.filter(melding=melding).values("pk", "to_status"))
    sc.melding_transition(melding=melding, user=member, to_status=Status.OPGEPAKT)
    sc.contactpoging_add(melding=melding, user=member, channel="telefoon", reached=True)
    after = list(StatusWijziging.objects.filter(melding=melding).values("pk", "to_status"))
    assert after[: len(before)] == before
    assert [row["to_status"] for row in after] == [
        Status.NIEUW,
        Status.OPGEPAKT,
        Status.CONTACT_GELEGD,
    ]


def test_very_long_reason_is_refused_not_stored(melding, member):
    with pytest.raises(TransitionError, match="korter"):
        sc.melding_transition(
            melding=melding, user=member, to_status=Status.GEANNULEERD, reason="x" * 5000
        )


def test_note_is_required_and_limited(melding, member):
    with pytest.raises(ValidationError):
        sc.notitie_add(melding=melding, user=member, text="   ")
    with pytest.raises(ValidationError):
        sc.notitie_add(melding=melding, user=member, text="x" * 2001)
    note = sc.notitie_add(melding=melding, user=member, text="  Gebeld, morgen opnieuw. ")
    assert note.text == "Gebeld, morgen opnieuw."


def test_assigning_from_triage_records_the_reason_and_tells_the_new_team(coordinator_user):
    melding = new_melding(wijk=None)
    zuid = Buurtteam.objects.get(slug="zuid")
    Uitbericht.objects.all().delete()
    sc.melding_assign(
        melding=melding, user=coordinator_user, buurtteam=zuid, reason="Woont in Zuid", now=LATER
    )
    melding.refresh_from_db()
    assert melding.buurtteam == zuid and melding.status == Status.NIEUW
    assert history(melding)[-1] == (
        Status.NIEUW,
        Status.NIEUW,
        "coordinator",
        "Naar Buurtteam Zuid: Woont in Zuid",
    )
    (row,) = Uitbericht.objects.all()
    assert (row.kind, row.recipient) == (UitberichtSoort.TEAM_NIEUW, zuid.email)
    assert "Jan" not in row.body and melding.reference in row.body


def test_assigning_needs_a_reason_and_another_team(coordinator_user, melding):
    with pytest.raises(ValidationError) as refused:
        sc.melding_assign(
            melding=melding, user=coordinator_user, buurtteam=melding.buurtteam, reason=""
        )
    assert "reason" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        sc.melding_assign(
            melding=melding, user=coordinator_user, buurtteam=melding.buurtteam, reason="Zo"
        )
    assert "buurtteam" in refused.value.message_dict


def test_closed_melding_is_not_reassigned(coordinator_user, melding, member):
    force_status(melding, Status.GEANNULEERD, user=member)
    with pytest.raises(TransitionError):
        sc.melding_assign(
            melding=melding,
            user=coordinator_user,
            buurtteam=Buurtteam.objects.get(slug="zuid"),
            reason="Toch Zuid",
        )


def test_toegang_log_writes_who_which_and_what(melding):
    user = UserFactory(roles=[roles.BUURTTEAM])
    row = sc.toegang_log(user=user, melding=melding, what=ToegangSoort.DETAIL)
    assert Toegang.objects.get() == row
    assert (row.user, row.melding, row.what) == (user, melding, ToegangSoort.DETAIL)


def test_activity_factory_is_public():
    assert Activiteit.objects.public().filter(pk=ActiviteitFactory().pk).exists()
