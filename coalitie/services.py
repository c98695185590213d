"""Writes of the coalition: keyword-only, validated with full_clean, one transaction each.

Join requests from the public form live in services_aanmelding.py.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

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

ORGANISATIE_FIELDS = ("name", "description", "website", "email", "phone")
LIDMAATSCHAP_FIELDS = ("role", "sector", "signalling", "commitment", "since", "until")
SLUG_MAX_LENGTH = 190
# Paths of the werkruimte that a partner's slug must not shadow (partners/nieuw/).
RESERVED_SLUGS = {"nieuw"}


def _assign(instance, values: dict, fields: Iterable[str]) -> None:
    for name in fields:
        if name in values:
            setattr(instance, name, values[name])


def _unique_slug(name: str) -> str:
    base = slugify(name)[:SLUG_MAX_LENGTH] or "organisatie"
    slug, n = base, 1
    while slug in RESERVED_SLUGS or Organisatie.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _check_new_name(name: str) -> None:
    existing = (
        Organisatie.objects.filter(name__iexact=name.strip()).select_related("lidmaatschap").first()
    )
    if existing is None:
        return
    if hasattr(existing, "lidmaatschap"):
        message = _("%(name)s is al partner van de coalitie.") % {"name": existing.name}
    else:
        message = _(
            "%(name)s staat al in het portaal. Kies de organisatie in de lijst hierboven."
        ) % {"name": existing.name}
    raise ValidationError({"name": message})


@transaction.atomic
def partner_create(*, values: dict, organisatie: Organisatie | None = None) -> Lidmaatschap:
    """Make an organisation a partner of the coalition.

    With `organisatie` (one already in the portal, e.g. an aanbieder) the organisation fields
    that were filled in overwrite its own; empty ones leave it as it is. Without, a new
    organisation is made with a slug of its own; a name that exists already is refused.
    """
    if organisatie is None:
        _check_new_name(values.get("name", ""))
        organisatie = Organisatie(slug=_unique_slug(values.get("name", "")))
        _assign(organisatie, values, ORGANISATIE_FIELDS)
    else:
        if Lidmaatschap.objects.filter(organisatie=organisatie).exists():
            raise ValidationError(
                {"organisatie": _("Deze organisatie is al partner van de coalitie.")}
            )
        _assign(organisatie, {k: v for k, v in values.items() if v}, ORGANISATIE_FIELDS)
    organisatie.full_clean()
    organisatie.save()
    if values.get("wijken"):
        organisatie.wijken.set(values["wijken"])
    lidmaatschap = Lidmaatschap(organisatie=organisatie)
    _assign(lidmaatschap, values, LIDMAATSCHAP_FIELDS)
    lidmaatschap.full_clean()
    lidmaatschap.save()
    return lidmaatschap


@transaction.atomic
def partner_update(*, lidmaatschap: Lidmaatschap, values: dict) -> Lidmaatschap:
    """Change a partner's organisation details and membership. The slug stays: other parts of
    the portal (aanbod, meldpunt, the demo data) find organisations by it."""
    organisatie = lidmaatschap.organisatie
    _assign(organisatie, values, ORGANISATIE_FIELDS)
    organisatie.full_clean()
    organisatie.save()
    if "wijken" in values:
        organisatie.wijken.set(values["wijken"])
    _assign(lidmaatschap, values, LIDMAATSCHAP_FIELDS)
    lidmaatschap.full_clean()
    lidmaatschap.save()
    return lidmaatschap


@transaction.atomic
def contactpersoon_save(
    *, organisatie: Organisatie, values: dict, contactpersoon: Contactpersoon | None = None
) -> Contactpersoon:
    """Add a contact person to a partner, or change one."""
    contactpersoon = contactpersoon or Contactpersoon(organisatie=organisatie)
    _assign(contactpersoon, values, ("name", "function", "email", "phone"))
    contactpersoon.full_clean()
    contactpersoon.save()
    return contactpersoon


def contactpersoon_delete(*, contactpersoon: Contactpersoon) -> None:
    """Remove a contact person and their details (someone left the organisation)."""
    contactpersoon.delete()


@transaction.atomic
def ambassadeur_save(*, values: dict, ambassadeur: Ambassadeur | None = None) -> Ambassadeur:
    """Add an ambassador, or change one."""
    ambassadeur = ambassadeur or Ambassadeur()
    _assign(ambassadeur, values, ("name", "organisatie", "since", "trained"))
    ambassadeur.full_clean()
    ambassadeur.save()
    return ambassadeur


def ambassadeur_delete(*, ambassadeur: Ambassadeur) -> None:
    ambassadeur.delete()


@transaction.atomic
def ambassadeur_from_deelnemer(*, deelnemer: Deelnemer, since: date) -> tuple[Ambassadeur, bool]:
    """Make a training participant an ambassador (trained, same name and organisation).

    Returns the ambassador and whether it is new: doing it twice (a double click, a second
    tab) gives the same ambassador, never two.
    """
    deelnemer = Deelnemer.objects.select_for_update().get(pk=deelnemer.pk)
    existing = Ambassadeur.objects.filter(deelnemer=deelnemer).first()
    if existing is not None:
        return existing, False
    ambassadeur = Ambassadeur(
        name=deelnemer.name,
        organisatie_id=deelnemer.organisatie_id,
        since=since,
        trained=True,
        deelnemer=deelnemer,
    )
    ambassadeur.full_clean(validate_unique=False)
    ambassadeur.save()
    return ambassadeur, True


@transaction.atomic
def bijeenkomst_save(*, values: dict, bijeenkomst: Bijeenkomst | None = None) -> Bijeenkomst:
    """Plan a meeting, or change one (its agenda before, its minutes after)."""
    bijeenkomst = bijeenkomst or Bijeenkomst()
    fields = ("kind", "title", "date", "start_time", "end_time", "place", "public")
    _assign(bijeenkomst, values, (*fields, "agenda", "minutes"))
    bijeenkomst.full_clean()
    bijeenkomst.save()
    return bijeenkomst


@transaction.atomic
def aanwezigheid_set(*, bijeenkomst: Bijeenkomst, rows: Iterable[tuple[int, str]]) -> int:
    """Replace who came to a meeting by these (organisation id, person name) rows.

    An empty name means "the organisation was there". Repeated rows count once. Returns the
    number of rows stored.
    """
    wanted: dict[tuple[int, str], None] = {}
    for organisatie_id, name in rows:
        wanted[(organisatie_id, " ".join((name or "").split()))] = None
    _check_organisaties_exist({pk for pk, _name in wanted})
    bijeenkomst.aanwezigheden.all().delete()
    Aanwezigheid.objects.bulk_create(
        Aanwezigheid(bijeenkomst=bijeenkomst, organisatie_id=pk, name=name[:200])
        for pk, name in wanted
    )
    return len(wanted)


def _check_organisaties_exist(ids: set[int]) -> None:
    # The form offered these ids a moment ago; one may have been deleted since.
    if ids and Organisatie.objects.filter(pk__in=ids).count() != len(ids):
        raise ValidationError(_("Een gekozen organisatie bestaat niet meer. Kies opnieuw."))


@transaction.atomic
def training_save(*, values: dict, training: Training | None = None) -> Training:
    """Plan a training in signalling loneliness, or change one."""
    training = training or Training()
    _assign(training, values, ("title", "date", "trainer", "audience", "place", "description"))
    training.full_clean()
    training.save()
    return training


@dataclass(frozen=True)
class DeelnemerRij:
    """One row of the participants form: pk None for a new participant."""

    pk: int | None
    name: str
    organisatie_id: int | None = None
    function: str = ""
    delete: bool = False


@transaction.atomic
def deelnemers_save(*, training: Training, rows: Iterable[DeelnemerRij]) -> None:
    """Add, change and remove participants of a training in one go.

    Existing participants are updated in place, so that one who became an ambassador stays
    linked to that ambassador. A row with the id of another training's participant is refused.
    """
    rows = list(rows)
    existing = {d.pk: d for d in training.deelnemers.select_for_update()}
    if any(row.pk is not None and row.pk not in existing for row in rows):
        raise ValidationError(_("Een van de deelnemers hoort niet bij deze training."))
    _check_organisaties_exist({row.organisatie_id for row in rows if row.organisatie_id})
    for row in rows:
        deelnemer = existing.get(row.pk) if row.pk is not None else None
        if row.delete:
            if deelnemer is not None:
                deelnemer.delete()
            continue
        deelnemer = deelnemer or Deelnemer(training=training)
        deelnemer.name = " ".join(row.name.split())
        deelnemer.organisatie_id = row.organisatie_id
        deelnemer.function = row.function
        deelnemer.full_clean(exclude={"training", "organisatie"})
        deelnemer.save()
