from datetime import date, time

import factory

from coalitie.constants import BijeenkomstSoort, Doelgroep, Rol, Sector
from coalitie.models import (
    Aanmelding,
    Aanwezigheid,
    Ambassadeur,
    Bijeenkomst,
    Contactpersoon,
    Deelnemer,
    Lidmaatschap,
    Training,
)
from tests.factories import OrganisatieFactory


class LidmaatschapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lidmaatschap

    organisatie = factory.SubFactory(OrganisatieFactory)
    role = Rol.SCHILPARTNER
    sector = Sector.ZORG_WELZIJN
    since = date(2024, 1, 1)


class ContactpersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contactpersoon

    organisatie = factory.SubFactory(OrganisatieFactory)
    name = factory.Sequence(lambda n: f"Contact {n}")
    function = "Coördinator"
    email = factory.Sequence(lambda n: f"contact{n}@example.org")
    phone = "035 123 45 67"


class BijeenkomstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bijeenkomst

    kind = BijeenkomstSoort.COALITIE
    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    date = date(2025, 4, 15)
    start_time = time(15, 0)
    end_time = time(17, 0)
    place = "Raadhuis Hilversum"


class AanwezigheidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanwezigheid

    bijeenkomst = factory.SubFactory(BijeenkomstFactory)
    organisatie = factory.SubFactory(OrganisatieFactory)
    name = ""


class TrainingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Training

    title = factory.Sequence(lambda n: f"Training {n}")
    date = date(2024, 11, 12)
    trainer = "Trainer"
    audience = Doelgroep.PROFESSIONALS


class DeelnemerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deelnemer

    training = factory.SubFactory(TrainingFactory)
    name = factory.Sequence(lambda n: f"Deelnemer {n}")
    organisatie = factory.SubFactory(OrganisatieFactory)


class AmbassadeurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ambassadeur

    name = factory.Sequence(lambda n: f"Ambassadeur {n}")
    organisatie = factory.SubFactory(OrganisatieFactory)
    since = date(2024, 4, 1)


class AanmeldingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanmelding

    organisation_name = factory.Sequence(lambda n: f"Bakkerij {n}")
    contact_name = "Bea Bakker"
    email = "bea@example.org"
    contribution = "Wij letten op klanten die alleen zijn."
