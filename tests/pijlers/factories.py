"""Factories of the pijlers tests. The six pillars come from the data migration."""

from datetime import date

import factory

from pijlers.constants import AgendaSoort, Status
from pijlers.models import Actie, AgendaItem, Pijler, Telling, Verhaal, Voortgang


class ActieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actie

    pijler = factory.LazyFunction(lambda: Pijler.objects.get(code="vinden"))
    title = factory.Sequence(lambda n: f"Testactie {n}")
    description = "Een actie om te testen."
    start_quarter = "2025-Q1"
    end_quarter = "2025-Q4"
    status = Status.GEPLAND
    position = factory.Sequence(lambda n: 1000 + n)


class TellingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Telling

    actie = factory.SubFactory(ActieFactory)
    metric = "Deelnemers aan de training"
    target = 100
    achieved = 40
    unit = "deelnemers"
    period = "2026"


class VoortgangFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Voortgang

    actie = factory.SubFactory(ActieFactory)
    date = date(2026, 3, 1)
    text = "Eerste bijeenkomst gehouden."


class VerhaalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verhaal

    title = factory.Sequence(lambda n: f"Verhaal {n}")
    text = "Ik ga nu elke week naar de koffieochtend."
    consent = True


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    title = factory.Sequence(lambda n: f"Agendapunt {n}")
    kind = AgendaSoort.BIJEENKOMST
    start_date = date(2027, 3, 18)
    public = True
