"""Occurrences of schedules: presets → RFC 5545 recurrence rules (python-dateutil) in local time.

Rules run on naive wall-clock times in Europe/Amsterdam and only get their time zone at the end,
so an activity at 14:00 stays at 14:00 on both sides of the switch to and from summer time.
"""

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from dateutil import rrule

from .constants import Herhaling

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
RRULE_WEEKDAYS = [rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU]
ICAL_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# Stop looking after this many skipped dates: a schedule cancelled for years has no next date.
MAX_SKIPPED = 1000


@dataclass(frozen=True)
class Occurrence:
    start: datetime  # aware, Europe/Amsterdam
    end: datetime | None
    rooster: object


def _weekdays(rooster) -> list[int]:
    return rooster.weekdays or [rooster.start_date.weekday()]


def recurrence_rule(rooster) -> rrule.rrule:
    """The dateutil rule of a schedule, on naive local datetimes."""
    dtstart = datetime.combine(rooster.start_date, rooster.start_time)
    until = datetime.combine(rooster.end_date, time.max) if rooster.end_date else None
    if rooster.herhaling == Herhaling.EENMALIG:
        return rrule.rrule(rrule.DAILY, count=1, dtstart=dtstart)
    if rooster.herhaling == Herhaling.MAANDELIJKS:
        day = RRULE_WEEKDAYS[_weekdays(rooster)[0]](rooster.week_van_de_maand or 1)
        return rrule.rrule(rrule.MONTHLY, byweekday=day, dtstart=dtstart, until=until)
    interval = 2 if rooster.herhaling == Herhaling.TWEEWEKELIJKS else 1
    days = [RRULE_WEEKDAYS[d] for d in _weekdays(rooster)]
    return rrule.rrule(
        rrule.WEEKLY, interval=interval, byweekday=days, dtstart=dtstart, until=until, wkst=rrule.MO
    )


def recurrence_parts(rooster) -> dict:
    """The RRULE as its RFC 5545 parts (freq, interval, byday, count), for iCalendar and HSDS."""
    if rooster.herhaling == Herhaling.EENMALIG:
        return {"freq": "DAILY", "interval": 1, "byday": [], "count": 1}
    if rooster.herhaling == Herhaling.MAANDELIJKS:
        position = rooster.week_van_de_maand or 1
        return {
            "freq": "MONTHLY",
            "interval": 1,
            "byday": [f"{position}{ICAL_DAYS[_weekdays(rooster)[0]]}"],
            "count": None,
        }
    return {
        "freq": "WEEKLY",
        "interval": 2 if rooster.herhaling == Herhaling.TWEEWEKELIJKS else 1,
        "byday": [ICAL_DAYS[d] for d in _weekdays(rooster)],
        "count": None,
    }


def is_excluded(rooster, day: date) -> bool:
    """True when the day falls in one of the schedule's exceptions (uses prefetched rows)."""
    if rooster.pk is None:  # an unsaved schedule (a form preview) has no exceptions yet
        return False
    return any(u.start_date <= day <= u.end_date for u in rooster.uitzonderingen.all())


def _localise(naive: datetime) -> datetime:
    return naive.replace(tzinfo=AMSTERDAM)


def occurrences(rooster, *, after: datetime, count: int) -> list[Occurrence]:
    """The next `count` occurrences that start at or after `after`, exceptions left out."""
    start_local = after.astimezone(AMSTERDAM).replace(tzinfo=None)
    duration = None
    if rooster.end_time:
        duration = datetime.combine(date.min, rooster.end_time) - datetime.combine(
            date.min, rooster.start_time
        )
    found: list[Occurrence] = []
    skipped = 0
    for naive in recurrence_rule(rooster).xafter(start_local, inc=True):
        if is_excluded(rooster, naive.date()):
            skipped += 1
            if skipped > MAX_SKIPPED:
                break
            continue
        start = _localise(naive)
        end = _localise(naive + duration) if duration else None
        found.append(Occurrence(start=start, end=end, rooster=rooster))
        if len(found) >= count:
            break
    return found


def next_occurrences(roosters, *, after: datetime, count: int = 5) -> list[Occurrence]:
    """The next `count` occurrences over several schedules of one activity, in time order."""
    merged = [o for r in roosters for o in occurrences(r, after=after, count=count)]
    return sorted(merged, key=lambda o: o.start)[:count]


def next_occurrence(roosters, *, after: datetime) -> datetime | None:
    found = next_occurrences(roosters, after=after, count=1)
    return found[0].start if found else None
