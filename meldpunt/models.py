"""The meldpunt: buurtteams, meldingen with their reporter and person concerned, history, outbox.

The reporter (Melder) and the person the melding is about (Betrokkene) are separate rows, so that
retention can erase each on its own schedule and statistics keep only what they need.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijken.models import Wijk

from .constants import (
    CLOSED_STATUSES,
    TEXT_MAX_LENGTH,
    Bekend,
    Bron,
    ContactKanaal,
    MelderRol,
    Signaal,
    Status,
    ToegangSoort,
    UitberichtSoort,
    Uitkomst,
    VerwijzingSoort,
    WijkBron,
)


class Buurtteam(models.Model):
    """The care network of one or more wijken that picks up the meldingen from there."""

    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    email = models.EmailField(
        _("e-mailadres van het team"),
        help_text=_("Hier komt het bericht over een nieuwe melding binnen."),
    )
    wijken = models.ManyToManyField(
        Wijk,
        verbose_name=_("wijken"),
        through="BuurtteamWijk",
        related_name="buurtteams",
        blank=True,
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leden"),
        related_name="buurtteams",
        blank=True,
    )

    class Meta:
        verbose_name = _("buurtteam")
        verbose_name_plural = _("buurtteams")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class BuurtteamWijk(models.Model):
    """A wijk covered by a team. One team per wijk, so routing never has to choose."""

    buurtteam = models.ForeignKey(Buurtteam, verbose_name=_("buurtteam"), on_delete=models.CASCADE)
    wijk = models.ForeignKey(Wijk, verbose_name=_("wijk"), on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("wijk van een buurtteam")
        verbose_name_plural = _("wijken van buurtteams")
        constraints = [
            models.UniqueConstraint(fields=["wijk"], name="meldpunt_wijk_has_one_buurtteam"),
        ]

    def __str__(self) -> str:
        return f"{self.wijk} → {self.buurtteam}"


class MeldingQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=CLOSED_STATUSES)

    def in_triage(self):
        """Meldingen no team has yet: the coördinator's queue."""
        return self.filter(buurtteam__isnull=True).open()


class Melding(models.Model):
    """A signal of (possible) loneliness of one person, reported by them or by someone else."""

    # Unique by a constraint, not unique=True: that would also add a LIKE index nobody uses.
    reference = models.CharField(_("kenmerk"), max_length=20, editable=False)
    about_self = models.BooleanField(_("over zichzelf"), default=False)
    wijk = models.ForeignKey(
        Wijk,
        verbose_name=_("wijk"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meldingen",
    )
    wijk_source = models.CharField(
        _("hoe de wijk is bepaald"), max_length=20, choices=WijkBron.choices
    )
    buurtteam = models.ForeignKey(
        Buurtteam,
        verbose_name=_("buurtteam"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meldingen",
        db_index=False,  # meldpunt_team_status_idx starts with it
        help_text=_("Leeg: de melding wacht bij de coördinator op een buurtteam."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NIEUW
    )
    urgent = models.BooleanField(_("direct gevaar"), default=False)
    text = models.TextField(_("toelichting"), max_length=TEXT_MAX_LENGTH, blank=True)
    person_knows = models.CharField(
        _("weet de persoon van de melding"), max_length=10, choices=Bekend.choices
    )
    consent_at = models.DateTimeField(_("toestemming gegeven op"))
    source = models.CharField(_("bron"), max_length=10, choices=Bron.choices, default=Bron.WEB)
    # The language of the page the melding was made on: the reporter's e-mails are in it, the
    # team's stay Dutch (issue #8).
    language = models.CharField(_("taal van de melder"), max_length=8, default="nl")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("gemeld op"), default=timezone.now, db_index=True)
    first_contact_at = models.DateTimeField(_("eerste contact op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices, blank=True)
    # Only with the person's agreement does a professional referrer hear the outcome.
    outcome_may_be_shared = models.BooleanField(
        _("betrokkene stemt in met terugkoppeling van de uitkomst aan de verwijzer"), default=False
    )
    # Deadlines: first contact due by (working days, set at creation), reminder and escalation.
    first_contact_due = models.DateTimeField(
        _("eerste contact uiterlijk"), null=True, blank=True, db_index=True
    )
    reminded_at = models.DateTimeField(_("herinnering gestuurd op"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("doorgezet naar coördinator op"), null=True, blank=True)
    # Retention: when the personal data was removed (the melding stays for the figures).
    contact_erased_at = models.DateTimeField(
        _("contactgegevens melder verwijderd op"), null=True, blank=True
    )
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)
    linked_to = models.ForeignKey(
        "self",
        verbose_name=_("herhaling van"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="herhalingen",
    )

    objects = MeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["buurtteam", "status"], name="meldpunt_team_status_idx"),
            models.Index(fields=["status", "created_at"], name="meldpunt_status_created_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["reference"], name="meldpunt_melding_reference_uniq"),
            models.CheckConstraint(
                condition=~Q(status=Status.AFGESLOTEN) | ~Q(outcome=""),
                name="meldpunt_closed_melding_has_outcome",
            ),
            models.CheckConstraint(
                condition=~Q(linked_to=F("pk")), name="meldpunt_melding_not_linked_to_itself"
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class MeldingSignaal(models.Model):
    """One signal ticked on a melding: a row each, so counting works the same on every database."""

    melding = models.ForeignKey(
        Melding,
        verbose_name=_("melding"),
        on_delete=models.CASCADE,
        related_name="signalen",
        db_index=False,  # meldpunt_signaal_once starts with it
    )
    code = models.CharField(_("signaal"), max_length=20, choices=Signaal.choices)

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        # A plain index: db_index=True would add a LIKE index too.
        indexes = [models.Index(fields=["code"], name="meldpunt_signaal_code_idx")]
        constraints = [
            models.UniqueConstraint(fields=["melding", "code"], name="meldpunt_signaal_once"),
        ]

    def __str__(self) -> str:
        return self.get_code_display()


class Melder(models.Model):
    """Who reported. Every contact field may stay empty: anonymous reports are welcome."""

    melding = models.OneToOneField(
        Melding, verbose_name=_("melding"), on_delete=models.CASCADE, related_name="melder"
    )
    role = models.CharField(_("rol"), max_length=20, choices=MelderRol.choices)
    name = models.CharField(_("naam"), max_length=200, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("melder")
        verbose_name_plural = _("melders")

    def __str__(self) -> str:
        return f"{self.get_role_display()} ({self.melding})"


class Betrokkene(models.Model):
    """The person the melding is about: no more than the team needs to find and reach them."""

    melding = models.OneToOneField(
        Melding, verbose_name=_("melding"), on_delete=models.CASCADE, related_name="betrokkene"
    )
    name = models.CharField(_("naam"), max_length=200, blank=True)
    street = models.CharField(_("straat"), max_length=200, blank=True)
    # Stored normalised ("1221AB", "12a", "0351234567", lower-case e-mail), so that a repeat
    # about the same address or person is found with plain equality on every database.
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)
    huisnummer = models.CharField(_("huisnummer"), max_length=10, blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)

    class Meta:
        verbose_name = _("betrokkene")
        verbose_name_plural = _("betrokkenen")
        indexes = [
            models.Index(fields=["postcode", "huisnummer"], name="meldpunt_betrokkene_adres_idx"),
            models.Index(fields=["phone"], name="meldpunt_betrokkene_phone_idx"),
            models.Index(fields=["email"], name="meldpunt_betrokkene_email_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Betrokkene bij %(reference)s") % {"reference": self.melding})


class StatusWijziging(models.Model):
    """One step in a melding's history. Rows are only ever added, never changed."""

    melding = models.ForeignKey(
        Melding,
        verbose_name=_("melding"),
        on_delete=models.CASCADE,
        related_name="statuswijzigingen",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("op"), default=timezone.now)
    from_status = models.CharField(_("van"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("naar"), max_length=20, choices=Status.choices)
    reason = models.TextField(_("reden"), blank=True)

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.melding}: {self.from_status or '–'} → {self.to_status}"


class Toegang(models.Model):
    """A staff member opened the personal data of a melding (who, when, which, what)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    melding = models.ForeignKey(
        Melding, verbose_name=_("melding"), on_delete=models.CASCADE, related_name="toegang"
    )
    at = models.DateTimeField(_("op"), default=timezone.now)
    what = models.CharField(
        _("wat"), max_length=20, choices=ToegangSoort.choices, default=ToegangSoort.DETAIL
    )

    class Meta:
        verbose_name = _("inzage")
        verbose_name_plural = _("inzage-log")
        ordering = ["-at"]
        indexes = [models.Index(fields=["melding", "at"], name="meldpunt_toegang_melding_idx")]

    def __str__(self) -> str:
        return f"{self.user} – {self.melding} – {self.at:%Y-%m-%d %H:%M}"


class Uitbericht(models.Model):
    """An e-mail waiting to go out (the outbox), written in the same transaction as its cause.

    Team and coördinator messages carry the reference and a link only, never personal details.
    """

    melding = models.ForeignKey(
        Melding, verbose_name=_("melding"), on_delete=models.CASCADE, related_name="uitberichten"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=UitberichtSoort.choices)
    recipient = models.EmailField(_("aan"))
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"))
    urgent = models.BooleanField(_("spoed"), default=False)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    last_error = models.TextField(_("laatste fout"), blank=True)
    next_attempt_at = models.DateTimeField(_("volgende poging op"))

    class Meta:
        verbose_name = _("uitgaand bericht")
        verbose_name_plural = _("uitgaande berichten")
        ordering = ["created_at", "pk"]
        indexes = [
            # The periodic retry reads only unsent rows; they are few, the sent ones many.
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(sent_at__isnull=True),
                name="meldpunt_uitbericht_todo_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.melding}"


class ContactPoging(models.Model):
    """One attempt to reach the person concerned; after a set number, NIET_BEREIKT is allowed."""

    melding = models.ForeignKey(
        Melding,
        verbose_name=_("melding"),
        on_delete=models.CASCADE,
        related_name="contactpogingen",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("op"), default=timezone.now)
    channel = models.CharField(_("hoe"), max_length=20, choices=ContactKanaal.choices)
    reached = models.BooleanField(_("bereikt"), default=False)
    note = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("contactpoging")
        verbose_name_plural = _("contactpogingen")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.melding} {self.at:%Y-%m-%d %H:%M}"


class Notitie(models.Model):
    """A case note by a team member (personal data: removed by the retention job)."""

    melding = models.ForeignKey(
        Melding, verbose_name=_("melding"), on_delete=models.CASCADE, related_name="notities"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("op"), default=timezone.now)
    text = models.TextField(_("notitie"), max_length=2000)

    class Meta:
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.melding} {self.created_at:%Y-%m-%d}"


class Verwijzing(models.Model):
    """Where the person was referred: an activity, an organisation, or GP / Welzijn op Recept."""

    melding = models.ForeignKey(
        Melding, verbose_name=_("melding"), on_delete=models.CASCADE, related_name="verwijzingen"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=VerwijzingSoort.choices)
    activiteit = models.ForeignKey(
        "aanbod.Activiteit",
        verbose_name=_("activiteit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    organisatie = models.ForeignKey(
        "coalitie.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    description = models.CharField(_("toelichting"), max_length=300, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="aanbod") | Q(activiteit__isnull=False),
                name="meldpunt_verwijzing_aanbod_has_activiteit",
            ),
            models.CheckConstraint(
                condition=~Q(kind="organisatie") | Q(organisatie__isnull=False),
                name="meldpunt_verwijzing_organisatie_has_organisatie",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.melding}: {self.get_kind_display()}"


# The log of requests of data subjects lives in its own module; Django finds models here.
from .models_privacy import Verzoek, VerzoekActie, VerzoekTreffer  # noqa: E402, F401
