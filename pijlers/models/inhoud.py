"""What the kartrekker publishes: the editable public texts and the campaign agenda."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ..constants import PAGE_MAX_LENGTH, AgendaSoort, PaginaSlug


class Pagina(models.Model):
    """A public text in Markdown; every change is kept as a PaginaVersie."""

    slug = models.CharField(_("pagina"), max_length=40, choices=PaginaSlug.choices, unique=True)
    title = models.CharField(_("titel"), max_length=200)
    body = models.TextField(_("tekst (Markdown)"), max_length=PAGE_MAX_LENGTH)
    # The English version (issue #8): shown on /en/ when filled in, else the Dutch text.
    title_en = models.CharField(_("titel in het Engels"), max_length=200, blank=True)
    body_en = models.TextField(
        _("tekst in het Engels (Markdown)"), max_length=PAGE_MAX_LENGTH, blank=True
    )
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("laatst gewijzigd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("pagina")
        verbose_name_plural = _("pagina's")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.get_slug_display()


class PaginaVersie(models.Model):
    pagina = models.ForeignKey(
        Pagina, verbose_name=_("pagina"), on_delete=models.CASCADE, related_name="versies"
    )
    title = models.CharField(_("titel"), max_length=200)
    body = models.TextField(_("tekst (Markdown)"), max_length=PAGE_MAX_LENGTH)
    title_en = models.CharField(_("titel in het Engels"), max_length=200, blank=True)
    body_en = models.TextField(
        _("tekst in het Engels (Markdown)"), max_length=PAGE_MAX_LENGTH, blank=True
    )
    created_at = models.DateTimeField(_("opgeslagen op"), auto_now_add=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opgeslagen door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("versie van een pagina")
        verbose_name_plural = _("versies van pagina's")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.pagina} – {self.created_at:%d-%m-%Y %H:%M}"


class AgendaItemQuerySet(models.QuerySet):
    def public(self):
        return self.filter(public=True)

    def from_day(self, day):
        """Items that have not ended before the given day (a period counts till its end)."""
        return self.filter(Q(end_date__gte=day) | Q(end_date__isnull=True, start_date__gte=day))


class AgendaItem(models.Model):
    """A date in the campaign calendar: a campaign period, the symposium, an open meeting."""

    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=AgendaSoort.choices)
    start_date = models.DateField(_("begindatum"))
    end_date = models.DateField(
        _("einddatum"), null=True, blank=True, help_text=_("Alleen voor iets dat meer dagen duurt.")
    )
    start_time = models.TimeField(_("begintijd"), null=True, blank=True)
    end_time = models.TimeField(_("eindtijd"), null=True, blank=True)
    place = models.CharField(_("plaats"), max_length=200, blank=True)
    description = models.TextField(_("omschrijving"), blank=True, max_length=2000)
    url = models.URLField(_("meer informatie (webadres)"), blank=True)
    public = models.BooleanField(
        _("tonen in de openbare agenda"),
        default=True,
        help_text=_("Uitvinken om het eerst voor te bereiden."),
    )

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agenda")
        ordering = ["start_date", "start_time", "pk"]
        indexes = [models.Index(fields=["start_date"], name="pijlers_agenda_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="pijlers_agenda_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(end_time__isnull=True) | Q(start_time__isnull=False),
                name="pijlers_agenda_end_time_needs_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        times = (self.start_time, self.end_time)
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("De einddatum ligt vóór de begindatum.")
        if self.end_time and not self.start_time:
            errors["start_time"] = _("Vul ook de begintijd in, of maak de eindtijd leeg.")
        elif self.one_day and all(times) and times[1] <= times[0]:
            errors["end_time"] = _("De eindtijd ligt vóór de begintijd.")
        if errors:
            raise ValidationError(errors)

    @property
    def one_day(self) -> bool:
        return self.end_date is None or self.end_date == self.start_date

    @property
    def last_day(self):
        return self.end_date or self.start_date
