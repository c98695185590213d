"""The agenda as an iCalendar feed: periods as all-day events, times in Amsterdam."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.pijlers.factories import AgendaItemFactory

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

FEED = reverse("agenda_ics")


def events(client) -> tuple[dict, Calendar]:
    response = client.get(FEED)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}, calendar


def test_campaign_period_is_an_all_day_event_ending_the_day_after(client, clock):
    found, _calendar = events(client)
    week = found["Week tegen Eenzaamheid 2027"]
    assert week.decoded("DTSTART") == date(2027, 9, 26)
    assert week.decoded("DTEND") == date(2027, 10, 4)  # DTEND is exclusive
    assert "Week tegen Eenzaamheid" in str(week["DESCRIPTION"])


def test_meeting_with_times_is_in_amsterdam_time_with_its_timezone(client, clock):
    AgendaItemFactory(
        title="Symposium",
        start_date=date(2027, 9, 30),
        start_time=time(13, 30),
        end_time=time(17),
        place="Raadhuis",
    )
    found, calendar = events(client)
    symposium = found["Symposium"]
    start = symposium.decoded("DTSTART")
    assert start == datetime(2027, 9, 30, 13, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert symposium["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert symposium.decoded("DTEND").hour == 17
    assert str(symposium["LOCATION"]) == "Raadhuis"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert str(symposium["UID"]).startswith("agenda-")


def test_feed_leaves_out_what_is_not_public_and_what_is_long_over(client, clock):
    AgendaItemFactory(title="Concept", start_date=date(2027, 1, 5), public=False)
    AgendaItemFactory(title="Lang geleden", start_date=date(2024, 5, 1))
    AgendaItemFactory(title="Vorige maand", start_date=date(2026, 10, 20))
    found, _calendar = events(client)
    assert "Concept" not in found
    assert "Lang geleden" not in found
    assert "Vorige maand" in found  # a calendar keeps the recent past
