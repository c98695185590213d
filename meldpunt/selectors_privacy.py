"""Reads for the requests of data subjects and for the access log.

The access log (`Toegang`, written whenever personal data of a melding is shown or exported):
the coördinator (and a superuser) searches all of it, by staff member and by melding; a
buurtteam member sees the rows of their own team's meldingen, so the team knows who looked at
its cases. Rows hold ids and times only; the pages read no personal data of the meldingen.
"""

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from hilversum_eenzaamheid import roles

from .constants_privacy import AS_BETROKKENE, AS_MELDER, MAX_HITS, Rol
from .models import Melding, StatusWijziging, Toegang, Uitbericht
from .models_privacy import Verzoek, VerzoekActie, VerzoekTreffer
from .selectors_case import REFERENCE_RE, is_coordinator, team_ids

RECENT_REQUESTS = 20


def verzoek_get(pk: int) -> Verzoek:
    """The request with its searcher; Http404 when there is none."""
    verzoek = Verzoek.objects.select_related("user").filter(pk=pk).first()
    if verzoek is None:
        raise Http404
    return verzoek


def verzoek_treffers(verzoek: Verzoek) -> list[VerzoekTreffer]:
    """The request's hits with the status metadata of their meldingen, oldest melding first."""
    return list(
        verzoek.treffers.select_related("melding__wijk", "melding__buurtteam")
        .defer("melding__text")
        .order_by("melding__created_at", "melding__pk")
    )


def verzoek_acties(verzoek: Verzoek) -> list[VerzoekActie]:
    """What was done with the request, in order, with who did it and the meldingen' references."""
    return list(
        verzoek.acties.select_related("user")
        .prefetch_related(Prefetch("meldingen", queryset=Melding.objects.only("pk", "reference")))
        .order_by("at", "pk")
    )


def treffers_selected(verzoek: Verzoek, references: list[str]) -> list[VerzoekTreffer]:
    """The hits of this request whose references were chosen; anything else is left out."""
    wanted = {ref for ref in references[: MAX_HITS + 1] if REFERENCE_RE.fullmatch(ref or "")}
    if not wanted:
        return []
    return list(
        verzoek.treffers.filter(melding__reference__in=wanted)
        .select_related("melding")
        .order_by("melding__created_at", "melding__pk")
    )


def verzoeken_recent(limit: int = RECENT_REQUESTS) -> list[Verzoek]:
    """The latest requests, with their hit counts and actions, for the coördinator's page."""
    return list(
        Verzoek.objects.select_related("user")
        .annotate(hit_count=Count("treffers", distinct=True))
        .prefetch_related(Prefetch("acties", queryset=VerzoekActie.objects.order_by("at", "pk")))
        .order_by("-created_at", "-pk")[:limit]
    )


def meldingen_full(ids: list[int]) -> list[Melding]:
    """The meldingen with everything a person's data holds, in a fixed number of queries."""
    return list(
        Melding.objects.filter(pk__in=ids)
        .select_related("wijk", "buurtteam", "melder", "betrokkene")
        .prefetch_related(
            "signalen",
            Prefetch("statuswijzigingen", queryset=StatusWijziging.objects.order_by("at", "pk")),
            "contactpogingen",
            "notities",
            "verwijzingen__activiteit",
            "verwijzingen__organisatie",
            Prefetch("uitberichten", queryset=Uitbericht.objects.order_by("created_at", "pk")),
        )
        .order_by("created_at", "pk")
    )


def with_meldingen(treffers: list[VerzoekTreffer]) -> list[tuple[VerzoekTreffer, Melding]]:
    """Each hit with its melding in full (meldingen_full), in the hits' order."""
    meldingen = {m.pk: m for m in meldingen_full([t.melding_id for t in treffers])}
    return [(t, meldingen[t.melding_id]) for t in treffers if t.melding_id in meldingen]


def rollen(treffer: VerzoekTreffer, melding: Melding) -> set[str]:
    """The person's part in the melding: reporter, person concerned, or only named in a text.

    Whoever reports about themselves is both.
    """
    places = set(treffer.vindplaatsen)
    found = set()
    if places & AS_MELDER:
        found.add(Rol.MELDER)
    if places & AS_BETROKKENE:
        found.add(Rol.BETROKKENE)
    if found and melding.about_self:
        found = {Rol.MELDER, Rol.BETROKKENE}
    return found or {Rol.GENOEMD}


# --- the access log --------------------------------------------------------------------------


def may_see_access_log(user) -> bool:
    """The coördinator sees all of it, a buurtteam member their team's part; others nothing."""
    return is_coordinator(user) or roles.has_role(user, roles.BUURTTEAM)


def toegang_visible_to(user) -> QuerySet:
    """The rows of the access log this user may read."""
    if is_coordinator(user):
        return Toegang.objects.all()
    if roles.has_role(user, roles.BUURTTEAM):
        return Toegang.objects.filter(melding__buurtteam_id__in=team_ids(user))
    return Toegang.objects.none()


def toegang_rows(*, user, viewer=None, reference: str = "") -> QuerySet:
    """The visible rows, newest first, narrowed to one staff member and/or one melding.

    The melding's free text is not read: the page shows its reference only.
    """
    queryset = toegang_visible_to(user)
    if viewer is not None:
        queryset = queryset.filter(user=viewer)
    if reference:
        queryset = queryset.filter(melding__reference=reference)
    return (
        queryset.select_related("user", "melding__buurtteam")
        .defer("melding__text")
        .order_by("-at", "-pk")
    )


def toegang_viewers(user) -> QuerySet:
    """The staff members who appear in the part of the log this user may read, by name."""
    ids = toegang_visible_to(user).values("user_id")
    return get_user_model().objects.filter(pk__in=ids).order_by("username")
