"""GGD figures: indicators, the areas they are measured in, observations and import runs."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijken.models import Wijk

from . import shown_names
from .constants import (
    ACTIVE_STATUSES,
    Bestandsformaat,
    ImportStatus,
    Leeftijdsgroep,
    RegioNiveau,
)


class Indicator(models.Model):
    """Something the GGD measures, such as the share of residents who feel lonely."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("naam"), max_length=150)
    unit = models.CharField(_("eenheid"), max_length=20, default="%")
    definition = models.TextField(_("definitie"), blank=True)
    source = models.CharField(_("bron"), max_length=255, blank=True)
    lower_is_better = models.BooleanField(_("lager is beter"), default=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def shown_name(self) -> str:
        """The name in the page's language (the stored Dutch one on a Dutch page)."""
        return shown_names.indicator_name(self.code, self.name)

    @property
    def shown_definition(self) -> str:
        return shown_names.indicator_definition(self.code, self.definition)


class Regio(models.Model):
    """An area with a CBS code: the country, the GGD region, Hilversum, a wijk or a buurt."""

    code = models.CharField(_("CBS-code"), max_length=10, unique=True)
    name = models.CharField(_("naam"), max_length=150)
    niveau = models.CharField(_("niveau"), max_length=12, choices=RegioNiveau.choices)
    # Sorts the wider areas first; follows from niveau (constants.NIVEAU_RANK).
    rank = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    wijk = models.OneToOneField(
        Wijk,
        verbose_name=_("wijk"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="monitoring_regio",
        help_text=_("Alleen bij wijken: de wijk van het portaal met dezelfde CBS-code."),
    )

    class Meta:
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")
        ordering = ["rank", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def shown_name(self) -> str:
        """The name in the page's language (the stored Dutch one on a Dutch page)."""
        return shown_names.regio_name(self.code, self.name)


class ImportBatch(models.Model):
    """One run of the GGD import: which file, how far it got, and what it found."""

    file = models.FileField(_("bestand"), upload_to="monitoring/imports/%Y/%m/", blank=True)
    file_name = models.CharField(_("bestandsnaam"), max_length=255)
    source = models.CharField(_("bron"), max_length=255)
    file_format = models.CharField(
        _("formaat"), max_length=10, choices=Bestandsformaat.choices, blank=True
    )
    encoding = models.CharField(_("tekenset"), max_length=20, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.WACHTEND
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingelezen door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    started_at = models.DateTimeField(_("gestart"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar"), null=True, blank=True)
    rows_read = models.PositiveIntegerField(_("regels gelezen"), default=0)
    rows_imported = models.PositiveIntegerField(_("regels ingelezen"), default=0)
    rows_skipped = models.PositiveIntegerField(_("regels overgeslagen"), default=0)
    rows_failed = models.PositiveIntegerField(_("foute regels"), default=0)
    observations_created = models.PositiveIntegerField(_("cijfers toegevoegd"), default=0)
    observations_updated = models.PositiveIntegerField(_("cijfers bijgewerkt"), default=0)
    # The first bad rows as [{"line": 12, "message": "..."}]; the count is in rows_failed.
    errors = models.JSONField(_("eerste fouten"), default=list, blank=True)
    message = models.TextField(_("melding"), blank=True)

    class Meta:
        verbose_name = _("inleesopdracht")
        verbose_name_plural = _("inleesopdrachten")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="monitoring_batch_status")]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


class Observatie(models.Model):
    """One figure: an indicator in an area, year and age group, with its 95% interval."""

    regio = models.ForeignKey(
        Regio, verbose_name=_("gebied"), on_delete=models.PROTECT, related_name="observaties"
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.PROTECT,
        related_name="observaties",
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    age_group = models.CharField(_("leeftijdsgroep"), max_length=10, choices=Leeftijdsgroep.choices)
    value = models.DecimalField(_("waarde"), max_digits=7, decimal_places=2, null=True, blank=True)
    lower = models.DecimalField(
        _("ondergrens 95%-interval"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    upper = models.DecimalField(
        _("bovengrens 95%-interval"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    source = models.CharField(_("bron"), max_length=255)
    batch = models.ForeignKey(
        ImportBatch,
        verbose_name=_("inleesopdracht"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="observaties",
        help_text=_("De inleesopdracht die dit cijfer het laatst veranderde; leeg bij demodata."),
    )

    class Meta:
        verbose_name = _("cijfer")
        verbose_name_plural = _("cijfers")
        ordering = ["indicator__order", "year", "age_group", "regio__rank", "regio__code"]
        constraints = [
            # One figure per area, indicator, year and age group: importing a file twice
            # updates these rows instead of adding new ones.
            models.UniqueConstraint(
                fields=["regio", "indicator", "year", "age_group"],
                name="monitoring_observatie_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=1990, year__lte=2100),
                name="monitoring_observatie_year_range",
            ),
        ]
        indexes = [models.Index(fields=["indicator", "year"], name="monitoring_obs_ind_year")]

    def __str__(self) -> str:
        return f"{self.indicator} – {self.regio} – {self.year} – {self.get_age_group_display()}"


# The evaluation models live in their own module; Django finds models through this one.
from .models_evaluatie import (  # noqa: E402
    Begroting,
    Beoordeling,
    Evaluatie,
    EvaluatieRapport,
    Uitgave,
)

__all__ = [
    "Begroting",
    "Beoordeling",
    "Evaluatie",
    "EvaluatieRapport",
    "ImportBatch",
    "Indicator",
    "Observatie",
    "Regio",
    "Uitgave",
]
