"""The coalition's demo data: every organisation the seeds name, idempotent."""

import pytest
from django.apps import apps
from django.core import serializers

from coalitie import demo
from coalitie.constants import Rol
from coalitie.demo_data import DEMO_PARTNERS
from coalitie.models import Ambassadeur, Bijeenkomst, Contactpersoon, Deelnemer, Lidmaatschap

pytestmark = pytest.mark.sqlite

MODELS = [
    "coalitie.organisatie",
    "coalitie.lidmaatschap",
    "coalitie.contactpersoon",
    "coalitie.bijeenkomst",
    "coalitie.aanwezigheid",
    "coalitie.training",
    "coalitie.deelnemer",
    "coalitie.ambassadeur",
]


def snapshot() -> str:
    objects = []
    for label in MODELS:
        objects.extend(apps.get_model(label).objects.order_by("pk"))
    wijken = sorted(
        apps.get_model("coalitie.organisatie").wijken.through.objects.values_list(
            "organisatie_id", "wijk_id"
        )
    )
    return serializers.serialize("json", objects) + repr(wijken)


def test_seeding_twice_gives_the_same_rows(db):
    assert demo.seed() > 0
    first = snapshot()
    assert demo.seed() == 0
    assert snapshot() == first


def test_the_municipality_leads_the_programme_partners_form_the_kerngroep(db):
    demo.seed()
    roles = dict(Lidmaatschap.objects.values_list("organisatie__name", "role"))
    assert roles["Gemeente Hilversum"] == Rol.KARTREKKER
    assert [name for name, role in roles.items() if role == Rol.KARTREKKER] == [
        "Gemeente Hilversum"
    ]
    kerngroep = {name for name, role in roles.items() if role == Rol.KERNGROEP}
    assert kerngroep == {
        "Bibliotheek Hilversum",
        "De Verbinding",
        "Hilversummers.nl",
        "Leger des Heils",
        "Maatjesproject",
        "MEE",
        "Present Hilversum",
        "Senver",
        "Versa Welzijn",
        "Versa vrijwilligerscentrale",
        "Jongerencoaching Caes Coacht",
    }


def test_every_organisation_named_in_the_seeds_is_a_partner(db):
    demo.seed()
    names = set(Lidmaatschap.objects.values_list("organisatie__name", flat=True))
    for name in [
        "De Luisterlijn",
        "Buurtmobi Kerkelanden",
        "Buitenplaats De Hoorneboeg",
        "Stichting Get it Done",
        "GGZ Centraal",
        "Sherpa",
        "Hilverzorg",
        "GGD Gooi en Vechtstreek",
        "De Alliantie",
        "Zorgmies",
        "Tergooi",
        "Huisartsen in Hilversum",
        "Sociaal Plein",
        "Politie",
        "Inovum",
        "Amaris",
        "Heikracht",
        "Stichting Hilversumse Meent",
        "Meentwerf",
        "Wijkcentrum Lopes Dias",
        "HOOST",
        "Wijk- en Zorgnetwerk Riebeeck",
        "Gezamenlijke kerken Noordoost",
    ]:
        assert name in names, name
    assert len(names) == len(DEMO_PARTNERS)


def test_the_slugs_match_the_sociale_kaart_demo(db):
    """aanbod's demo finds its organisations by slug; the same slug must not make a twin."""
    from aanbod.demo_data import ORGANISATIES

    demo.seed()
    by_slug = {p.slug: p.name for p in DEMO_PARTNERS}
    for slug, name, _text in ORGANISATIES:
        if slug in by_slug:
            assert by_slug[slug] == name, slug


def test_made_up_people_and_meetings_say_they_are_examples(db):
    demo.seed()
    people = [
        *Contactpersoon.objects.values_list("name", flat=True),
        *Deelnemer.objects.values_list("name", flat=True),
        *Ambassadeur.objects.values_list("name", flat=True),
    ]
    assert people and all(name.endswith("(voorbeeld)") for name in people)
    assert all(
        email.endswith("@example.org")
        for email in Contactpersoon.objects.values_list("email", flat=True)
    )
    assert all(
        "voorbeeld" in agenda for agenda in Bijeenkomst.objects.values_list("agenda", flat=True)
    )


def test_demo_has_the_symposium_a_training_and_trained_ambassadors(db):
    demo.seed()
    symposium = Bijeenkomst.objects.get(kind="kennissessie")
    assert symposium.public and symposium.aanwezigheden.count() > 3
    assert (symposium.date.month, symposium.date.day) in {
        (9, 26),
        (9, 27),
        (9, 28),
        (9, 29),
        (9, 30),
        (10, 1),
        (10, 2),
        (10, 3),
    }
    assert Ambassadeur.objects.filter(trained=True, deelnemer__isnull=False).count() >= 2
