"""Reads of the coalition: partner lists and pages, meetings, trainings, figures for others.

Every function fetches what its page shows in a fixed number of queries, whatever the number
of rows (select_related / prefetch_related).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .constants import Rol
from .models import (
    Aanmelding,
    Aanwezigheid,
    Ambassadeur,
    Bijeenkomst,
    Contactpersoon,
    Deelnemer,
    Lidmaatschap,
    Organisatie,
    Training,
)


def _public_activiteiten():
    """The sociale kaart's public activities, without importing aanbod.

    ARCHITECTURE.md lets aanbod depend on coalitie and never the other way round, so coalitie
    reaches the activities only through the reverse relation `Organisatie.activiteiten` that
    aanbod declares, and uses aanbod's own `.public()` (approved, active, confirmed within a
    year) instead of repeating its rules here.
    """
    activiteit = Organisatie._meta.get_field("activiteiten").related_model
    return (
        activiteit.objects.public()
        .only("pk", "name", "name_en", "slug", "organisatie_id")
        .order_by("name", "pk")
    )


def partner_activiteiten(organisatie: Organisatie) -> QuerySet:
    """The public activities of one partner ("kennis van elkaars aanbod"). See
    _public_activiteiten for why this goes through `organisatie.activiteiten`."""
    return organisatie.activiteiten.public().order_by("name", "pk")


def partners_list() -> QuerySet:
    """All memberships (also ended ones) with their organisation and wijken, by name; the
    werkruimte's PartnerFilter narrows this down."""
    return (
        Lidmaatschap.objects.select_related("organisatie")
        .prefetch_related("organisatie__wijken")
        .order_by("organisatie__name", "pk")
    )


def partners_for_export(queryset: QuerySet, *, with_contacts: bool) -> QuerySet:
    """The filtered list for the CSV file; contact persons only when the user may see them."""
    if with_contacts:
        queryset = queryset.prefetch_related("organisatie__contactpersonen")
    return queryset


@dataclass
class PartnerPage:
    organisatie: Organisatie
    lidmaatschap: Lidmaatschap | None
    contactpersonen: list[Contactpersoon]
    activiteiten: list
    bijeenkomsten: list[tuple[Bijeenkomst, list[str]]]
    ambassadeurs: list[Ambassadeur]


def partner_page(*, slug: str) -> PartnerPage:
    """Everything the partner page shows: contacts, public activities, meetings attended (with
    who came), ambassadors. 404 for an organisation that is not (or never was) a partner."""
    organisatie = get_object_or_404(
        Organisatie.objects.select_related("lidmaatschap").prefetch_related("wijken"),
        slug=slug,
        lidmaatschap__isnull=False,
    )
    attended: dict[int, tuple[Bijeenkomst, list[str]]] = {}
    rows = Aanwezigheid.objects.filter(organisatie=organisatie).select_related("bijeenkomst")
    for row in rows.order_by("-bijeenkomst__date", "-bijeenkomst__start_time", "name"):
        _bijeenkomst, names = attended.setdefault(row.bijeenkomst_id, (row.bijeenkomst, []))
        if row.name:
            names.append(row.name)
    return PartnerPage(
        organisatie=organisatie,
        lidmaatschap=organisatie.lidmaatschap,
        contactpersonen=list(organisatie.contactpersonen.all()),
        activiteiten=list(partner_activiteiten(organisatie)),
        bijeenkomsten=list(attended.values()),
        ambassadeurs=list(organisatie.ambassadeurs.order_by("name", "pk")),
    )


def organisaties_for_choice() -> list[tuple[int, str]]:
    """(pk, name) of every organisation, for selects repeated on each row of a formset: one
    query for the whole form instead of one per row."""
    return list(Organisatie.objects.order_by("name", "pk").values_list("pk", "name"))


def organisaties_without_membership() -> QuerySet:
    return Organisatie.objects.filter(lidmaatschap__isnull=True).order_by("name", "pk")


@dataclass
class RolGroep:
    role: str
    leden: list[Lidmaatschap] = field(default_factory=list)


def public_partners(*, today: date | None = None) -> list[RolGroep]:
    """The current partners grouped by ring (kartrekker, kerngroep, schilpartners), each with
    its wijken and public activities in `organisatie.public_activiteiten`. Three queries."""
    today = today or timezone.localdate()
    leden = (
        Lidmaatschap.objects.current(today)
        .select_related("organisatie")
        .prefetch_related(
            "organisatie__wijken",
            Prefetch(
                "organisatie__activiteiten",
                queryset=_public_activiteiten(),
                to_attr="public_activiteiten",
            ),
        )
        .order_by("organisatie__name", "pk")
    )
    groepen = {role: RolGroep(role) for role in Rol.values}
    for lid in leden:
        groepen[lid.role].leden.append(lid)
    return [groep for groep in groepen.values() if groep.leden]


def bijeenkomsten_list() -> QuerySet:
    """Meetings, newest first, with how many organisations came."""
    return Bijeenkomst.objects.annotate(
        organisaties_count=Count("aanwezigheden__organisatie", distinct=True)
    ).order_by("-date", "-start_time", "pk")


@dataclass
class BijeenkomstPage:
    bijeenkomst: Bijeenkomst
    aanwezig: list[tuple[Organisatie, list[str]]]


def bijeenkomst_page(*, pk: int) -> BijeenkomstPage:
    """A meeting with its attendance grouped per organisation (names when known)."""
    bijeenkomst = get_object_or_404(Bijeenkomst, pk=pk)
    grouped: dict[int, tuple[Organisatie, list[str]]] = {}
    for row in bijeenkomst.aanwezigheden.select_related("organisatie"):
        _organisatie, names = grouped.setdefault(row.organisatie_id, (row.organisatie, []))
        if row.name:
            names.append(row.name)
    return BijeenkomstPage(bijeenkomst=bijeenkomst, aanwezig=list(grouped.values()))


def bijeenkomsten_public(*, from_date: date | None = None) -> QuerySet:
    """Meetings open to the public from this day on (default today), soonest first.

    For the campaign calendar of pijlers (/agenda/): title, kind, date, times and place are
    public; agenda, minutes and attendance are not meant for it.
    """
    from_date = from_date or timezone.localdate()
    return (
        Bijeenkomst.objects.public()
        .from_date(from_date)
        .only("pk", "kind", "title", "date", "start_time", "end_time", "place", "public")
        .order_by("date", "start_time", "pk")
    )


def trainingen_list() -> QuerySet:
    return Training.objects.annotate(deelnemers_count=Count("deelnemers")).order_by("-date", "pk")


def training_get(*, pk: int) -> Training:
    return get_object_or_404(Training, pk=pk)


def training_deelnemers(training: Training) -> list[Deelnemer]:
    """Participants with their organisation and, when they became one, their ambassador row."""
    return list(
        training.deelnemers.select_related("organisatie", "ambassadeur").order_by("name", "pk")
    )


def deelnemer_get(*, training_pk: int, pk: int) -> Deelnemer:
    deelnemer = (
        Deelnemer.objects.select_related("training", "organisatie")
        .filter(training_id=training_pk, pk=pk)
        .first()
    )
    if deelnemer is None:
        raise Http404
    return deelnemer


def ambassadeurs_list() -> QuerySet:
    return Ambassadeur.objects.select_related("organisatie", "deelnemer__training").order_by(
        "name", "pk"
    )


def aanmeldingen_list(*, show_handled: bool) -> QuerySet:
    """Open join requests first (oldest first, so none waits long); handled ones on request."""
    queryset = Aanmelding.objects.select_related("handled_by")
    if not show_handled:
        return queryset.filter(handled_at__isnull=True).order_by("created_at", "pk")
    return queryset.order_by("-created_at", "-pk")


def aanmeldingen_open_count() -> int:
    return Aanmelding.objects.filter(handled_at__isnull=True).count()


@dataclass(frozen=True)
class CoalitieCijfers:
    """Counts for monitoring and the reach targets of the pillars ("tellen")."""

    partners_per_rol: dict[str, int]
    signalerende_partners: int
    ambassadeurs: int
    ambassadeurs_getraind: int
    trainingen: int
    training_deelnemers: int
    bijeenkomsten: int


def coalitie_cijfers(*, start: date, end: date) -> CoalitieCijfers:
    """The coalition's figures: partners and ambassadors as on `end`, trainings (and their
    participants) and meetings held from `start` up to and including `end`. Four queries."""
    leden = list(Lidmaatschap.objects.current(end).values_list("role", "signalling"))
    per_rol = Counter(role for role, _signalling in leden)
    signalerend = sum(1 for _role, signalling in leden if signalling)
    ambassadeurs = Ambassadeur.objects.filter(since__lte=end).aggregate(
        total=Count("pk"), trained=Count("pk", filter=Q(trained=True))
    )
    trainingen = Training.objects.filter(date__range=(start, end)).aggregate(
        total=Count("pk", distinct=True), deelnemers=Count("deelnemers")
    )
    return CoalitieCijfers(
        partners_per_rol={role: per_rol.get(role, 0) for role in Rol.values},
        signalerende_partners=signalerend,
        ambassadeurs=ambassadeurs["total"],
        ambassadeurs_getraind=ambassadeurs["trained"],
        trainingen=trainingen["total"],
        training_deelnemers=trainingen["deelnemers"],
        bijeenkomsten=Bijeenkomst.objects.filter(date__range=(start, end)).count(),
    )
