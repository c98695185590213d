"""Reads of other apps' tables that their own selectors don't offer (yet).

ARCHITECTURE.md lets monitoring read every app. Where the owning app has a selector or
QuerySet method (meldpunt.figures, coalitie.selectors.coalitie_cijfers, aanbod's
`Activiteit.objects.public()`, pijlers' `Actie.objects.with_shown_status()` and
`Verhaal.objects.published()`), it is used here; what is missing is written against their
models, each with one query whatever the number of rows. Move these into the owning app when
it grows the same read.
"""

from datetime import date, datetime

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from aanbod.constants import Moderatie
from aanbod.constants import Status as AanbodStatus
from aanbod.models import Activiteit
from aanbod.querysets import STALE_AFTER
from aanbod.selectors import RECHECK_AFTER, REMIND_AFTER
from pijlers.models import Actie, Telling, Verhaal, Voortgang
from wijken.models import Wijk


def wijken_all() -> list[Wijk]:
    return list(Wijk.objects.order_by("name"))


def aanbod_freshness(*, now: datetime) -> dict[str, int]:
    """Approved, running activities by how long ago someone confirmed them (aanbod's own
    rhythm: a reminder at 180 days, the kartrekker's list at 210, out of search at 365).
    One query. Not in aanbod's selectors: its werkruimte lists activities, it doesn't count."""
    running = Q(status=AanbodStatus.ACTIEF, moderatie=Moderatie.GOEDGEKEURD)
    counts = Activiteit.objects.filter(running).aggregate(
        vers=Count("pk", filter=Q(assured_at__gt=now - REMIND_AFTER)),
        herinnerd=Count(
            "pk",
            filter=Q(assured_at__lte=now - REMIND_AFTER, assured_at__gt=now - RECHECK_AFTER),
        ),
        controleren=Count(
            "pk",
            filter=Q(assured_at__lte=now - RECHECK_AFTER, assured_at__gt=now - STALE_AFTER),
        ),
        verlopen=Count("pk", filter=Q(assured_at__lte=now - STALE_AFTER)),
        nooit=Count("pk", filter=Q(assured_at__isnull=True)),
    )
    return counts


def activiteiten_per_wijk(*, now: datetime) -> tuple[dict[int, int], int]:
    """Public activities that list each wijk (wijk id → count), and those for all of
    Hilversum. Two queries. aanbod.selectors.coverage_gaps counts per target group and
    weekday, not in total, and costs six queries."""
    public = Activiteit.objects.public(now=now)
    per_wijk = dict(
        Activiteit.wijken.through.objects.filter(
            activiteit__in=public.filter(heel_hilversum=False).values("pk")
        )
        .values_list("wijk_id")
        .annotate(n=Count("activiteit_id", distinct=True))
        .values_list("wijk_id", "n")
        .order_by()
    )
    return per_wijk, public.filter(heel_hilversum=True).count()


def acties_with_progress(*, quarter: str, start: date, end: date) -> list[Actie]:
    """Every action with its shown status at `quarter`, its pillar, the progress written from
    `start` up to (not including) `end` in `period_voortgang`, and its reach targets. Three
    queries. pijlers.selectors.actie_detail does this for one action only."""
    return list(
        Actie.objects.for_lists(quarter).prefetch_related(
            Prefetch(
                "voortgang",
                queryset=Voortgang.objects.filter(date__gte=start, date__lt=end).order_by(
                    "date", "pk"
                ),
                to_attr="period_voortgang",
            ),
            "tellingen",
        )
    )


def tellingen_all() -> list[Telling]:
    """Every reach target with its action and pillar, in the order of the programme."""
    return list(
        Telling.objects.select_related("actie__pijler").order_by(
            "actie__pijler__number", "actie__position", "actie_id", "period", "pk"
        )
    )


def verhalen_published(*, start: datetime | None = None, end: datetime | None = None, limit=5):
    """Stories with consent, newest first, optionally only those added in a period (local
    midnight bounds). pijlers.selectors.verhalen_public has no period and no action."""
    queryset = Verhaal.objects.published().select_related("wijk", "actie")
    if start is not None:
        queryset = queryset.filter(created_at__gte=start)
    if end is not None:
        queryset = queryset.filter(created_at__lt=end)
    return list(queryset.order_by("-created_at", "-pk")[:limit])


def local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day))
