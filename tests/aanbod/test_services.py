"""Services of the werkruimte, without the web layer."""

from datetime import time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from aanbod import services
from aanbod.constants import Herhaling, Moderatie, Vocabulaire
from aanbod.models import Activiteit, Rooster, RoosterUitzondering, Term, Voorstel
from aanbod.selectors import proposed_values, rooster_items, voorstel_changes
from tests.aanbod.factories import ActiviteitFactory, LocatieFactory, RoosterFactory
from tests.factories import OrganisatieFactory
from wijken.models import Wijk

pytestmark = pytest.mark.sqlite


@pytest.fixture
def approved(aanbieder_user):
    return ActiviteitFactory(organisatie=aanbieder_user.medewerker.organisatie, name="Koffie")


def test_proposal_json_round_trips_decimals_and_many_to_many(db):
    senioren = Term.objects.get(vocabulaire=Vocabulaire.DOELGROEP, code="senioren")
    oost = Wijk.objects.get(name="Oost")
    data = services.serialise(
        {"cost_amount": Decimal("2.50"), "terms": [senioren], "wijken": [oost], "name": "X"}
    )
    assert data == {"cost_amount": "2.50", "terms": [senioren.pk], "wijken": [oost.pk], "name": "X"}
    values = proposed_values(data)
    assert values["cost_amount"] == Decimal("2.50")
    assert values["terms"] == [senioren] and values["wijken"] == [oost]


def test_proposal_that_is_reverted_to_the_public_values_is_dropped(aanbieder_user, approved):
    services.activiteit_update(activiteit=approved, user=aanbieder_user, values={"name": "Thee"})
    assert Voorstel.objects.count() == 1
    result = services.activiteit_update(
        activiteit=approved, user=aanbieder_user, values={"name": "Koffie"}
    )
    assert result is None and not Voorstel.objects.exists()
    approved.refresh_from_db()
    assert approved.assured_by == aanbieder_user


def test_a_proposal_never_moves_an_activity_to_another_organisation(aanbieder_user, approved):
    other = OrganisatieFactory()
    voorstel = services.activiteit_update(
        activiteit=approved, user=aanbieder_user, values={"name": "Thee", "organisatie": other}
    )
    assert "organisatie" not in voorstel.data
    voorstel.data["organisatie"] = other.pk  # even when someone writes it in
    voorstel.save()
    assert "organisatie" not in proposed_values(voorstel.data)


def test_approving_twice_is_refused(aanbieder_user, kartrekker_user, approved):
    voorstel = services.activiteit_update(
        activiteit=approved, user=aanbieder_user, values={"name": "Thee"}
    )
    services.voorstel_approve(voorstel=voorstel, user=kartrekker_user)
    with pytest.raises(ValidationError, match="al beoordeeld"):
        services.voorstel_approve(voorstel=voorstel, user=kartrekker_user)
    with pytest.raises(ValidationError):
        services.voorstel_reject(voorstel=voorstel, user=kartrekker_user, reason="Nee")


def test_rejecting_without_a_reason_is_refused(aanbieder_user, kartrekker_user, approved):
    voorstel = services.activiteit_update(
        activiteit=approved, user=aanbieder_user, values={"name": "Thee"}
    )
    with pytest.raises(ValidationError) as error:
        services.voorstel_reject(voorstel=voorstel, user=kartrekker_user, reason="  ")
    assert "reason" in error.value.message_dict


def test_applied_changes_reindex_after_the_commit_only(
    kartrekker_user, approved, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.activiteit_update(
            activiteit=approved, user=kartrekker_user, values={"name": "Thee-ochtend"}
        )
    approved.refresh_from_db()
    assert "thee-ochtend" not in approved.search_text
    assert len(callbacks) == 1
    callbacks[0]()
    approved.refresh_from_db()
    assert "thee-ochtend" in approved.search_text


def item(rooster_or_none=None, **fields):
    base = {
        "key": str(rooster_or_none.pk) if rooster_or_none else None,
        "locatie": None,
        "herhaling": Herhaling.WEKELIJKS,
        "dagen": [1],
        "week_van_de_maand": None,
        "start_date": "2026-01-06",
        "end_date": None,
        "start_time": "14:00",
        "end_time": "16:00",
        "note": "",
        "uitzonderingen": [],
    }
    base.update(fields)
    return base


def test_saving_schedules_updates_adds_and_deletes_and_logs_only_real_changes(kartrekker_user):
    activiteit = ActiviteitFactory()
    kept = RoosterFactory(activiteit=activiteit, locatie=None, dinsdag=True)
    changed = RoosterFactory(activiteit=activiteit, locatie=None, dinsdag=True)
    removed = RoosterFactory(activiteit=activiteit, locatie=None, dinsdag=True)
    services.roosters_save(
        activiteit=activiteit,
        user=kartrekker_user,
        items=[
            item(kept),
            item(changed, dagen=[4], start_time="10:00", end_time=None),
            item(herhaling=Herhaling.EENMALIG, dagen=[], start_date="2026-06-29"),
        ],
    )
    assert Rooster.objects.filter(pk=removed.pk).count() == 0
    changed.refresh_from_db()
    assert changed.weekdays == [4] and changed.start_time == time(10) and changed.end_time is None
    assert activiteit.roosters.filter(herhaling=Herhaling.EENMALIG).count() == 1
    rows = sorted(
        (w.old_value[:20], w.new_value[:20]) for w in activiteit.wijzigingen.filter(field="rooster")
    )
    assert rows == [
        ("", "Op maandag 29 juni 2"),
        ("Elke week op dinsdag", ""),
        ("Elke week op dinsdag", "Elke week op vrijdag"),
    ]


def test_a_proposed_exception_ending_before_it_starts_cannot_be_applied(kartrekker_user):
    activiteit = ActiviteitFactory()
    broken = item(uitzonderingen=[{"start_date": "2026-07-20", "end_date": "2026-07-01"}])
    with pytest.raises(ValidationError):
        services.roosters_save(activiteit=activiteit, user=kartrekker_user, items=[broken])
    assert not RoosterUitzondering.objects.exists()


def test_approving_keeps_a_schedule_whose_location_has_gone(
    aanbieder_user, kartrekker_user, approved
):
    gone = LocatieFactory()
    voorstel = services.roosters_save(
        activiteit=approved, user=aanbieder_user, items=[item(locatie=gone.pk)]
    )
    gone.delete()
    services.voorstel_approve(voorstel=voorstel, user=kartrekker_user)
    assert approved.roosters.get().locatie is None


def test_schedule_items_come_from_the_proposal_when_it_has_schedules(aanbieder_user, approved):
    RoosterFactory(activiteit=approved)
    voorstel = services.roosters_save(
        activiteit=approved, user=aanbieder_user, items=[item(dagen=[6])]
    )
    assert [i["dagen"] for i in rooster_items(approved)] == [[1]]
    assert [i["dagen"] for i in rooster_items(approved, voorstel=voorstel)] == [[6]]
    [change] = voorstel_changes(voorstel)
    assert change["old"][0].startswith("Elke week op dinsdag")
    assert change["new"][0].startswith("Elke week op zondag")


def test_confirmation_by_the_kartrekker_ends_the_recheck_but_not_by_the_aanbieder(
    aanbieder_user, kartrekker_user, approved
):
    Activiteit.objects.filter(pk=approved.pk).update(needs_review=True)
    services.activiteit_confirm(activiteit=approved, user=aanbieder_user)
    approved.refresh_from_db()
    assert approved.needs_review
    services.activiteit_confirm(activiteit=approved, user=kartrekker_user)
    approved.refresh_from_db()
    assert not approved.needs_review
    assert approved.assured_by_name == "Test"  # the person's name stays if the account goes


def test_renaming_a_location_reindexes_the_activities_held_there(
    approved, django_capture_on_commit_callbacks
):
    locatie = LocatieFactory(name="Oude zaal")
    RoosterFactory(activiteit=approved, locatie=locatie)
    with django_capture_on_commit_callbacks(execute=True):
        services.locatie_save(locatie=locatie, values={"name": "Nieuwe Zaal"})
    approved.refresh_from_db()
    assert "nieuwe zaal" in approved.search_text


def test_a_reminder_without_any_address_reports_false(db):
    activiteit = ActiviteitFactory(contact_email="")
    assert services.herinnering_send(activiteit=activiteit) is False


def test_new_activity_of_an_aanbieder_always_belongs_to_their_organisation(aanbieder_user):
    activiteit = services.activiteit_create(
        user=aanbieder_user,
        values={
            "name": "Breiclub",
            "short_description": "Samen breien.",
            "heel_hilversum": True,
            "organisatie": OrganisatieFactory(),
        },
    )
    assert activiteit.organisatie == aanbieder_user.medewerker.organisatie
    assert activiteit.moderatie == Moderatie.WACHT
