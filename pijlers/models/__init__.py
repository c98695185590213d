"""Models of the pijlers app, in two modules: the programme and the published content."""

from .inhoud import AgendaItem, AgendaItemQuerySet, Pagina, PaginaVersie
from .programma import (
    Actie,
    ActieQuerySet,
    Pijler,
    Subdoel,
    Telling,
    Verhaal,
    VerhaalQuerySet,
    Voortgang,
    quarter_validator,
    shown_status,
)

__all__ = [
    "Actie",
    "ActieQuerySet",
    "AgendaItem",
    "AgendaItemQuerySet",
    "Pagina",
    "PaginaVersie",
    "Pijler",
    "Subdoel",
    "Telling",
    "Verhaal",
    "VerhaalQuerySet",
    "Voortgang",
    "quarter_validator",
    "shown_status",
]
