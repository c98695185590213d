"""Choices of the pijlers app. Codes are stored; labels are what people read."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The planning of the programme runs in quarters; chapter 7 looks no further than 2026, after
# which the agenda is updated for 2027 and later (Q4 2026). The timeline shows this window.
TIMELINE_FIRST = "2024-Q1"
TIMELINE_LAST = "2026-Q4"
# The quarters the action form offers: the programme's period, 2024 to 2030.
PLANNING_FIRST_YEAR = 2024
PLANNING_LAST_YEAR = 2030
QUARTER_PATTERN = r"^\d{4}-Q[1-4]$"

TEXT_MAX_LENGTH = 5000
PAGE_MAX_LENGTH = 20000


class Status(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    LOPEND = "lopend", _("Lopend")
    VERTRAAGD = "vertraagd", _("Vertraagd")
    GEREED = "gereed", _("Gereed")
    GESTOPT = "gestopt", _("Gestopt")


# Finished actions are never "late", whatever their planning says.
FINISHED_STATUSES = (Status.GEREED, Status.GESTOPT)


class AgendaSoort(models.TextChoices):
    CAMPAGNE = "campagne", _("Campagne")
    SYMPOSIUM = "symposium", _("Symposium of kennissessie")
    BIJEENKOMST = "bijeenkomst", _("Openbare bijeenkomst")
    ACTIVITEIT = "activiteit", _("Activiteit")


class PaginaSlug(models.TextChoices):
    """The public texts the kartrekker can change; each is one page of the portal."""

    EENZAAMHEID = "eenzaamheid", _("Over eenzaamheid (/eenzaamheid/)")
