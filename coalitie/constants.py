"""Choices of the coalition (pillar SAMENWERKEN), in the words of the Uitvoeringsagenda."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    """The three rings of the local coalition (chapter 5, pillar 5)."""

    KARTREKKER = "kartrekker", _("Kartrekker")
    KERNGROEP = "kerngroep", _("Kerngroep")
    SCHILPARTNER = "schilpartner", _("Schilpartner")


# Plural headings of the public page, in the order of the rings.
ROL_KOPPEN = {
    Rol.KARTREKKER: _("Kartrekker"),
    Rol.KERNGROEP: _("Kerngroep"),
    Rol.SCHILPARTNER: _("Schilpartners"),
}


class Sector(models.TextChoices):
    """Where an organisation comes from; the list of schilpartners in the programme, plus a few."""

    ZORG_WELZIJN = "zorg-welzijn", _("Zorg en welzijn")
    GEMEENTE = "gemeente", _("Gemeente en overheid")
    ONDERWIJS = "onderwijs", _("Onderwijs")
    SPORT = "sport", _("Sport")
    CULTUUR = "cultuur", _("Cultuur")
    GELOOF = "geloof", _("Geloofsgemeenschap")
    WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")
    ONDERNEMER = "ondernemer", _("Ondernemer")
    SUPERMARKT = "supermarkt", _("Supermarkt")
    HORECA = "horeca", _("Horeca")
    POST = "post", _("Postbedrijf")
    VRIJWILLIGERS = "vrijwilligers", _("Vrijwilligersorganisatie")
    ZELFORGANISATIE = "zelforganisatie", _("Zelforganisatie (ouderen, migranten)")
    BEWONERS = "bewoners", _("Bewonersinitiatief of buurtnetwerk")
    FONDS = "fonds", _("Fonds of club")
    MOBILITEIT = "mobiliteit", _("Mobiliteit")
    MEDIA = "media", _("Media")
    OVERIG = "overig", _("Anders")


class BijeenkomstSoort(models.TextChoices):
    COALITIE = "coalitie", _("Bijeenkomst van de coalitie")
    KENNISSESSIE = "kennissessie", _("Kennissessie of symposium (Week tegen Eenzaamheid)")
    NETWERKDINER = "netwerkdiner", _("Netwerkdiner")
    ANDERS = "anders", _("Andere bijeenkomst")


class Doelgroep(models.TextChoices):
    """Who a training in signalling and discussing loneliness is for (pillar 2)."""

    PROFESSIONALS = "professionals", _("Professionals")
    VRIJWILLIGERS = "vrijwilligers", _("Vrijwilligers")
    VERWIJZERS = "verwijzers", _("Verwijzers")
    ONDERNEMERS = "ondernemers", _("Ondernemers")


# The coalition meets at least twice a year (pillar 5).
MIN_BIJEENKOMSTEN_PER_JAAR = 2
