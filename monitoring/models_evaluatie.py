"""The half-yearly evaluation: texts per criterion, kerngroep scores, budget, spending, PDFs."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import (
    SCORE_MAX,
    SCORE_MIN,
    Begrotingspost,
    EvaluatieStatus,
    RapportStatus,
)
from .periods import PERIOD_PATTERN, HalfYear

period_validator = RegexValidator(
    PERIOD_PATTERN, _("Schrijf een half jaar zoals 2025-H1: het jaar, een streepje, H1 of H2.")
)
TEXT_MAX_LENGTH = 5000


def _criterion_field(name):
    return models.TextField(name, blank=True, max_length=TEXT_MAX_LENGTH)


class Evaluatie(models.Model):
    """One half-yearly evaluation with the kerngroep, e.g. 2025-H1.

    While it is not vastgesteld, its figures are computed when someone looks. In the transaction
    that makes it vastgesteld they are frozen into `snapshot`, so later imports, spending or
    progress don't change a decided report.
    """

    period = models.CharField(
        _("half jaar"), max_length=7, unique=True, validators=[period_validator]
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=EvaluatieStatus.choices,
        default=EvaluatieStatus.CONCEPT,
    )
    samenvatting = _criterion_field(_("samenvatting"))
    relevantie = _criterion_field(_("relevantie"))
    uitvoering = _criterion_field(_("uitvoering"))
    effectiviteit = _criterion_field(_("effectiviteit"))
    efficientie = _criterion_field(_("efficiëntie"))
    tevredenheid = _criterion_field(_("tevredenheid/draagvlak"))
    lessen = _criterion_field(_("lessen voor de toekomst"))
    snapshot = models.JSONField(_("vastgelegde cijfers"), null=True, blank=True, editable=False)
    vastgesteld_at = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)
    vastgesteld_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgesteld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), default=timezone.now)

    class Meta:
        verbose_name = _("halfjaarlijkse evaluatie")
        verbose_name_plural = _("halfjaarlijkse evaluaties")
        ordering = ["-period"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=EvaluatieStatus.VASTGESTELD, snapshot__isnull=False)
                | ~Q(status=EvaluatieStatus.VASTGESTELD),
                name="monitoring_evaluatie_vastgesteld_has_snapshot",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Evaluatie %(period)s") % {"period": self.period})

    @property
    def half_year(self) -> HalfYear:
        return HalfYear.parse(self.period)

    @property
    def is_vastgesteld(self) -> bool:
        return self.status == EvaluatieStatus.VASTGESTELD


class Beoordeling(models.Model):
    """One kerngroep member's scores of an evaluation: results, process and cooperation."""

    evaluatie = models.ForeignKey(
        Evaluatie,
        verbose_name=_("evaluatie"),
        on_delete=models.CASCADE,
        related_name="beoordelingen",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lid van de kerngroep"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # Kept as it was when scored: people change organisation, a decided report does not.
    organisatie_name = models.CharField(_("organisatie"), max_length=200, blank=True)
    resultaten = models.PositiveSmallIntegerField(
        _("resultaten"), validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]
    )
    proces = models.PositiveSmallIntegerField(
        _("proces"), validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]
    )
    samenwerking = models.PositiveSmallIntegerField(
        _("samenwerking"), validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]
    )
    comment = models.TextField(_("toelichting"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("gegeven op"), default=timezone.now)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), default=timezone.now)

    class Meta:
        verbose_name = _("beoordeling door de kerngroep")
        verbose_name_plural = _("beoordelingen door de kerngroep")
        ordering = ["organisatie_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluatie", "user"], name="monitoring_beoordeling_one_per_member"
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{name}__gte": SCORE_MIN, f"{name}__lte": SCORE_MAX}),
                    name=f"monitoring_beoordeling_{name}_1_10",
                )
                for name in ("resultaten", "proces", "samenwerking")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.evaluatie} – {self.organisatie_name or self.user}"


class Begroting(models.Model):
    """The budget of one line of chapter 9 in one year."""

    post = models.CharField(_("begrotingspost"), max_length=30, choices=Begrotingspost.choices)
    year = models.PositiveSmallIntegerField(_("jaar"))
    amount = models.DecimalField(_("bedrag in euro"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("begroting")
        verbose_name_plural = _("begroting")
        ordering = ["year", "post"]
        constraints = [
            models.UniqueConstraint(fields=["post", "year"], name="monitoring_begroting_unique"),
            models.CheckConstraint(
                condition=Q(amount__gte=0), name="monitoring_begroting_amount_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_post_display()} {self.year}"


class Uitgave(models.Model):
    """Money spent on an action of the programme, from one budget line."""

    actie = models.ForeignKey(
        "pijlers.Actie",
        verbose_name=_("actie"),
        on_delete=models.PROTECT,
        related_name="monitoring_uitgaven",
    )
    post = models.CharField(_("begrotingspost"), max_length=30, choices=Begrotingspost.choices)
    date = models.DateField(_("datum"))
    amount = models.DecimalField(_("bedrag in euro"), max_digits=10, decimal_places=2)
    description = models.CharField(_("omschrijving"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("ingevoerd op"), default=timezone.now)

    class Meta:
        verbose_name = _("uitgave")
        verbose_name_plural = _("uitgaven")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["date"], name="monitoring_uitgave_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0), name="monitoring_uitgave_amount_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.description} ({self.date:%d-%m-%Y})"


class EvaluatieRapport(models.Model):
    """One rendered PDF of an evaluation. Every request makes a new version, except for a
    vastgesteld evaluation: that one has a single final version that never changes."""

    evaluatie = models.ForeignKey(
        Evaluatie, verbose_name=_("evaluatie"), on_delete=models.CASCADE, related_name="rapporten"
    )
    version = models.PositiveIntegerField(_("versie"))
    final = models.BooleanField(_("vastgestelde versie"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=RapportStatus.choices, default=RapportStatus.WACHTEND
    )
    file = models.FileField(_("bestand"), upload_to="monitoring/evaluaties/%Y/", blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    size = models.PositiveIntegerField(_("grootte in bytes"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangevraagd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangevraagd op"), default=timezone.now)
    started_at = models.DateTimeField(_("gestart"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar"), null=True, blank=True)
    message = models.TextField(_("melding"), blank=True)

    class Meta:
        verbose_name = _("evaluatierapport (pdf)")
        verbose_name_plural = _("evaluatierapporten (pdf)")
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluatie", "version"], name="monitoring_rapport_version_unique"
            ),
            # A decided evaluation has one report: a second final one is refused by the database.
            models.UniqueConstraint(
                fields=["evaluatie"],
                condition=Q(final=True),
                name="monitoring_rapport_one_final",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="monitoring_rapport_status")]

    def __str__(self) -> str:
        return str(
            _("%(evaluatie)s – versie %(version)s")
            % {"evaluatie": self.evaluatie, "version": self.version}
        )

    @property
    def is_active(self) -> bool:
        return self.status in (RapportStatus.WACHTEND, RapportStatus.BEZIG)

    @property
    def file_name(self) -> str:
        suffix = "" if self.final else f"-versie-{self.version}"
        return f"evaluatie-eenzaamheid-{self.evaluatie.period}{suffix}.pdf"
