from datetime import date, time

import factory
from django.utils import timezone

from aanbod.constants import Herhaling, Moderatie, Status
from aanbod.models import Activiteit, Locatie, Rooster
from tests.factories import OrganisatieFactory


class ActiviteitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activiteit

    name = factory.Sequence(lambda n: f"Activiteit {n}")
    slug = factory.Sequence(lambda n: f"activiteit-{n}")
    short_description = "Samen koffie drinken en kletsen."
    organisatie = factory.SubFactory(OrganisatieFactory)
    status = Status.ACTIEF
    moderatie = Moderatie.GOEDGEKEURD
    assured_at = factory.LazyFunction(timezone.now)


class LocatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Locatie

    name = factory.Sequence(lambda n: f"Buurthuis {n}")
    street_address = "Kerkstraat 1"
    postcode = "1211 AB"


class RoosterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rooster

    activiteit = factory.SubFactory(ActiviteitFactory)
    locatie = factory.SubFactory(LocatieFactory)
    herhaling = Herhaling.WEKELIJKS
    dinsdag = True
    start_date = date(2026, 1, 6)
    start_time = time(14, 0)
    end_time = time(16, 0)
