"""Seeding the coalition's demo data (see demo_data.py for what it is and where it comes from).

Idempotent: every row is looked up by its natural key first, so a second run creates nothing
and changes nothing, and rows someone edited since stay as they are.
"""

from django.db import transaction
from django.utils.text import slugify

from wijken.models import Wijk

from .constants import Rol
from .demo_data import (
    AMBASSADEURS,
    BIJEENKOMSTEN,
    CONTACTPERSONEN,
    DEMO_PARTNERS,
    EXAMPLE_NOTE,
    KERNGROEP_SINCE,
    PARTNERS,
    SCHIL_SINCE,
    TRAININGEN,
)
from .models import (
    Aanwezigheid,
    Ambassadeur,
    Bijeenkomst,
    Contactpersoon,
    Deelnemer,
    Lidmaatschap,
    Organisatie,
    Training,
)

__all__ = ["PARTNERS", "seed"]


@transaction.atomic
def seed() -> int:
    """Create what is missing of the demo coalition; return how many rows were created or
    completed."""
    organisaties, created = _partners()
    created += _contactpersonen(organisaties)
    created += _bijeenkomsten(organisaties)
    created += _trainingen(organisaties)
    created += _ambassadeurs(organisaties)
    return created


def _partners() -> tuple[dict[str, Organisatie], int]:
    wijken = {w.slug: w for w in Wijk.objects.all()}
    organisaties, created = {}, 0
    for demo in DEMO_PARTNERS:
        organisatie, was_created = Organisatie.objects.get_or_create(
            slug=demo.slug, defaults={"name": demo.name, "description": demo.description}
        )
        created += was_created
        # An organisation the sociale kaart's demo made first has no wijken yet.
        if demo.wijken and not organisatie.wijken.exists():
            organisatie.wijken.set([wijken[slug] for slug in demo.wijken if slug in wijken])
            created += 1
        since = SCHIL_SINCE if demo.role == Rol.SCHILPARTNER else KERNGROEP_SINCE
        _lid, was_created = Lidmaatschap.objects.get_or_create(
            organisatie=organisatie,
            defaults={
                "role": demo.role,
                "sector": demo.sector,
                "signalling": demo.signalling,
                "commitment": demo.commitment,
                "since": since,
            },
        )
        created += was_created
        organisaties[demo.slug] = organisatie
    return organisaties, created


def _example_email(name: str) -> str:
    person = name.replace("(voorbeeld)", "").strip()
    return f"{slugify(person).replace('-', '.')}@example.org"


def _contactpersonen(organisaties) -> int:
    created = 0
    for slug, name, function in CONTACTPERSONEN:
        _contact, was_created = Contactpersoon.objects.get_or_create(
            organisatie=organisaties[slug],
            name=name,
            defaults={"function": function, "email": _example_email(name)},
        )
        created += was_created
    return created


def _bijeenkomsten(organisaties) -> int:
    created = 0
    for demo in BIJEENKOMSTEN:
        bijeenkomst, was_created = Bijeenkomst.objects.get_or_create(
            title=demo.title,
            date=demo.date,
            defaults={
                "kind": demo.kind,
                "start_time": demo.start,
                "end_time": demo.end,
                "place": demo.place,
                "public": demo.public,
                "agenda": f"{demo.agenda}\n\n{EXAMPLE_NOTE}",
                "minutes": f"{demo.minutes}\n\n{EXAMPLE_NOTE}" if demo.minutes else "",
            },
        )
        created += was_created
        for slug, name in demo.aanwezig:
            _row, was_created = Aanwezigheid.objects.get_or_create(
                bijeenkomst=bijeenkomst, organisatie=organisaties[slug], name=name
            )
            created += was_created
    return created


def _trainingen(organisaties) -> int:
    created = 0
    for demo in TRAININGEN:
        training, was_created = Training.objects.get_or_create(
            title=demo.title,
            date=demo.date,
            defaults={
                "trainer": demo.trainer,
                "audience": demo.audience,
                "place": demo.place,
                "description": EXAMPLE_NOTE,
            },
        )
        created += was_created
        for name, slug, function, ambassadeur in demo.deelnemers:
            deelnemer, was_created = Deelnemer.objects.get_or_create(
                training=training,
                name=name,
                defaults={"organisatie": organisaties[slug], "function": function},
            )
            created += was_created
            if ambassadeur:
                _a, was_created = Ambassadeur.objects.get_or_create(
                    deelnemer=deelnemer,
                    defaults={
                        "name": name,
                        "organisatie": organisaties[slug],
                        "since": training.date,
                        "trained": True,
                    },
                )
                created += was_created
    return created


def _ambassadeurs(organisaties) -> int:
    created = 0
    for name, slug, since in AMBASSADEURS:
        _a, was_created = Ambassadeur.objects.get_or_create(
            name=name,
            organisatie=organisaties[slug],
            deelnemer=None,
            defaults={"since": since, "trained": False},
        )
        created += was_created
    return created
