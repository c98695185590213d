from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijken.models import Wijk

from .constants import BijeenkomstSoort, Doelgroep, Rol, Sector
from .querysets import BijeenkomstQuerySet, LidmaatschapQuerySet
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


class Lidmaatschap(models.Model):
    """An organisation's place in the local coalition: its ring, sector and commitment.

    One per organisation; a change of ring is an edit, an organisation that leaves gets an end
    date (it then drops off the public page but keeps its history of meetings and ambassadors).
    """

    organisatie = models.OneToOneField(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="lidmaatschap",
    )
    role = models.CharField(
        _("rol in de coalitie"), max_length=12, choices=Rol.choices, default=Rol.SCHILPARTNER
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    signalling = models.BooleanField(
        _("signalerende functie"),
        default=False,
        help_text=_(
            "Komt de organisatie mensen tegen die eenzaam kunnen zijn? Bijvoorbeeld een winkel, "
            "café, postbode, school of woningcorporatie."
        ),
    )
    commitment = models.TextField(
        _("wat de organisatie doet tegen eenzaamheid"),
        blank=True,
        max_length=2000,
        help_text=_("Waar zet de organisatie zich voor in? Dit staat ook op de openbare pagina."),
    )
    since = models.DateField(_("partner sinds"))
    until = models.DateField(
        _("partner tot"),
        null=True,
        blank=True,
        help_text=_("Alleen invullen als de organisatie stopt met de coalitie."),
    )

    objects = LidmaatschapQuerySet.as_manager()

    class Meta:
        verbose_name = _("lidmaatschap van de coalitie")
        verbose_name_plural = _("lidmaatschappen van de coalitie")
        indexes = [
            models.Index(fields=["role"], name="coalitie_lid_role"),
            models.Index(fields=["sector"], name="coalitie_lid_sector"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(until__isnull=True) | models.Q(until__gte=models.F("since")),
                name="coalitie_lidmaatschap_until_after_since",
                violation_error_message=_("De einddatum ligt vóór de begindatum."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisatie} ({self.get_role_display()})"


class Contactpersoon(models.Model):
    """Someone at a partner organisation the kartrekker can reach. Personal data: only the
    kartrekker sees the e-mail address and phone number (see coalitie/permissions.py)."""

    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="contactpersonen",
    )
    name = models.CharField(_("naam"), max_length=200)
    function = models.CharField(_("functie"), max_length=200, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(
        _("telefoonnummer"), max_length=30, blank=True, validators=[validate_phone_number]
    )

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisatie})"


class Bijeenkomst(models.Model):
    """A meeting of the coalition, the yearly knowledge session or symposium, a network dinner."""

    kind = models.CharField(
        _("soort bijeenkomst"),
        max_length=12,
        choices=BijeenkomstSoort.choices,
        default=BijeenkomstSoort.COALITIE,
    )
    title = models.CharField(_("titel"), max_length=200)
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("begintijd"))
    end_time = models.TimeField(_("eindtijd"), null=True, blank=True)
    place = models.CharField(_("plaats"), max_length=200)
    public = models.BooleanField(
        _("open voor publiek"),
        default=False,
        help_text=_("Aanvinken als iedereen mag komen. De bijeenkomst staat dan in de agenda."),
    )
    agenda = models.TextField(_("agenda"), blank=True, max_length=5000)
    minutes = models.TextField(_("verslag"), blank=True, max_length=20000)

    objects = BijeenkomstQuerySet.as_manager()

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["-date", "-start_time", "pk"]
        indexes = [models.Index(fields=["date"], name="coalitie_bijeenkomst_date")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__isnull=True)
                | models.Q(end_time__gt=models.F("start_time")),
                name="coalitie_bijeenkomst_end_after_start",
                violation_error_message=_("De eindtijd ligt niet na de begintijd."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d-%m-%Y})"


class Aanwezigheid(models.Model):
    """Who came to a meeting: an organisation, and the person when known."""

    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        verbose_name=_("bijeenkomst"),
        on_delete=models.CASCADE,
        related_name="aanwezigheden",
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="aanwezigheden",
    )
    name = models.CharField(_("naam"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("aanwezige")
        verbose_name_plural = _("aanwezigen")
        ordering = ["organisatie__name", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["bijeenkomst", "organisatie", "name"],
                name="coalitie_aanwezigheid_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name or self.organisatie} – {self.bijeenkomst}"


class Training(models.Model):
    """A training in signalling loneliness and talking about it (pillar 2, VINDEN)."""

    title = models.CharField(_("titel"), max_length=200)
    date = models.DateField(_("datum"))
    trainer = models.CharField(_("trainer"), max_length=200)
    audience = models.CharField(_("voor wie"), max_length=16, choices=Doelgroep.choices)
    place = models.CharField(_("plaats"), max_length=200, blank=True)
    description = models.TextField(_("beschrijving"), blank=True, max_length=5000)

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainingen")
        ordering = ["-date", "pk"]
        indexes = [models.Index(fields=["date"], name="coalitie_training_date")]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d-%m-%Y})"


class Deelnemer(models.Model):
    """Someone who took part in a training, with the organisation they work or volunteer for."""

    training = models.ForeignKey(
        Training,
        verbose_name=_("training"),
        on_delete=models.CASCADE,
        related_name="deelnemers",
    )
    name = models.CharField(_("naam"), max_length=200)
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deelnemers",
    )
    function = models.CharField(_("functie"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class Ambassadeur(models.Model):
    """Someone who raises loneliness in their work and surroundings (pillar 1, WETEN)."""

    name = models.CharField(_("naam"), max_length=200)
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ambassadeurs",
    )
    since = models.DateField(_("ambassadeur sinds"))
    trained = models.BooleanField(_("getraind in signaleren"), default=False)
    deelnemer = models.OneToOneField(
        Deelnemer,
        verbose_name=_("deelnemer aan training"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ambassadeur",
    )

    class Meta:
        verbose_name = _("ambassadeur")
        verbose_name_plural = _("ambassadeurs")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class Aanmelding(models.Model):
    """An organisation that asked to join the coalition through the public form."""

    organisation_name = models.CharField(_("naam van de organisatie"), max_length=200)
    contact_name = models.CharField(_("naam contactpersoon"), max_length=200)
    email = models.EmailField(_("e-mailadres"))
    phone = models.CharField(
        _("telefoonnummer"), max_length=30, blank=True, validators=[validate_phone_number]
    )
    contribution = models.TextField(_("wat de organisatie wil bijdragen"), max_length=2000)
    created_at = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    notified_at = models.DateTimeField(_("gemaild op"), null=True, blank=True)
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
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["handled_at"], name="coalitie_aanmelding_handled")]

    def __str__(self) -> str:
        return self.organisation_name
