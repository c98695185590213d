import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coalitie.models import Organisatie
from coalitie.validators import validate_phone_number
from wijken.models import Wijk

from .constants import Aanmelding, Herhaling, Moderatie, Status, Vocabulaire, WeekVanDeMaand
from .querysets import ActiviteitQuerySet


class Term(models.Model):
    """A term of one of the taxonomies (target group, kind of loneliness, type, language, form)."""

    vocabulaire = models.CharField(_("lijst"), max_length=20, choices=Vocabulaire.choices)
    code = models.SlugField(_("code"), max_length=40)
    label = models.CharField(_("naam"), max_length=100)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("termen")
        ordering = ["vocabulaire", "position"]
        constraints = [
            models.UniqueConstraint(fields=["vocabulaire", "code"], name="aanbod_term_unique_code")
        ]

    def __str__(self) -> str:
        return self.label


class Locatie(models.Model):
    """A place where activities happen; one location can serve several activities."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("naam"), max_length=200)
    street_address = models.CharField(_("adres"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("plaats"), max_length=100, default="Hilversum")
    wijk = models.ForeignKey(
        Wijk,
        verbose_name=_("wijk"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="locaties",
    )
    rolstoel = models.BooleanField(_("rolstoeltoegankelijk"), default=False)
    invalidentoilet = models.BooleanField(_("invalidentoilet"), default=False)
    ringleiding = models.BooleanField(_("ringleiding"), default=False)
    prikkelarm = models.BooleanField(_("prikkelarm"), default=False)
    latitude = models.DecimalField(
        _("breedtegraad"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("lengtegraad"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Activiteit(models.Model):
    """An activity against loneliness on the sociale kaart (an HSDS service)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    short_description = models.CharField(
        _("korte beschrijving"),
        max_length=200,
        help_text=_("Hooguit 200 tekens. Dit staat in de zoekresultaten."),
    )
    description = models.TextField(_("beschrijving"), blank=True)
    # English versions (issue #8): English pages show them when filled in, else the Dutch text
    # (hilversum_eenzaamheid.vertalen). The search reads the Dutch fields only.
    name_en = models.CharField(_("naam in het Engels"), max_length=200, blank=True)
    short_description_en = models.CharField(
        _("korte beschrijving in het Engels"), max_length=200, blank=True
    )
    description_en = models.TextField(_("beschrijving in het Engels"), blank=True)
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="activiteiten",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ACTIEF
    )
    moderatie = models.CharField(
        _("beoordeling"), max_length=12, choices=Moderatie.choices, default=Moderatie.WACHT
    )
    moderatie_reden = models.TextField(_("reden van afwijzing"), blank=True)
    terms = models.ManyToManyField(
        Term, verbose_name=_("kenmerken"), blank=True, related_name="activiteiten"
    )
    min_age = models.PositiveSmallIntegerField(
        _("minimale leeftijd"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    max_age = models.PositiveSmallIntegerField(
        _("maximale leeftijd"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    is_free = models.BooleanField(_("gratis"), default=True)
    cost_amount = models.DecimalField(
        _("kosten in euro"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    cost_description = models.CharField(_("uitleg over de kosten"), max_length=200, blank=True)
    aanmelding = models.CharField(
        _("aanmelden"), max_length=12, choices=Aanmelding.choices, default=Aanmelding.NIET_NODIG
    )
    aanmelding_uitleg = models.CharField(_("zo meldt u zich aan"), max_length=300, blank=True)
    heel_hilversum = models.BooleanField(
        _("voor heel Hilversum"),
        default=False,
        help_text=_("Aanvinken als de activiteit voor inwoners van alle wijken is."),
    )
    wijken = models.ManyToManyField(
        Wijk, verbose_name=_("wijken"), blank=True, related_name="activiteiten"
    )
    contact_name = models.CharField(_("contactpersoon"), max_length=100, blank=True)
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_phone = models.CharField(
        _("telefoonnummer"), max_length=30, blank=True, validators=[validate_phone_number]
    )
    website = models.URLField(_("website"), blank=True)
    wat_werkt = models.BooleanField(
        _("werkzame methode"),
        default=False,
        help_text=_("De methode staat bij Movisie als werkzaam tegen eenzaamheid."),
    )
    wat_werkt_url = models.URLField(_("link naar Movisie"), blank=True)
    assured_at = models.DateTimeField(_("gecontroleerd op"), null=True, blank=True)
    assured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gecontroleerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    assured_by_name = models.CharField(_("gecontroleerd door (naam)"), max_length=150, blank=True)
    needs_review = models.BooleanField(_("opnieuw controleren"), default=False)
    next_occurrence = models.DateTimeField(_("volgende keer"), null=True, blank=True)
    # Normalised text (lowercase, no accents) for SQLite; a Dutch tsvector for PostgreSQL.
    search_text = models.TextField(_("zoektekst"), blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    modified_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = ActiviteitQuerySet.as_manager()

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["next_occurrence"], name="aanbod_act_next"),
            models.Index(fields=["modified_at"], name="aanbod_act_modified"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_age__isnull=True)
                | models.Q(max_age__isnull=True)
                | models.Q(min_age__lte=models.F("max_age")),
                name="aanbod_activiteit_age_range",
            ),
            models.CheckConstraint(
                condition=models.Q(is_free=True) | models.Q(cost_amount__isnull=False),
                name="aanbod_activiteit_cost_when_not_free",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Rooster(models.Model):
    """When an activity takes place: a preset that becomes an RFC 5545 recurrence rule.

    Times are local (Europe/Amsterdam) wall-clock times, so 14:00 stays 14:00 across the switch
    to and from summer time.
    """

    activiteit = models.ForeignKey(
        Activiteit, verbose_name=_("activiteit"), on_delete=models.CASCADE, related_name="roosters"
    )
    locatie = models.ForeignKey(
        Locatie,
        verbose_name=_("locatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="roosters",
    )
    herhaling = models.CharField(_("hoe vaak"), max_length=15, choices=Herhaling.choices)
    maandag = models.BooleanField(_("maandag"), default=False)
    dinsdag = models.BooleanField(_("dinsdag"), default=False)
    woensdag = models.BooleanField(_("woensdag"), default=False)
    donderdag = models.BooleanField(_("donderdag"), default=False)
    vrijdag = models.BooleanField(_("vrijdag"), default=False)
    zaterdag = models.BooleanField(_("zaterdag"), default=False)
    zondag = models.BooleanField(_("zondag"), default=False)
    week_van_de_maand = models.SmallIntegerField(
        _("week van de maand"), choices=WeekVanDeMaand.choices, null=True, blank=True
    )
    start_date = models.DateField(
        _("vanaf"), help_text=_("Bij een eenmalige activiteit: de datum.")
    )
    end_date = models.DateField(_("tot en met"), null=True, blank=True)
    start_time = models.TimeField(_("begintijd"))
    end_time = models.TimeField(_("eindtijd"), null=True, blank=True)
    note = models.CharField(_("toelichting"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("rooster")
        verbose_name_plural = _("roosters")
        ordering = ["start_time"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="aanbod_rooster_dates_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(end_time__isnull=True)
                | models.Q(end_time__gt=models.F("start_time")),
                name="aanbod_rooster_times_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activiteit}: {self.get_herhaling_display()}"

    @property
    def weekdays(self) -> list[int]:
        """The chosen weekdays as Python weekday numbers (0 = Monday)."""
        flags = [
            self.maandag,
            self.dinsdag,
            self.woensdag,
            self.donderdag,
            self.vrijdag,
            self.zaterdag,
            self.zondag,
        ]
        return [day for day, chosen in enumerate(flags) if chosen]


class RoosterUitzondering(models.Model):
    """Dates on which a schedule does not take place: one cancelled date or a break."""

    rooster = models.ForeignKey(
        Rooster, verbose_name=_("rooster"), on_delete=models.CASCADE, related_name="uitzonderingen"
    )
    # A context: "van" alone is also "of" (page 1 of 4) elsewhere in the portal.
    start_date = models.DateField(pgettext_lazy("datum", "van"))
    end_date = models.DateField(_("tot en met"))
    reason = models.CharField(_("reden"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("uitzondering")
        verbose_name_plural = _("uitzonderingen")
        ordering = ["start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="aanbod_uitzondering_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.start_date} – {self.end_date}"


class Synoniem(models.Model):
    """Words residents use for the same thing ("eten" ~ "maaltijd"); the kartrekker keeps them."""

    term = models.CharField(_("woord"), max_length=60, unique=True)
    synonyms = models.CharField(
        _("betekent hetzelfde als"),
        max_length=300,
        help_text=_("Gescheiden door komma's, bijvoorbeeld: maaltijd, diner, lunch."),
    )

    class Meta:
        verbose_name = _("synoniem")
        verbose_name_plural = _("synoniemen")
        ordering = ["term"]

    def __str__(self) -> str:
        return f"{self.term} ~ {self.synonyms}"


class Correctie(models.Model):
    """A resident's "Klopt er iets niet?" report about an activity, for the kartrekker."""

    activiteit = models.ForeignKey(
        Activiteit,
        verbose_name=_("activiteit"),
        on_delete=models.CASCADE,
        related_name="correcties",
    )
    message = models.TextField(_("wat klopt er niet"), max_length=2000)
    email = models.EmailField(_("e-mailadres voor een reactie"), blank=True)
    created_at = models.DateTimeField(_("ontvangen op"), auto_now_add=True)
    handled_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgehandeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("correctie")
        verbose_name_plural = _("correcties")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["handled_at"], name="aanbod_correctie_open")]

    def __str__(self) -> str:
        return f"{self.activiteit}: {self.created_at:%Y-%m-%d}"


class Voorstel(models.Model):
    """A provider's proposed new activity or change; public only once the kartrekker approves."""

    activiteit = models.ForeignKey(
        Activiteit,
        verbose_name=_("activiteit"),
        on_delete=models.CASCADE,
        related_name="voorstellen",
    )
    data = models.JSONField(_("voorgestelde gegevens"), default=dict)
    is_new = models.BooleanField(_("nieuwe activiteit"), default=False)
    status = models.CharField(
        _("beoordeling"), max_length=12, choices=Moderatie.choices, default=Moderatie.WACHT
    )
    reason = models.TextField(_("reden van afwijzing"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingediend door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("ingediend op"), auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("voorstel")
        verbose_name_plural = _("voorstellen")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["status", "submitted_at"], name="aanbod_voorstel_status")]

    def __str__(self) -> str:
        return f"{self.activiteit} ({self.get_status_display()})"


class Wijziging(models.Model):
    """One recorded change to an activity: who, when, which field, old and new value."""

    activiteit = models.ForeignKey(
        Activiteit,
        verbose_name=_("activiteit"),
        on_delete=models.CASCADE,
        related_name="wijzigingen",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("op"), auto_now_add=True)
    field = models.CharField(_("veld"), max_length=60)
    old_value = models.TextField(_("oude waarde"), blank=True)
    new_value = models.TextField(_("nieuwe waarde"), blank=True)

    class Meta:
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")
        ordering = ["-changed_at", "field"]

    def __str__(self) -> str:
        return f"{self.activiteit}.{self.field} {self.changed_at:%Y-%m-%d %H:%M}"
