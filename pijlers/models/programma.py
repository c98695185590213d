"""The programme: six pillars and their actions, reach targets, progress and stories.

Pijler, Actie, Telling ("tellen"), Voortgang and Verhaal ("vertellen") follow chapters 5, 7 and 8
of the Uitvoeringsagenda Eenzaamheid 2024–2030.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils.translation import gettext_lazy as _

from coalitie.models import Organisatie
from wijken.models import Wijk

from .. import kwartalen
from ..constants import (
    FINISHED_STATUSES,
    QUARTER_PATTERN,
    TEXT_MAX_LENGTH,
    Status,
)

quarter_validator = RegexValidator(
    QUARTER_PATTERN, _("Vul een kwartaal in zoals 2025-Q3: het jaar, een streepje, Q en 1 tot 4.")
)


def shown_status(status: str, end_quarter: str, quarter: str) -> str:
    """The status people see: an unfinished action past its end quarter shows as vertraagd."""
    if status in FINISHED_STATUSES or status == Status.VERTRAAGD:
        return status
    if end_quarter and end_quarter < quarter:
        return Status.VERTRAAGD
    return status


class Pijler(models.Model):
    """One of the six pillars for an effective approach (Coalitie Kom Erbij)."""

    number = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    aim = models.TextField(_("doel"))

    class Meta:
        verbose_name = _("pijler")
        verbose_name_plural = _("pijlers")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class Subdoel(models.Model):
    pijler = models.ForeignKey(
        Pijler, verbose_name=_("pijler"), on_delete=models.CASCADE, related_name="subdoelen"
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    text = models.CharField(_("subdoel"), max_length=300)

    class Meta:
        verbose_name = _("subdoel")
        verbose_name_plural = _("subdoelen")
        ordering = ["pijler__number", "position"]

    def __str__(self) -> str:
        return self.text


class ActieQuerySet(models.QuerySet):
    def with_shown_status(self, quarter: str):
        """Annotate shown_status (see shown_status()) and is_overdue (late without anyone
        saying so), computed in the database so boards can count and sort on it."""
        overdue = (
            ~Q(status__in=[*FINISHED_STATUSES, Status.VERTRAAGD])
            & ~Q(end_quarter="")
            & Q(end_quarter__lt=quarter)
        )
        return self.annotate(
            shown_status=Case(
                When(overdue, then=Value(Status.VERTRAAGD.value)),
                default=F("status"),
                output_field=models.CharField(),
            ),
            is_overdue=Case(
                When(overdue, then=Value(True)),
                default=Value(False),
                output_field=models.BooleanField(),
            ),
        )

    def for_lists(self, quarter: str):
        return (
            self.with_shown_status(quarter)
            .select_related("pijler", "trekker", "parent")
            .order_by("pijler__number", "position", "pk")
        )


class Actie(models.Model):
    """An action of chapter 7: what, for whom, when (in quarters), by whom, and how far along."""

    pijler = models.ForeignKey(
        Pijler, verbose_name=_("pijler"), on_delete=models.PROTECT, related_name="acties"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("hoort bij actie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deelacties",
        help_text=_("Alleen voor een onderdeel van een grotere actie, zoals het communicatieplan."),
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("naam van de actie"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True, max_length=TEXT_MAX_LENGTH)
    audience = models.TextField(_("doelgroep"), blank=True, max_length=1000)
    planning_text = models.TextField(
        _("planning in de uitvoeringsagenda"),
        blank=True,
        max_length=1000,
        help_text=_("De planning in woorden, zoals in het plan staat."),
    )
    start_quarter = models.CharField(
        _("startkwartaal"), max_length=7, validators=[quarter_validator]
    )
    end_quarter = models.CharField(
        _("eindkwartaal"),
        max_length=7,
        blank=True,
        validators=[quarter_validator],
        help_text=_("Leeg: de actie loopt door."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.GEPLAND
    )
    trekker = models.ForeignKey(
        Organisatie,
        verbose_name=_("trekker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pijler_acties_als_trekker",
    )
    trekker_name = models.CharField(
        _("naam van de trekker"),
        max_length=200,
        blank=True,
        help_text=_("Als de trekker (nog) niet als organisatie in het portaal staat."),
    )
    partners = models.ManyToManyField(
        Organisatie, verbose_name=_("partners"), blank=True, related_name="pijler_acties"
    )
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    objects = ActieQuerySet.as_manager()

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["pijler__number", "position", "pk"]
        indexes = [models.Index(fields=["pijler", "position"], name="pijlers_actie_pijler_pos")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_quarter="") | Q(end_quarter__gte=F("start_quarter")),
                name="pijlers_actie_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if self.end_quarter and self.start_quarter and self.end_quarter < self.start_quarter:
            raise ValidationError(
                {"end_quarter": _("Het eindkwartaal ligt vóór het startkwartaal.")}
            )
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("Een actie kan geen onderdeel van zichzelf zijn.")})

    @property
    def trekker_label(self) -> str:
        return self.trekker.name if self.trekker_id else self.trekker_name

    @property
    def planning_label(self) -> str:
        return kwartalen.planning_label(self.start_quarter, self.end_quarter)

    def shown_status_at(self, quarter: str) -> str:
        return shown_status(self.status, self.end_quarter, quarter)


class Telling(models.Model):
    """A reach target ("tellen"): what we expect to reach, and what was reached."""

    actie = models.ForeignKey(
        Actie, verbose_name=_("actie"), on_delete=models.CASCADE, related_name="tellingen"
    )
    metric = models.CharField(_("wat tellen we"), max_length=200)
    target = models.PositiveIntegerField(_("doel"))
    achieved = models.PositiveIntegerField(_("bereikt"), default=0)
    unit = models.CharField(_("eenheid"), max_length=50)
    period = models.CharField(_("periode"), max_length=50)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("telling")
        verbose_name_plural = _("tellingen")
        ordering = ["actie", "period", "pk"]

    def __str__(self) -> str:
        return f"{self.metric} ({self.period})"

    @property
    def percentage(self) -> int | None:
        if not self.target:
            return None
        return round(100 * self.achieved / self.target)


class Voortgang(models.Model):
    """A dated progress update on an action; the log is never edited afterwards."""

    actie = models.ForeignKey(
        Actie, verbose_name=_("actie"), on_delete=models.CASCADE, related_name="voortgang"
    )
    date = models.DateField(_("datum"))
    text = models.TextField(_("wat is er gebeurd"), max_length=TEXT_MAX_LENGTH)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geschreven door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("voortgang")
        verbose_name_plural = _("voortgang")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.actie} – {self.date:%d-%m-%Y}"


class VerhaalQuerySet(models.QuerySet):
    def published(self):
        """Stories the person agreed to publish: the only ones public pages may show."""
        return self.filter(consent=True)


class Verhaal(models.Model):
    """A story about impact ("vertellen"), public only with the person's consent."""

    title = models.CharField(_("titel"), max_length=200)
    text = models.TextField(_("verhaal"), max_length=TEXT_MAX_LENGTH)
    actie = models.ForeignKey(
        Actie,
        verbose_name=_("actie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verhalen",
    )
    wijk = models.ForeignKey(
        Wijk,
        verbose_name=_("wijk"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    consent = models.BooleanField(_("toestemming voor publicatie"), default=False)
    created_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegevoegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = VerhaalQuerySet.as_manager()

    class Meta:
        verbose_name = _("verhaal")
        verbose_name_plural = _("verhalen")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["consent", "-created_at"], name="pijlers_verhaal_public")]

    def __str__(self) -> str:
        return self.title
