"""Writes of the pijlers app: keyword-only, validated with full_clean, one transaction each.

None of them has side effects outside the database (no mail, no tasks), so nothing is queued
with on_commit.
"""

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import Q

from coalitie.models import Organisatie

from .constants import PaginaSlug
from .defaults import DEFAULTS
from .models import Actie, AgendaItem, Pagina, PaginaVersie, Pijler, Telling, Verhaal, Voortgang

ACTIE_FIELDS = (
    "title",
    "description",
    "audience",
    "planning_text",
    "start_quarter",
    "end_quarter",
    "status",
    "trekker",
    "trekker_name",
    "parent",
)


def _save(instance, update_fields=None):
    instance.full_clean()
    instance.save(update_fields=update_fields)
    return instance


@transaction.atomic
def actie_create(*, pijler: Pijler, data: dict, partners: Iterable[Organisatie] = ()) -> Actie:
    """A new action at the end of its pillar."""
    last = Actie.objects.filter(pijler=pijler).order_by("-position").first()
    actie = Actie(pijler=pijler, position=(last.position + 10) if last else 10)
    for field in ACTIE_FIELDS:
        if field in data:
            setattr(actie, field, data[field])
    _trekker_name_rule(actie)
    _save(actie)
    actie.partners.set(partners)
    return actie


@transaction.atomic
def actie_update(*, actie: Actie, data: dict, partners: Iterable[Organisatie] = ()) -> Actie:
    """Change an action's description, planning, status, trekker and partners."""
    for field in ACTIE_FIELDS:
        if field in data:
            setattr(actie, field, data[field])
    _trekker_name_rule(actie)
    _save(actie)
    actie.partners.set(partners)
    return actie


def _trekker_name_rule(actie: Actie) -> None:
    # A linked organisation is the trekker; a name typed next to it would only contradict it.
    if actie.trekker_id:
        actie.trekker_name = ""


@transaction.atomic
def acties_link_trekkers() -> int:
    """Link actions whose trekker is known only by name to the organisation of that name,
    once it exists in the portal. Returns how many actions were linked."""
    linked = 0
    pending = Actie.objects.filter(trekker__isnull=True).exclude(trekker_name="")
    names = {actie.trekker_name.casefold() for actie in pending}
    if not names:
        return 0
    query = Q()
    for name in names:
        query |= Q(name__iexact=name)
    organisaties = {o.name.casefold(): o for o in Organisatie.objects.filter(query)}
    for actie in pending:
        organisatie = organisaties.get(actie.trekker_name.casefold())
        if organisatie is not None:
            actie.trekker = organisatie
            actie.trekker_name = ""
            actie.save(update_fields=["trekker", "trekker_name", "updated_at"])
            linked += 1
    return linked


@transaction.atomic
def voortgang_add(*, actie: Actie, day: date, text: str, author) -> Voortgang:
    """Add a dated progress update to an action's log."""
    return _save(Voortgang(actie=actie, date=day, text=text.strip(), author=author))


@transaction.atomic
def telling_create(*, actie: Actie, data: dict) -> Telling:
    """A new reach target of an action."""
    return _save(Telling(actie=actie, **data))


@transaction.atomic
def telling_update(*, telling: Telling, data: dict) -> Telling:
    for field, value in data.items():
        setattr(telling, field, value)
    return _save(telling)


@transaction.atomic
def verhaal_create(*, data: dict, author) -> Verhaal:
    """Record a story; it shows on public pages only when consent is given."""
    return _save(Verhaal(author=author, **data))


@transaction.atomic
def verhaal_update(*, verhaal: Verhaal, data: dict) -> Verhaal:
    for field, value in data.items():
        setattr(verhaal, field, value)
    return _save(verhaal)


@transaction.atomic
def verhaal_delete(*, verhaal: Verhaal) -> None:
    verhaal.delete()


@transaction.atomic
def pagina_update(
    *, slug: str, title: str, body: str, author, title_en: str = "", body_en: str = ""
) -> Pagina:
    """Change a public page's text and keep the new text as a version (who, when, what).

    The English title and text are optional: English pages show the Dutch ones without them.
    """
    pagina = Pagina.objects.select_for_update().filter(slug=slug).first()
    if pagina is None:
        default_title, default_body = DEFAULTS[PaginaSlug(slug)]
        pagina = Pagina(slug=slug, title=default_title, body=default_body)
    pagina.title = title.strip()
    pagina.body = body.strip()
    pagina.title_en = title_en.strip()
    pagina.body_en = body_en.strip()
    pagina.updated_by = author
    _save(pagina)
    _save(
        PaginaVersie(
            pagina=pagina,
            title=pagina.title,
            body=pagina.body,
            title_en=pagina.title_en,
            body_en=pagina.body_en,
            author=author,
        )
    )
    return pagina


@transaction.atomic
def agenda_item_create(*, data: dict) -> AgendaItem:
    return _save(AgendaItem(**data))


@transaction.atomic
def agenda_item_update(*, item: AgendaItem, data: dict) -> AgendaItem:
    for field, value in data.items():
        setattr(item, field, value)
    return _save(item)


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem) -> None:
    item.delete()
