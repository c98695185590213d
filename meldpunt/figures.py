"""Figures of the meldpunt for monitoring: per wijk and per month or half year, no persons.

Suppression: with `suppress_below=k` (default 5) a count from 1 to k-1 becomes None, and so do
the median and the share when they rest on fewer than k meldingen. A zero stays 0: it says
nothing about anyone. The reporter roles add up to the number of meldingen, so when only one role
is hidden it could be worked out by subtraction; the smallest other role is then hidden as well.
Pass `suppress_below=None` only for the staff pages themselves.

Within the deadline: of the meldingen whose first contact was made, or whose deadline has passed
without it, the share where contact came in time. Cancelled meldingen (duplicates, abuse) don't
count for the deadline.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from statistics import median
from typing import Literal

from django.utils import timezone

from wijken.models import Wijk

from .constants import MelderRol, Status, Uitkomst, VerwijzingSoort
from .deadlines import LOCAL, first_contact_due
from .models import Melding, Verwijzing

Period = Literal["month", "halfyear"]


@dataclass(frozen=True)
class FigureRow:
    wijk: Wijk | None  # None: meldingen without a known wijk
    period_start: date
    period_label: str  # "2026-03" or "2026-H1"
    meldingen: int | None
    roles: dict[str, int | None] = field(default_factory=dict)  # MelderRol code → count
    median_hours_to_first_contact: float | None = None
    within_deadline_share: float | None = None  # 0.0–1.0
    outcomes: dict[str, int | None] = field(default_factory=dict)  # Uitkomst code → count
    referrals: dict[str, int | None] = field(default_factory=dict)  # VerwijzingSoort → count


def _period_start(day: date, period: Period) -> date:
    if period == "month":
        return day.replace(day=1)
    return date(day.year, 1 if day.month <= 6 else 7, 1)


def _period_label(start: date, period: Period) -> str:
    if period == "month":
        return f"{start:%Y-%m}"
    return f"{start.year}-H{1 if start.month == 1 else 2}"


def _periods(start: date, end: date, period: Period) -> list[date]:
    step = 1 if period == "month" else 6
    current, result = _period_start(start, period), []
    while current < end:
        result.append(current)
        month = current.month - 1 + step
        current = date(current.year + month // 12, month % 12 + 1, 1)
    return result


def _local_midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=LOCAL)


class _Group:
    """What is gathered for one wijk and period before it becomes a row."""

    def __init__(self):
        self.count = 0
        self.roles = Counter()
        self.outcomes = Counter()
        self.referrals = Counter()
        self.hours = []
        self.deadline_known = 0
        self.deadline_met = 0

    def add(self, melding: dict, now: datetime) -> None:
        self.count += 1
        self.roles[melding["melder__role"]] += 1
        if melding["status"] == Status.AFGESLOTEN and melding["outcome"]:
            self.outcomes[melding["outcome"]] += 1
        created, contact = melding["created_at"], melding["first_contact_at"]
        if contact is not None:
            self.hours.append((contact - created).total_seconds() / 3600)
        if melding["status"] == Status.GEANNULEERD:
            return
        due = melding["first_contact_due"] or first_contact_due(created, urgent=melding["urgent"])
        if contact is not None:
            self.deadline_known += 1
            self.deadline_met += contact <= due
        elif now > due:
            self.deadline_known += 1


def _suppress(value: int, below: int | None) -> int | None:
    return None if below and 0 < value < below else value


def _suppress_parts(counts: dict[str, int], total_shown: bool, below: int | None) -> dict:
    shown = {code: _suppress(n, below) for code, n in counts.items()}
    hidden = [code for code, n in shown.items() if n is None]
    if below and total_shown and len(hidden) == 1:
        # One hidden part of a shown total is the total minus the rest: hide one more.
        rest = sorted((n, code) for code, n in shown.items() if n is not None)
        if rest:
            shown[rest[0][1]] = None
    return shown


def _row(wijk, start: date, period: Period, group: _Group, below: int | None) -> FigureRow:
    count = _suppress(group.count, below)
    enough_contacts = group.hours and not (below and len(group.hours) < below)
    enough_deadlines = group.deadline_known and not (below and group.deadline_known < below)
    return FigureRow(
        wijk=wijk,
        period_start=start,
        period_label=_period_label(start, period),
        meldingen=count,
        roles=_suppress_parts(
            {code: group.roles[code] for code in MelderRol.values}, count is not None, below
        ),
        median_hours_to_first_contact=round(median(group.hours), 1) if enough_contacts else None,
        within_deadline_share=(
            round(group.deadline_met / group.deadline_known, 3) if enough_deadlines else None
        ),
        outcomes={code: _suppress(group.outcomes[code], below) for code in Uitkomst.values},
        referrals={
            code: _suppress(group.referrals[code], below) for code in VerwijzingSoort.values
        },
    )


def melding_figures(
    *,
    period: Period,
    start: date,
    end: date,
    suppress_below: int | None = 5,
    now: datetime | None = None,
) -> list[FigureRow]:
    """Figures per wijk and period for meldingen received from `start` up to (not including)
    `end`, local dates.

    One row for every wijk and every period in the range, zeros included, plus rows for
    meldingen without a wijk when there are any; ordered by wijk name, then period. Three
    queries whatever the number of meldingen: the wijken, the meldingen, their referrals.
    `now` decides which deadlines have passed (default: the current time).
    """
    if period not in ("month", "halfyear"):
        raise ValueError(f"period must be 'month' or 'halfyear', not {period!r}")
    now = now or timezone.now()
    window = {
        "created_at__gte": _local_midnight(start),
        "created_at__lt": _local_midnight(end),
    }
    wijken = {w.pk: w for w in Wijk.objects.order_by("name")}
    meldingen = Melding.objects.filter(**window).values(
        "pk",
        "wijk_id",
        "created_at",
        "first_contact_at",
        "first_contact_due",
        "urgent",
        "status",
        "outcome",
        "melder__role",
    )
    groups: dict[tuple, _Group] = defaultdict(_Group)
    key_of = {}
    for melding in meldingen:
        day = timezone.localtime(melding["created_at"], LOCAL).date()
        key = (melding["wijk_id"], _period_start(day, period))
        key_of[melding["pk"]] = key
        groups[key].add(melding, now)
    referrals = Verwijzing.objects.filter(**{f"melding__{k}": v for k, v in window.items()})
    for melding_id, kind in referrals.values_list("melding_id", "kind"):
        if melding_id in key_of:
            groups[key_of[melding_id]].referrals[kind] += 1

    periods = _periods(start, end, period)
    wijk_ids = list(wijken) + ([None] if any(k[0] is None for k in groups) else [])
    return [
        _row(
            wijken.get(wijk_id),
            first,
            period,
            groups.get((wijk_id, first), _Group()),
            suppress_below,
        )
        for wijk_id in wijk_ids
        for first in periods
    ]
