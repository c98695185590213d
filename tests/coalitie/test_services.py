"""The coalition's services and selectors on their own."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from coalitie import selectors, services
from coalitie.constants import Rol, Sector
from coalitie.models import Aanwezigheid, Ambassadeur, Bijeenkomst, Lidmaatschap
from tests.aanbod.factories import ActiviteitFactory
from tests.coalitie.factories import (
    AanwezigheidFactory,
    AmbassadeurFactory,
    BijeenkomstFactory,
    DeelnemerFactory,
    LidmaatschapFactory,
    TrainingFactory,
)
from tests.factories import OrganisatieFactory

pytestmark = pytest.mark.sqlite

MEMBERSHIP = {"role": Rol.SCHILPARTNER, "sector": Sector.HORECA, "since": date(2025, 1, 1)}


def test_a_new_partner_gets_a_unique_slug_that_never_shadows_a_werkruimte_path(db):
    OrganisatieFactory(name="Café Hoek", slug="cafe-hoek")
    lid = services.partner_create(values={"name": "Café Hoek!", **MEMBERSHIP})
    assert lid.organisatie.slug == "cafe-hoek-2"
    nieuw = services.partner_create(values={"name": "Nieuw", **MEMBERSHIP})
    assert nieuw.organisatie.slug == "nieuw-2"


def test_an_organisation_is_partner_at_most_once(db):
    organisatie = OrganisatieFactory()
    services.partner_create(values=MEMBERSHIP, organisatie=organisatie)
    with pytest.raises(ValidationError) as error:
        services.partner_create(values=MEMBERSHIP, organisatie=organisatie)
    assert "al partner" in error.value.message_dict["organisatie"][0]
    with pytest.raises(IntegrityError), transaction.atomic():
        Lidmaatschap.objects.create(organisatie=organisatie, **MEMBERSHIP)


def test_a_membership_cannot_end_before_it_starts(db):
    with pytest.raises(ValidationError) as error:
        services.partner_create(values={"name": "Club", **MEMBERSHIP, "until": date(2024, 12, 31)})
    assert "De einddatum ligt vóór de begindatum." in error.value.messages
    assert not Lidmaatschap.objects.exists()


def test_current_memberships_on_a_day(db):
    LidmaatschapFactory(organisatie__name="Loopt", since=date(2024, 1, 1))
    LidmaatschapFactory(
        organisatie__name="Gestopt", since=date(2024, 1, 1), until=date(2024, 6, 30)
    )
    LidmaatschapFactory(
        organisatie__name="Laatste dag", since=date(2024, 1, 1), until=date(2024, 7, 1)
    )
    LidmaatschapFactory(organisatie__name="Nog niet", since=date(2024, 8, 1))
    current = Lidmaatschap.objects.current(date(2024, 7, 1))
    assert sorted(current.values_list("organisatie__name", flat=True)) == ["Laatste dag", "Loopt"]


def test_attendance_is_replaced_and_unknown_organisations_refused(db):
    bijeenkomst = BijeenkomstFactory()
    mee = OrganisatieFactory(name="MEE")
    AanwezigheidFactory(bijeenkomst=bijeenkomst)
    assert (
        services.aanwezigheid_set(
            bijeenkomst=bijeenkomst, rows=[(mee.pk, " Joost "), (mee.pk, "Joost")]
        )
        == 1
    )
    assert list(Aanwezigheid.objects.values_list("organisatie__name", "name")) == [("MEE", "Joost")]
    with pytest.raises(ValidationError):
        services.aanwezigheid_set(bijeenkomst=bijeenkomst, rows=[(999999, "")])
    assert Aanwezigheid.objects.count() == 1  # the refused call changed nothing


def test_a_meeting_cannot_end_before_it_begins(db):
    from datetime import time

    with pytest.raises(ValidationError):
        services.bijeenkomst_save(
            values={
                "kind": "coalitie",
                "title": "Overleg",
                "date": date(2025, 1, 1),
                "start_time": time(15),
                "end_time": time(14),
                "place": "Raadhuis",
            }
        )
    assert not Bijeenkomst.objects.exists()


def test_participants_are_updated_in_place(db):
    training = TrainingFactory()
    deelnemer = DeelnemerFactory(training=training, name="Sanne")
    ambassadeur, created = services.ambassadeur_from_deelnemer(
        deelnemer=deelnemer, since=date(2025, 1, 1)
    )
    assert created
    services.deelnemers_save(
        training=training,
        rows=[
            services.DeelnemerRij(pk=deelnemer.pk, name="Sanne  Bakker"),
            services.DeelnemerRij(pk=None, name="Noor", function="Huismeester"),
        ],
    )
    deelnemer.refresh_from_db()
    assert deelnemer.name == "Sanne Bakker" and deelnemer.organisatie is None
    assert Ambassadeur.objects.get().deelnemer == deelnemer
    assert training.deelnemers.count() == 2


def test_deleting_a_participant_keeps_the_ambassador(db):
    deelnemer = DeelnemerFactory(name="Sanne")
    services.ambassadeur_from_deelnemer(deelnemer=deelnemer, since=date(2025, 1, 1))
    services.deelnemers_save(
        training=deelnemer.training,
        rows=[services.DeelnemerRij(pk=deelnemer.pk, name="", delete=True)],
    )
    ambassadeur = Ambassadeur.objects.get()
    assert ambassadeur.name == "Sanne" and ambassadeur.deelnemer is None


def test_making_an_ambassador_twice_gives_the_same_one(db):
    deelnemer = DeelnemerFactory()
    first, created = services.ambassadeur_from_deelnemer(
        deelnemer=deelnemer, since=date(2025, 1, 1)
    )
    again, created_again = services.ambassadeur_from_deelnemer(
        deelnemer=deelnemer, since=date(2025, 2, 1)
    )
    assert created and not created_again and first == again
    assert again.since == date(2025, 1, 1)


def test_partner_activities_are_the_public_ones_only(db):
    organisatie = OrganisatieFactory()
    ActiviteitFactory(organisatie=organisatie, name="Openbaar")
    ActiviteitFactory(organisatie=organisatie, name="Afgewezen", moderatie="afgewezen")
    ActiviteitFactory(organisatie=organisatie, name="Gestopt", status="gestopt")
    assert [a.name for a in selectors.partner_activiteiten(organisatie)] == ["Openbaar"]


def test_public_meetings_for_the_agenda_are_upcoming_and_public_only(db):
    BijeenkomstFactory(title="Symposium", public=True, date=date(2025, 10, 1))
    BijeenkomstFactory(title="Vorig symposium", public=True, date=date(2024, 10, 1))
    BijeenkomstFactory(title="Intern overleg", public=False, date=date(2025, 11, 1))
    found = selectors.bijeenkomsten_public(from_date=date(2025, 1, 1))
    assert [b.title for b in found] == ["Symposium"]


def test_public_partners_are_grouped_by_ring(db):
    LidmaatschapFactory(organisatie__name="Gemeente", role=Rol.KARTREKKER)
    LidmaatschapFactory(organisatie__name="Versa", role=Rol.KERNGROEP)
    LidmaatschapFactory(organisatie__name="Bakker")
    groepen = selectors.public_partners(today=date(2025, 1, 1))
    assert [(g.role, [lid.organisatie.name for lid in g.leden]) for g in groepen] == [
        ("kartrekker", ["Gemeente"]),
        ("kerngroep", ["Versa"]),
        ("schilpartner", ["Bakker"]),
    ]


def test_coalitie_figures_count_partners_ambassadors_trainings_and_meetings(
    db, django_assert_num_queries
):
    LidmaatschapFactory(role=Rol.KARTREKKER, signalling=True)
    LidmaatschapFactory(role=Rol.KERNGROEP)
    LidmaatschapFactory(until=date(2024, 12, 31))
    AmbassadeurFactory(trained=True, since=date(2025, 3, 1))
    AmbassadeurFactory(since=date(2025, 7, 1))  # after the period
    februari = TrainingFactory(date=date(2025, 2, 11))
    for _ in range(3):
        DeelnemerFactory(training=februari)
    DeelnemerFactory(training__date=date(2024, 11, 12))  # before the period
    BijeenkomstFactory(date=date(2025, 4, 15))
    with django_assert_num_queries(4):
        cijfers = selectors.coalitie_cijfers(start=date(2025, 1, 1), end=date(2025, 6, 30))
    assert cijfers.partners_per_rol == {"kartrekker": 1, "kerngroep": 1, "schilpartner": 0}
    assert cijfers.signalerende_partners == 1
    assert (cijfers.ambassadeurs, cijfers.ambassadeurs_getraind) == (1, 1)
    assert (cijfers.trainingen, cijfers.training_deelnemers) == (1, 3)
    assert cijfers.bijeenkomsten == 1
