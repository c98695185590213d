from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    ACTIEF = "actief", _("Actief")
    GEPAUZEERD = "gepauzeerd", _("Gepauzeerd")
    BEEINDIGD = "beeindigd", _("Beëindigd")


class Moderatie(models.TextChoices):
    """Whether the kartrekker has let an activity onto the public sociale kaart."""

    WACHT = "wacht", _("Wacht op goedkeuring")
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
    AFGEWEZEN = "afgewezen", _("Afgewezen")


class Vocabulaire(models.TextChoices):
    """The taxonomies an activity is tagged with (HSDS taxonomy terms)."""

    DOELGROEP = "doelgroep", _("Doelgroep")
    SOORT = "soort", _("Soort eenzaamheid")
    TYPE = "type", _("Soort activiteit")
    TAAL = "taal", _("Taal")
    VORM = "vorm", _("Vorm")


# (vocabulary, code, label) of every term; a data migration loads them, seed data refers to codes.
TERMEN = [
    (Vocabulaire.DOELGROEP, "iedereen", _("Iedereen")),
    (Vocabulaire.DOELGROEP, "jongeren", _("Jongeren (12–25 jaar)")),
    (Vocabulaire.DOELGROEP, "volwassenen", _("Volwassenen")),
    (Vocabulaire.DOELGROEP, "senioren", _("Senioren (65+)")),
    (Vocabulaire.DOELGROEP, "senioren-75", _("Ouderen (75+)")),
    (Vocabulaire.DOELGROEP, "nieuwkomers", _("Nieuwkomers")),
    (Vocabulaire.DOELGROEP, "mantelzorgers", _("Mantelzorgers")),
    (Vocabulaire.DOELGROEP, "lhbtqi", _("LHBTQI+")),
    (Vocabulaire.DOELGROEP, "beperking", _("Mensen met een beperking")),
    (Vocabulaire.DOELGROEP, "rouwenden", _("Mensen die rouwen")),
    (Vocabulaire.DOELGROEP, "gezinnen", _("Ouders en kinderen")),
    (Vocabulaire.SOORT, "sociaal", _("Sociale eenzaamheid")),
    (Vocabulaire.SOORT, "emotioneel", _("Emotionele eenzaamheid")),
    (Vocabulaire.SOORT, "existentieel", _("Existentiële eenzaamheid")),
    (Vocabulaire.TYPE, "ontmoeting", _("Ontmoeting")),
    (Vocabulaire.TYPE, "samen-eten", _("Samen eten")),
    (Vocabulaire.TYPE, "bewegen", _("Bewegen en wandelen")),
    (Vocabulaire.TYPE, "creatief", _("Creatief")),
    (Vocabulaire.TYPE, "cursus", _("Cursus")),
    (Vocabulaire.TYPE, "digitaal", _("Digitale vaardigheden")),
    (Vocabulaire.TYPE, "maatje", _("Maatje")),
    (Vocabulaire.TYPE, "huisbezoek", _("Huisbezoek")),
    (Vocabulaire.TYPE, "luisterend-oor", _("Luisterend oor / telefoon")),
    (Vocabulaire.TYPE, "vervoer", _("Vervoer")),
    (Vocabulaire.TYPE, "lotgenoten", _("Lotgenotencontact")),
    (Vocabulaire.TYPE, "informatie", _("Informatie en advies")),
    (Vocabulaire.TYPE, "cultuur", _("Cultuur en uitjes")),
    (Vocabulaire.TYPE, "spel", _("Spel")),
    (Vocabulaire.TAAL, "nl", _("Nederlands")),
    (Vocabulaire.TAAL, "en", _("Engels")),
    (Vocabulaire.TAAL, "ar", _("Arabisch")),
    (Vocabulaire.TAAL, "tr", _("Turks")),
    (Vocabulaire.TAAL, "pl", _("Pools")),
    (Vocabulaire.TAAL, "uk", _("Oekraïens")),
    (Vocabulaire.TAAL, "ti", _("Tigrinya")),
    (Vocabulaire.TAAL, "ngt", _("Nederlandse Gebarentaal")),
    (Vocabulaire.VORM, "op-locatie", _("Op locatie")),
    (Vocabulaire.VORM, "online", _("Online")),
    (Vocabulaire.VORM, "telefonisch", _("Telefonisch")),
    (Vocabulaire.VORM, "thuis", _("Bij u thuis")),
]


class Herhaling(models.TextChoices):
    """The schedule presets editors pick from; each becomes an RFC 5545 RRULE."""

    WEKELIJKS = "wekelijks", _("Elke week")
    TWEEWEKELIJKS = "tweewekelijks", _("Om de week")
    MAANDELIJKS = "maandelijks", _("Eén keer per maand (de zoveelste weekdag)")
    EENMALIG = "eenmalig", _("Eén keer (op een datum)")


class WeekVanDeMaand(models.IntegerChoices):
    EERSTE = 1, _("eerste")
    TWEEDE = 2, _("tweede")
    DERDE = 3, _("derde")
    VIERDE = 4, _("vierde")
    LAATSTE = -1, _("laatste")


class Weekdag(models.IntegerChoices):
    """Python's weekday numbers, with the short Dutch names used in URLs (dag=ma)."""

    MAANDAG = 0, _("maandag")
    DINSDAG = 1, _("dinsdag")
    WOENSDAG = 2, _("woensdag")
    DONDERDAG = 3, _("donderdag")
    VRIJDAG = 4, _("vrijdag")
    ZATERDAG = 5, _("zaterdag")
    ZONDAG = 6, _("zondag")


DAG_CODES = ["ma", "di", "wo", "do", "vr", "za", "zo"]  # index = Weekdag value


class Toegankelijkheid(models.TextChoices):
    ROLSTOEL = "rolstoel", _("Rolstoeltoegankelijk")
    INVALIDENTOILET = "invalidentoilet", _("Invalidentoilet")
    RINGLEIDING = "ringleiding", _("Ringleiding")
    PRIKKELARM = "prikkelarm", _("Prikkelarm")


class Aanmelding(models.TextChoices):
    NIET_NODIG = "niet-nodig", _("Aanmelden is niet nodig")
    NODIG = "nodig", _("Aanmelden is nodig")
    GEWENST = "gewenst", _("Aanmelden graag vooraf")
