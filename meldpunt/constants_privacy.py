"""Choices of the requests of data subjects (AVG-verzoeken). Codes are stored; labels are read."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# More hits than this is no longer one person: the coördinator is asked to search more precisely.
MAX_HITS = 100
# What the coördinator types to confirm an erasure (compared case-insensitively).
CONFIRM_WORD = "WISSEN"


class ZoekSoort(models.TextChoices):
    """Which kinds of identifiers a search used (the values themselves are never stored)."""

    NAAM = "naam", _("Naam")
    EMAIL = "email", _("E-mailadres")
    TELEFOON = "telefoon", _("Telefoonnummer")
    ADRES = "adres", _("Adres")


class VerzoekActieSoort(models.TextChoices):
    INZAGE = "inzage", _("Gegevens bekeken")
    EXPORT = "export", _("Gegevens gedownload")
    WISSEN = "wissen", _("Gegevens gewist")


class ExportFormaat(models.TextChoices):
    TEKST = "txt", _("Leesbare tekst (.txt)")
    JSON = "json", _("JSON, voor een computer (.json)")


class Vindplaats(models.TextChoices):
    """Where in a melding a search found something: a field, or a kind of row."""

    MELDER_NAAM = "melder.naam", _("Melder: naam")
    MELDER_EMAIL = "melder.email", _("Melder: e-mailadres")
    MELDER_TELEFOON = "melder.telefoon", _("Melder: telefoonnummer")
    BETROKKENE_NAAM = "betrokkene.naam", _("Over wie: naam")
    BETROKKENE_ADRES = "betrokkene.adres", _("Over wie: adres")
    BETROKKENE_EMAIL = "betrokkene.email", _("Over wie: e-mailadres")
    BETROKKENE_TELEFOON = "betrokkene.telefoon", _("Over wie: telefoonnummer")
    TOELICHTING = "toelichting", _("Toelichting bij de melding")
    NOTITIE = "notitie", _("Notities")
    CONTACTPOGING = "contactpoging", _("Contactpogingen")
    VERWIJZING = "verwijzing", _("Verwijzingen")
    GESCHIEDENIS = "geschiedenis", _("Redenen in de geschiedenis")
    EMAIL = "uitbericht", _("E-mails van het meldpunt")


# Hits in these places make the person the reporter, or the person concerned, of the melding.
AS_MELDER = frozenset({Vindplaats.MELDER_NAAM, Vindplaats.MELDER_EMAIL, Vindplaats.MELDER_TELEFOON})
AS_BETROKKENE = frozenset(
    {
        Vindplaats.BETROKKENE_NAAM,
        Vindplaats.BETROKKENE_ADRES,
        Vindplaats.BETROKKENE_EMAIL,
        Vindplaats.BETROKKENE_TELEFOON,
    }
)
# Places that are rows of which a melding can have many: a hit records which rows.
ROW_PLACES = frozenset(
    {
        Vindplaats.NOTITIE,
        Vindplaats.CONTACTPOGING,
        Vindplaats.VERWIJZING,
        Vindplaats.GESCHIEDENIS,
        Vindplaats.EMAIL,
    }
)


class Rol(models.TextChoices):
    """The searched person's part in a melding, as the hits show it."""

    MELDER = "melder", _("Melder")
    BETROKKENE = "betrokkene", _("Persoon over wie de melding gaat")
    GENOEMD = "genoemd", _("Genoemd in een tekst")
