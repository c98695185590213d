"""An activity as an iCalendar file (RFC 5545) that imports into a phone's calendar.

One VEVENT per schedule, in Amsterdam local time with its VTIMEZONE, the preset as an RRULE and
the dates that fall in exceptions as EXDATEs, so calendars show the same dates as the site.
"""

from datetime import UTC, date, datetime, time

from dateutil import rrule
from django.utils import timezone
from icalendar import Calendar, Event

from hilversum_eenzaamheid.vertalen import vertaald

from .constants import Herhaling
from .display import address_line, rooster_is_current
from .schedules import AMSTERDAM, recurrence_parts, recurrence_rule

PRODID = "-//Gemeente Hilversum//Samen tegen eenzaamheid//NL"
# How far ahead the generated VTIMEZONE lists the summer-time switches.
TIMEZONE_YEARS_AHEAD = 20


def _first_start(rooster) -> datetime | None:
    """The first real occurrence: RFC 5545 counts DTSTART as one, so it must fit the rule."""
    return next(iter(recurrence_rule(rooster)), None)


def _excluded_starts(rooster, rule: rrule.rrule) -> list[datetime]:
    """Each occurrence that falls inside an exception, as an aware local datetime."""
    found: set[datetime] = set()
    for uitzondering in rooster.uitzonderingen.all():
        found.update(
            rule.between(
                datetime.combine(uitzondering.start_date, time.min),
                datetime.combine(uitzondering.end_date, time.max),
                inc=True,
            )
        )
    return [naive.replace(tzinfo=AMSTERDAM) for naive in sorted(found)]


def _rrule(rooster) -> dict:
    parts = recurrence_parts(rooster)
    value = {"freq": parts["freq"], "interval": parts["interval"], "wkst": "MO"}
    if parts["byday"]:
        value["byday"] = parts["byday"]
    if rooster.end_date:
        # With a TZID on DTSTART, RFC 5545 wants UNTIL in UTC; the end date is inclusive.
        last_moment = datetime.combine(rooster.end_date, time(23, 59, 59), tzinfo=AMSTERDAM)
        value["until"] = last_moment.astimezone(UTC)
    return value


def _location(rooster) -> str:
    locatie = rooster.locatie
    if locatie is None:
        return ""
    return ", ".join(p for p in [locatie.name, address_line(locatie)] if p)


def _description(activiteit, rooster, url: str) -> str:
    parts = [vertaald(activiteit, "short_description"), rooster.note, url]
    return "\n\n".join(p for p in parts if p)


def rooster_event(rooster, *, activiteit, url: str, domain: str, stamp: datetime) -> Event | None:
    """The VEVENT of one schedule, or None when it never takes place."""
    rule = recurrence_rule(rooster)
    first = _first_start(rooster)
    if first is None:
        return None
    excluded = _excluded_starts(rooster, rule)
    single = rooster.herhaling == Herhaling.EENMALIG
    if single and excluded:
        return None
    start = first.replace(tzinfo=AMSTERDAM)
    event = Event()
    event.add("uid", f"{activiteit.uuid}-{rooster.pk}@{domain}")
    event.add("dtstamp", stamp)
    event.add("summary", vertaald(activiteit, "name"))
    event.add("dtstart", start)
    if rooster.end_time:
        event.add("dtend", datetime.combine(start.date(), rooster.end_time, tzinfo=AMSTERDAM))
    if not single:
        event.add("rrule", _rrule(rooster))
        if excluded:
            event.add("exdate", excluded)
    if location := _location(rooster):
        event.add("location", location)
    locatie = rooster.locatie
    if locatie and locatie.latitude is not None and locatie.longitude is not None:
        event.add("geo", (float(locatie.latitude), float(locatie.longitude)))
    event.add("description", _description(activiteit, rooster, url))
    event.add("url", url)
    return event


def activiteit_calendar(activiteit, *, url: str, domain: str, now: datetime | None = None) -> bytes:
    """The iCalendar file of an activity's current schedules (uses prefetched rows)."""
    now = now or timezone.now()
    today = now.astimezone(AMSTERDAM).date()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", vertaald(activiteit, "name"))
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    first_dates = [today]
    for rooster in activiteit.roosters.all():
        if not rooster_is_current(rooster, today):
            continue
        event = rooster_event(
            rooster, activiteit=activiteit, url=url, domain=domain, stamp=now.astimezone(UTC)
        )
        if event is not None:
            calendar.add_component(event)
            first_dates.append(event.DTSTART.date())
    # From 1 January, so the VTIMEZONE opens with winter time and lists every switch after it.
    calendar.add_missing_timezones(
        first_date=date(min(first_dates).year, 1, 1),
        last_date=date(today.year + TIMEZONE_YEARS_AHEAD, 1, 1),
    )
    return calendar.to_ical()
