"""Reads of the case workflow: who sees which meldingen, and how much of them.

- A buurtteam member sees the meldingen of their own team(s), with personal data. A melding of
  another team does not exist for them (404).
- The meldpunt-coördinator (and a superuser) sees every melding's status metadata in the list,
  and opens the personal data only of open meldingen in the triage queue (no team yet): that is
  what assigning needs. Once a team has it, the data is the team's: the coördinator sees the
  stand of the case only (`melding_stand`), which is enough to give it to another team.
- Every other role sees no list and no detail (403); the kartrekker gets counts only.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from django.db.models import BooleanField, Case, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from aanbod.indexing import normalise
from aanbod.models import Activiteit
from hilversum_eenzaamheid import roles

from .constants import CLOSED_STATUSES
from .models import Buurtteam, Melding, StatusWijziging

MAX_REFERRAL_RESULTS = 10
REFERENCE_RE = re.compile(r"[A-Z0-9-]{1,20}")


def is_coordinator(user) -> bool:
    return bool(
        user.is_authenticated
        and (user.is_superuser or roles.has_role(user, roles.MELDPUNT_COORDINATOR))
    )


def team_ids(user) -> frozenset[int]:
    """Ids of the buurtteams the user is a member of (one query, kept on the user object)."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_meldpunt_team_ids"):
        user._meldpunt_team_ids = frozenset(user.buurtteams.values_list("pk", flat=True))
    return user._meldpunt_team_ids


def may_see_list(user) -> bool:
    """The case list is for buurtteam members and the coördinator; others get a 403."""
    return is_coordinator(user) or roles.has_role(user, roles.BUURTTEAM)


def meldingen_visible_to(user) -> QuerySet:
    """The meldingen in the user's list (metadata only; personal data is the detail page's)."""
    if is_coordinator(user):
        return Melding.objects.all()
    if roles.has_role(user, roles.BUURTTEAM):
        return Melding.objects.filter(buurtteam_id__in=team_ids(user))
    return Melding.objects.none()


def overdue_q(now: datetime) -> Q:
    """Open, no first contact yet, and the deadline for it has passed."""
    return Q(first_contact_due__lt=now, first_contact_at__isnull=True) & ~Q(
        status__in=CLOSED_STATUSES
    )


def werkruimte_meldingen(
    *,
    user,
    status: str = "",
    wijk=None,
    buurtteam: Buurtteam | None = None,
    without_team: bool = False,
    overdue: bool = False,
    now: datetime | None = None,
) -> QuerySet:
    """The user's list: filtered, overdue first, then oldest first. Two tables, one query.

    `buurtteam` narrows to one team's meldingen, `without_team` to those no team has; neither
    widens what the user may see.
    """
    now = now or timezone.now()
    queryset = meldingen_visible_to(user)
    if status:
        queryset = queryset.filter(status=status)
    if wijk is not None:
        queryset = queryset.filter(wijk=wijk)
    if buurtteam is not None:
        queryset = queryset.filter(buurtteam=buurtteam)
    elif without_team:
        queryset = queryset.filter(buurtteam__isnull=True)
    if overdue:
        queryset = queryset.filter(overdue_q(now))
    return (
        queryset.select_related("wijk", "buurtteam")
        .annotate(
            is_overdue=Case(
                When(overdue_q(now), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("-is_overdue", "created_at", "pk")
    )


def triage_meldingen() -> QuerySet:
    """Open meldingen without a team, oldest first: the coördinator's queue."""
    return Melding.objects.in_triage().select_related("wijk").order_by("created_at", "pk")


def buurtteams_for_choice(*, exclude: int | None = None) -> QuerySet:
    """The teams a melding can be given to, by name; `exclude`: the team that has it now."""
    queryset = Buurtteam.objects.order_by("name")
    if exclude is not None:
        queryset = queryset.exclude(pk=exclude)
    return queryset


@dataclass(frozen=True)
class Access:
    full: bool  # personal data and the case forms
    work: bool  # may change status, log attempts, add notes and referrals


def may_open(user, melding: Melding) -> bool:
    """Whether the user may open the personal data of this melding (no query of its own)."""
    if melding.buurtteam_id is not None and melding.buurtteam_id in team_ids(user):
        return True
    in_triage = melding.buurtteam_id is None and melding.status not in CLOSED_STATUSES
    return in_triage and is_coordinator(user)


def access_for(user, melding: Melding) -> Access:
    """How much of this melding the user may open; raises Http404 for another team's melding."""
    if melding.buurtteam_id is not None and melding.buurtteam_id in team_ids(user):
        return Access(full=True, work=True)
    if is_coordinator(user):
        in_triage = melding.buurtteam_id is None and melding.status not in CLOSED_STATUSES
        return Access(full=in_triage, work=False)
    raise Http404


def melding_by_reference(reference: str) -> Melding:
    """The melding with this reference; Http404 for anything that is not one (no query then)."""
    if not REFERENCE_RE.fullmatch(reference or ""):
        raise Http404
    melding = Melding.objects.filter(reference=reference).first()
    if melding is None:
        raise Http404
    return melding


def melding_for_case(*, user, reference: str) -> tuple[Melding, Access]:
    """The melding with this reference as the user may see it; 404 when not theirs to see."""
    melding = melding_by_reference(reference)
    return melding, access_for(user, melding)


def melding_detail(pk: int) -> Melding:
    """The melding with everything the detail page shows, in a fixed number of queries."""
    return (
        Melding.objects.select_related(
            "wijk", "buurtteam", "melder", "betrokkene", "linked_to", "entered_by"
        )
        .prefetch_related(
            "signalen",
            "herhalingen",
            Prefetch(
                "statuswijzigingen",
                queryset=StatusWijziging.objects.select_related("user").order_by("at", "pk"),
            ),
            "contactpogingen__user",
            "notities__user",
            "verwijzingen__activiteit",
            "verwijzingen__organisatie",
            "verwijzingen__user",
        )
        .get(pk=pk)
    )


def melding_stand(pk: int) -> Melding:
    """The melding as the coördinator sees a team's case: status metadata, no personal data.

    The free text and the reasons in the history are not even read (they may name people), and
    the reporter and the person concerned are not joined: a template that tried to show them
    would cost a query per row, which the query-count tests catch.
    """
    return (
        Melding.objects.select_related("wijk", "buurtteam")
        .defer("text")
        .prefetch_related(
            Prefetch(
                "statuswijzigingen",
                queryset=StatusWijziging.objects.select_related("user")
                .defer("reason")
                .order_by("at", "pk"),
            )
        )
        .get(pk=pk)
    )


def activiteiten_search(query: str):
    """Up to ten public activities whose name or search text holds the (normalised) words."""
    # PostgreSQL refuses NUL in text; it is never part of a word anyway.
    words = normalise((query or "").replace("\x00", ""))[:100].split()
    if not words:
        return []
    queryset = Activiteit.objects.public().select_related("organisatie")
    for word in words[:8]:
        queryset = queryset.filter(Q(search_text__contains=word) | Q(name__icontains=word))
    return list(queryset.order_by("name", "pk")[:MAX_REFERRAL_RESULTS])


def activiteit_for_referral(pk: str) -> Activiteit | None:
    """The public activity with this id, or None (also for an id that is not a number)."""
    if not str(pk).isdigit() or len(str(pk)) > 18:
        return None
    return Activiteit.objects.public().filter(pk=int(pk)).first()
