"""The log of requests of data subjects (AVG-verzoeken): searches, and what was done with them.

Nothing here holds the data searched for. A search keeps which kinds of identifiers were used
(name, e-mail, phone, address), which meldingen it found and in which fields; the terms
themselves are not stored, not even as a hash (see meldpunt/privacy.py for why).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants_privacy import VerzoekActieSoort, Vindplaats, ZoekSoort
from .models import Melding


class Verzoek(models.Model):
    """One search for a person by the coördinator, with the meldingen it found."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gezocht door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("gezocht op"), default=timezone.now, db_index=True)
    searched_on = models.JSONField(_("gezocht op soort gegeven"), default=list)
    truncated = models.BooleanField(_("meer treffers dan getoond"), default=False)
    meldingen = models.ManyToManyField(
        Melding, verbose_name=_("gevonden meldingen"), through="VerzoekTreffer", related_name="+"
    )

    class Meta:
        verbose_name = _("AVG-verzoek")
        verbose_name_plural = _("AVG-verzoeken")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return str(_("Verzoek %(pk)s") % {"pk": self.pk})

    def searched_on_labels(self) -> list[str]:
        return [str(ZoekSoort(code).label) for code in self.searched_on if code in ZoekSoort]


class VerzoekTreffer(models.Model):
    """A melding a search found, and where in it (field codes, never the values)."""

    verzoek = models.ForeignKey(
        Verzoek, verbose_name=_("verzoek"), on_delete=models.CASCADE, related_name="treffers"
    )
    melding = models.ForeignKey(
        Melding, verbose_name=_("melding"), on_delete=models.CASCADE, related_name="+"
    )
    vindplaatsen = models.JSONField(_("gevonden in"), default=list)
    # {"notitie": [ids], …}: which notes, attempts, referrals, history steps and e-mails hit.
    rijen = models.JSONField(_("gevonden in de rijen"), default=dict)

    class Meta:
        verbose_name = _("treffer")
        verbose_name_plural = _("treffers")
        constraints = [
            models.UniqueConstraint(
                fields=["verzoek", "melding"], name="meldpunt_verzoektreffer_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.verzoek} – {self.melding}"

    def rows_of(self, code: str) -> frozenset[int]:
        return frozenset(self.rijen.get(code, ()))

    def vindplaats_labels(self) -> list[str]:
        return [str(Vindplaats(code).label) for code in self.vindplaatsen if code in Vindplaats]


class VerzoekActie(models.Model):
    """What the coördinator did with a request's meldingen: looked, downloaded or erased."""

    verzoek = models.ForeignKey(
        Verzoek, verbose_name=_("verzoek"), on_delete=models.CASCADE, related_name="acties"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("op"), default=timezone.now, db_index=True)
    kind = models.CharField(_("wat"), max_length=10, choices=VerzoekActieSoort.choices)
    formaat = models.CharField(_("bestandsvorm"), max_length=10, blank=True)
    meldingen = models.ManyToManyField(Melding, verbose_name=_("meldingen"), related_name="+")

    class Meta:
        verbose_name = _("actie op een AVG-verzoek")
        verbose_name_plural = _("acties op AVG-verzoeken")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.verzoek}: {self.get_kind_display()} ({self.at:%Y-%m-%d %H:%M})"
