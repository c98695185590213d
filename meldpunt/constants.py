"""Choices of the meldpunt. Codes are stored; labels are what people read."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Unambiguous when read aloud or typed over the phone: no 0/O, 1/I/L.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_PREFIX = "HV"
# 31**8 ≈ 8.5e11 references: guessing one is hopeless, and the number says nothing about how
# many meldingen there are.
REFERENCE_LENGTH = 8

TEXT_MAX_LENGTH = 2000
# First contact within this many working days (urgent: the same day), unless settings say else.
# A new melding about the same address or person within this many days is linked to the open one.
LINK_WINDOW_DAYS = 30


class Status(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw")
    OPGEPAKT = "opgepakt", _("Opgepakt")
    CONTACT_GELEGD = "contact-gelegd", _("Contact gelegd")
    NIET_BEREIKT = "niet-bereikt", _("Niet bereikt")
    DOORVERWEZEN = "doorverwezen", _("Doorverwezen")
    AFGESLOTEN = "afgesloten", _("Afgesloten")
    GEANNULEERD = "geannuleerd", _("Geannuleerd")


# Meldingen in these states are finished: nothing links to them, no deadline runs.
CLOSED_STATUSES = (Status.AFGESLOTEN, Status.GEANNULEERD)


class Uitkomst(models.TextChoices):
    NAAR_AANBOD = "naar-aanbod", _("Naar aanbod verwezen")
    EIGEN_NETWERK = "eigen-netwerk", _("Eigen netwerk versterkt")
    HULP_NIET_GEWENST = "hulp-niet-gewenst", _("Hulp niet gewenst")
    AL_IN_ZORG = "al-in-zorg", _("Al in zorg")
    NIET_BEREIKT = "niet-bereikt", _("Niet bereikt")
    ONTERECHT = "onterecht", _("Onterecht")


class AnnuleerReden(models.TextChoices):
    """Why a melding lapses (GEANNULEERD); the label opens the reason in the history."""

    DUBBEL = "dubbel", _("Dubbele melding")
    MISBRUIK = "misbruik", _("Misbruik of nepmelding")


class ContactKanaal(models.TextChoices):
    TELEFOON = "telefoon", _("Telefoon")
    EMAIL = "email", _("E-mail")
    HUISBEZOEK = "huisbezoek", _("Huisbezoek")
    BRIEF = "brief", _("Brief of kaartje")


class VerwijzingSoort(models.TextChoices):
    AANBOD = "aanbod", _("Activiteit op de sociale kaart")
    ORGANISATIE = "organisatie", _("Organisatie")
    HUISARTS = "huisarts", _("Huisarts / Welzijn op Recept")


class Bron(models.TextChoices):
    WEB = "web", _("Website")
    TELEFOON = "telefoon", _("Telefoon")
    BALIE = "balie", _("Balie")


class Over(models.TextChoices):
    ZELF = "zelf", _("Over mijzelf")
    ANDER = "ander", _("Over iemand anders")


class JaNee(models.TextChoices):
    JA = "ja", _("Ja")
    NEE = "nee", _("Nee")


class Bekend(models.TextChoices):
    """Does the person concerned know about the melding?"""

    JA = "ja", _("Ja")
    NEE = "nee", _("Nee")
    WEET_NIET = "weet-niet", _("Weet ik niet")


class MelderRol(models.TextChoices):
    BEWONER = "bewoner", _("Bewoner of buur")
    FAMILIE = "familie", _("Familie of vriend")
    PROFESSIONAL = "professional", _("Professional in zorg of welzijn")
    VERWIJZER = "verwijzer", _("Huisarts of praktijkondersteuner")
    ONDERNEMER = "ondernemer", _("Ondernemer of vrijwilliger")
    ANDERS = "anders", _("Iets anders")
    # Set by the service for a melding about oneself; never offered as a choice.
    ZELF = "zelf", _("De persoon zelf")


class Signaal(models.TextChoices):
    WEINIG_CONTACT = "weinig-contact", _("Weinig contact met anderen")
    TREKT_ZICH_TERUG = "trekt-zich-terug", _("Minder naar buiten, zich terugtrekken")
    VERLIES = "verlies", _("Kort geleden iemand verloren (overlijden, scheiding)")
    VERHUIZING = "verhuizing", _("Kort geleden verhuisd")
    GEZONDHEID = "gezondheid", _("Problemen met de gezondheid")
    SOMBER = "somber", _("Somber of verdrietig")
    MANTELZORG = "mantelzorg", _("Zorgt veel voor een ander (mantelzorg)")
    GELDZORGEN = "geldzorgen", _("Geldzorgen")
    ZELFZORG = "zelfzorg", _("Zorgt minder goed voor zichzelf of het huis")
    ANDERS = "anders", _("Iets anders")


class WijkBron(models.TextChoices):
    """How the wijk of a melding was found (or why it was not)."""

    ADRES = "adres", _("Gevonden met postcode en huisnummer")
    GEKOZEN = "gekozen", _("Gekozen door de melder")
    ONBEKEND = "onbekend", _("Melder weet het niet")
    NIET_GEVONDEN = "niet-gevonden", _("Adres niet gevonden")
    BUITEN_HILVERSUM = "buiten-hilversum", _("Adres buiten Hilversum")


class UitberichtSoort(models.TextChoices):
    ONTVANGST = "ontvangst", _("Ontvangstbevestiging aan de melder")
    TEAM_NIEUW = "team-nieuw", _("Nieuwe melding voor het buurtteam")
    COORDINATOR_NIEUW = "coordinator-nieuw", _("Nieuwe melding voor de coördinator")
    HERINNERING = "herinnering", _("Herinnering: eerste contact te laat")
    ESCALATIE = "escalatie", _("Eerste contact te laat: naar de coördinator")
    MELDER_OPGEPAKT = "melder-opgepakt", _("Aan de melder: melding opgepakt")
    MELDER_AFGESLOTEN = "melder-afgesloten", _("Aan de melder: melding afgesloten")


class ToegangSoort(models.TextChoices):
    DETAIL = "detail", _("Melding met persoonsgegevens bekeken")
    EXPORT = "export", _("Persoonsgegevens geëxporteerd")
