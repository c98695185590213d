from datetime import UTC, date, datetime, time, timedelta
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rruleset, rrulestr
from django.urls import reverse
from icalendar import Calendar

from aanbod.constants import Herhaling, Moderatie, Status, WeekVanDeMaand
from aanbod.models import RoosterUitzondering
from aanbod.schedules import occurrences
from tests.aanbod.factories import ActiviteitFactory, RoosterFactory

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 10, 1, 12, 0, tzinfo=AMS)
pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def download(client, activiteit, moment=NOW):
    with patch("django.utils.timezone.now", return_value=moment):
        return client.get(reverse("aanbod:ics", args=[activiteit.slug]))


def calendar_of(client, activiteit) -> Calendar:
    response = download(client, activiteit)
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def events(calendar) -> list:
    return calendar.walk("VEVENT")


def expand(event, *, after: datetime, count: int) -> list[datetime]:
    """What a calendar app makes of the event: RRULE minus EXDATEs, from DTSTART in its zone."""
    rules = rruleset()
    if event.rrules:
        for recur in event.rrules:
            rules.rrule(rrulestr(recur.to_ical().decode(), dtstart=event.start))
    else:
        rules.rdate(event.start)
    for excluded in event.exdates:
        rules.exdate(excluded)
    found = []
    for start in rules.xafter(after, inc=True):
        found.append(start)
        if len(found) == count:
            break
    return found


def site_dates(rooster, *, after: datetime, count: int) -> list[datetime]:
    return [o.start for o in occurrences(rooster, after=after, count=count)]


def exception(rooster, start, end, reason=""):
    RoosterUitzondering.objects.create(
        rooster=rooster, start_date=start, end_date=end, reason=reason
    )


def test_calendar_file_is_a_utf8_download_named_after_the_activity(client):
    rooster = RoosterFactory(activiteit__slug="koffie-ochtend")
    response = download(client, rooster.activiteit)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == "attachment; filename=koffie-ochtend.ics"
    assert response.content.startswith(b"BEGIN:VCALENDAR")


def test_weekly_event_expands_to_the_same_dates_as_the_site_across_the_end_of_summer_time(client):
    # Summer time ends on Sunday 25 October 2026: 14:00 local stays 14:00 on both sides.
    rooster = RoosterFactory(zondag=True, dinsdag=False, start_date=date(2026, 9, 1))
    (event,) = events(calendar_of(client, rooster.activiteit))
    after = datetime(2026, 10, 10, tzinfo=AMS)
    from_calendar = expand(event, after=after, count=6)
    assert from_calendar == site_dates(rooster, after=after, count=6)
    assert [(s.day, s.hour, s.utcoffset()) for s in from_calendar[1:4]] == [
        (18, 14, timedelta(hours=2)),
        (25, 14, timedelta(hours=1)),
        (1, 14, timedelta(hours=1)),
    ]


def test_event_is_in_amsterdam_time_with_its_vtimezone(client):
    rooster = RoosterFactory(start_date=date(2026, 9, 1))
    response = download(client, rooster.activiteit)
    calendar = Calendar.from_ical(response.content)
    (event,) = events(calendar)
    assert b"DTSTART;TZID=Europe/Amsterdam:20260901T140000" in response.content
    assert b"DTEND;TZID=Europe/Amsterdam:20260901T160000" in response.content
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Amsterdam"]
    assert calendar.get_missing_tzids() == set()
    # The VTIMEZONE itself knows both switches of 2026 and 2027.
    vtimezone = calendar.timezones[0].to_ical()
    for switch in [b"20261025", b"20270328", b"20271031"]:
        assert switch in vtimezone
    assert event.start == datetime(2026, 9, 1, 14, 0, tzinfo=AMS)


def test_summer_break_becomes_one_exdate_per_meeting_inside_it(client):
    rooster = RoosterFactory(dinsdag=True, donderdag=True, start_date=date(2026, 9, 1))
    exception(rooster, date(2027, 7, 12), date(2027, 7, 25), "Zomerstop")
    exception(rooster, date(2026, 12, 31), date(2026, 12, 31), "Oudjaar")
    (event,) = events(calendar_of(client, rooster.activiteit))
    assert sorted(event.exdates) == [
        datetime(2026, 12, 31, 14, 0, tzinfo=AMS),
        datetime(2027, 7, 13, 14, 0, tzinfo=AMS),
        datetime(2027, 7, 15, 14, 0, tzinfo=AMS),
        datetime(2027, 7, 20, 14, 0, tzinfo=AMS),
        datetime(2027, 7, 22, 14, 0, tzinfo=AMS),
    ]
    after = datetime(2026, 12, 20, tzinfo=AMS)
    assert expand(event, after=after, count=70) == site_dates(rooster, after=after, count=70)


@pytest.mark.parametrize(
    "fields",
    [
        {"herhaling": Herhaling.TWEEWEKELIJKS, "maandag": True, "donderdag": True},
        # Starts on a Wednesday: DTSTART must move to the first Friday, not stay on Wednesday.
        {"herhaling": Herhaling.TWEEWEKELIJKS, "vrijdag": True, "start_date": date(2026, 9, 2)},
        {
            "herhaling": Herhaling.MAANDELIJKS,
            "vrijdag": True,
            "week_van_de_maand": WeekVanDeMaand.LAATSTE,
        },
        {"herhaling": Herhaling.MAANDELIJKS, "woensdag": True, "week_van_de_maand": 2},
    ],
)
def test_every_preset_expands_to_the_same_dates_as_the_site(client, fields):
    values = {"dinsdag": False, "start_date": date(2026, 8, 31), **fields}
    rooster = RoosterFactory(**values)
    exception(rooster, date(2026, 12, 21), date(2027, 1, 3), "Kerstvakantie")
    (event,) = events(calendar_of(client, rooster.activiteit))
    assert event.start == site_dates(rooster, after=datetime(2026, 1, 1, tzinfo=AMS), count=1)[0]
    after = datetime(2026, 9, 1, tzinfo=AMS)
    assert expand(event, after=after, count=30) == site_dates(rooster, after=after, count=30)


def test_end_date_becomes_until_in_utc_and_ends_on_that_day(client):
    rooster = RoosterFactory(start_date=date(2026, 9, 1), end_date=date(2027, 3, 30))
    (event,) = events(calendar_of(client, rooster.activiteit))
    (recur,) = event.rrules
    (until,) = recur["UNTIL"]
    assert until.tzinfo is not None and until.utcoffset() == timedelta(0)
    assert until == datetime(2027, 3, 30, 23, 59, 59, tzinfo=AMS).astimezone(UTC)
    dates = expand(event, after=datetime(2027, 3, 1, tzinfo=AMS), count=10)
    assert dates == site_dates(rooster, after=datetime(2027, 3, 1, tzinfo=AMS), count=10)
    assert dates[-1].date() == date(2027, 3, 30)


def test_single_date_has_no_rule_and_a_cancelled_one_is_left_out(client):
    festival = RoosterFactory(
        herhaling=Herhaling.EENMALIG, dinsdag=False, start_date=date(2027, 6, 29), end_time=None
    )
    cancelled = RoosterFactory(
        activiteit=festival.activiteit,
        herhaling=Herhaling.EENMALIG,
        dinsdag=False,
        start_date=date(2027, 5, 5),
    )
    exception(cancelled, date(2027, 5, 5), date(2027, 5, 5))
    (event,) = events(calendar_of(client, festival.activiteit))
    assert "RRULE" not in event
    assert "DTEND" not in event
    assert event.start == datetime(2027, 6, 29, 14, 0, tzinfo=AMS)


def test_schedules_that_have_ended_are_left_out(client):
    current = RoosterFactory(start_date=date(2026, 1, 6))
    RoosterFactory(activiteit=current.activiteit, end_date=date(2026, 6, 30))
    (event,) = events(calendar_of(client, current.activiteit))
    assert event["UID"].startswith(f"{current.activiteit.uuid}-{current.pk}@")


def test_event_describes_the_activity_with_a_stable_uid(client):
    rooster = RoosterFactory(
        activiteit__name="Wandelgroep Zuid",
        activiteit__short_description="Samen een uur wandelen.",
        locatie__name="Buurthuis Zuid",
        locatie__street_address="Laan 5",
        locatie__postcode="1215 AA",
        note="Verzamelen bij de ingang.",
    )
    first = events(calendar_of(client, rooster.activiteit))[0]
    second = events(calendar_of(client, rooster.activiteit))[0]
    url = f"http://testserver/aanbod/{rooster.activiteit.slug}/"
    assert first["UID"] == second["UID"] == f"{rooster.activiteit.uuid}-{rooster.pk}@testserver"
    assert first["SUMMARY"] == "Wandelgroep Zuid"
    assert first["LOCATION"] == "Buurthuis Zuid, Laan 5, 1215 AA Hilversum"
    assert first["DESCRIPTION"] == f"Samen een uur wandelen.\n\nVerzamelen bij de ingang.\n\n{url}"
    assert first["URL"] == url
    assert "DTSTAMP" in first


def test_one_event_per_schedule(client):
    rooster = RoosterFactory()
    RoosterFactory(activiteit=rooster.activiteit, dinsdag=False, zaterdag=True)
    assert len(events(calendar_of(client, rooster.activiteit))) == 2


@pytest.mark.parametrize(
    "fields",
    [
        {"moderatie": Moderatie.WACHT},
        {"status": Status.GEPAUZEERD},
        {"assured_at": datetime(2025, 1, 1, tzinfo=UTC)},
    ],
)
def test_calendar_of_activity_that_is_not_public_is_not_found(client, fields):
    activiteit = ActiviteitFactory(**fields)
    RoosterFactory(activiteit=activiteit, start_time=time(10, 0), end_time=time(11, 0))
    assert download(client, activiteit).status_code == 404
