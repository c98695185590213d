"""Public coalition meetings appear in the agenda and its feed without entering them twice."""

from datetime import date, time

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.coalitie.factories import BijeenkomstFactory
from tests.pijlers.factories import AgendaItemFactory

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def test_a_public_coalition_meeting_is_in_the_agenda_in_date_order(client, clock):
    AgendaItemFactory(title="Kerstmarkt", start_date=date(2026, 12, 12))
    BijeenkomstFactory(
        title="Open coalitiebijeenkomst", date=date(2026, 12, 3), public=True, place="De Vorstin"
    )
    BijeenkomstFactory(title="Besloten overleg", date=date(2026, 12, 4), public=False)
    BijeenkomstFactory(title="Vorig jaar", date=date(2025, 12, 3), public=True)
    html = client.get(reverse("agenda")).content.decode()
    assert "Open coalitiebijeenkomst" in html and "De Vorstin" in html
    assert html.index("Open coalitiebijeenkomst") < html.index("Kerstmarkt")
    assert "Besloten overleg" not in html
    assert "Vorig jaar" not in html


def test_the_feed_gives_a_coalition_meeting_its_own_uid_and_amsterdam_time(client, clock):
    meeting = BijeenkomstFactory(
        title="Symposium", date=date(2027, 10, 1), start_time=time(13, 30), public=True
    )
    AgendaItemFactory(title="Eigen item", start_date=date(2027, 1, 5))
    calendar = Calendar.from_ical(client.get(reverse("agenda_ics")).content)
    found = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    symposium = found["Symposium"]
    assert str(symposium["UID"]).startswith(f"coalitie-bijeenkomst-{meeting.pk}@")
    assert str(found["Eigen item"]["UID"]).startswith("agenda-")
    assert symposium.decoded("DTSTART").hour == 13
    assert str(symposium.decoded("DTSTART").tzinfo) == "Europe/Amsterdam"


def test_the_agenda_page_costs_the_same_queries_with_more_meetings(
    client, clock, django_assert_max_num_queries
):
    BijeenkomstFactory(date=date(2026, 12, 3), public=True)
    with django_assert_max_num_queries(2) as few:
        client.get(reverse("agenda"))
    for day in range(4, 20):
        BijeenkomstFactory(date=date(2026, 12, day), public=True)
        AgendaItemFactory(start_date=date(2026, 12, day))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("agenda"))
