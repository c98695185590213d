from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijken.models import Wijk

from .validators import validate_kvk_number, validate_phone_number


class Organisatie(models.Model):
    """An organisation that takes part in the programme or offers activities."""

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("beschrijving"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(
        _("telefoonnummer"), max_length=30, blank=True, validators=[validate_phone_number]
    )
    kvk_number = models.CharField(
        _("KvK-nummer"),
        max_length=8,
        blank=True,
        validators=[validate_kvk_number],
        help_text=_("8 cijfers. Niet verplicht."),
    )
    wijken = models.ManyToManyField(
        Wijk,
        verbose_name=_("actief in wijken"),
        blank=True,
        related_name="organisaties",
        help_text=_("Leeg laten als de organisatie in heel Hilversum actief is."),
    )

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Medewerker(models.Model):
    """Links a staff account to the organisation it works for (aanbieder, kerngroep)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="medewerker",
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="medewerkers",
    )

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")

    def __str__(self) -> str:
        return f"{self.user} ({self.organisatie})"
