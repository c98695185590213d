"""The campaign agenda as an iCalendar feed (RFC 5545) that calendars can subscribe to.

A period without times (a campaign week, the summer) is an all-day event: DTSTART and DTEND as
dates, DTEND the day after the last day. Items with a time are in Amsterdam local time with
their VTIMEZONE.
"""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from icalendar import Calendar, Event

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PRODID = "-//Gemeente Hilversum//Samen tegen eenzaamheid agenda//NL"
# The name calendar apps show for the subscription, in the language of the feed's address.
CALENDAR_NAME = _("Samen tegen eenzaamheid – agenda Hilversum")
TIMEZONE_YEARS_AHEAD = 5


def _event(item, *, page_url: str, domain: str, stamp: datetime) -> Event:
    event = Event()
    uid = getattr(item, "feed_uid", "") or f"agenda-{item.pk}"  # coalition meetings: their own
    event.add("uid", f"{uid}@{domain}")
    event.add("dtstamp", stamp)
    event.add("summary", item.title)
    if item.start_time is None:
        event.add("dtstart", item.start_date)
        event.add("dtend", item.last_day + timedelta(days=1))
    else:
        event.add("dtstart", datetime.combine(item.start_date, item.start_time, tzinfo=AMSTERDAM))
        if item.end_time is not None:
            end = datetime.combine(item.last_day, item.end_time, tzinfo=AMSTERDAM)
            event.add("dtend", end)
    if item.place:
        event.add("location", item.place)
    link = item.url or page_url
    event.add("description", "\n\n".join(p for p in [item.description, link] if p))
    event.add("url", link)
    return event


def agenda_calendar(items, *, page_url: str, domain: str, now: datetime | None = None) -> bytes:
    """The iCalendar file of the given agenda items."""
    now = now or timezone.now()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", str(CALENDAR_NAME))
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    first_dates = [timezone.localtime(now).date()]
    for item in items:
        event = _event(item, page_url=page_url, domain=domain, stamp=now.astimezone(UTC))
        calendar.add_component(event)
        first_dates.append(item.start_date)
    calendar.add_missing_timezones(
        first_date=date(min(first_dates).year, 1, 1),
        last_date=date(max(first_dates).year + TIMEZONE_YEARS_AHEAD, 1, 1),
    )
    return calendar.to_ical()
