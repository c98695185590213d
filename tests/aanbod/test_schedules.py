from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from aanbod.constants import Herhaling
from aanbod.models import Rooster, RoosterUitzondering
from aanbod.schedules import next_occurrences, occurrences, recurrence_parts

AMS = ZoneInfo("Europe/Amsterdam")


def rooster(**fields) -> Rooster:
    defaults = {
        "herhaling": Herhaling.WEKELIJKS,
        "start_date": date(2026, 9, 1),
        "start_time": time(14, 0),
        "end_time": time(16, 0),
    }
    return Rooster(**{**defaults, **fields})


def starts(r, after, count):
    return [o.start for o in occurrences(r, after=after, count=count)]


@pytest.mark.sqlite
def test_weekly_activity_stays_at_14h_local_across_the_end_of_summer_time():
    # Summer time ends on Sunday 25 October 2026.
    r = rooster(zondag=True)
    found = starts(r, datetime(2026, 10, 17, tzinfo=AMS), 3)
    assert [(s.day, s.hour) for s in found] == [(18, 14), (25, 14), (1, 14)]
    assert [s.utcoffset().total_seconds() / 3600 for s in found] == [2, 1, 1]
    assert found[1].astimezone(ZoneInfo("UTC")).hour == 13


@pytest.mark.sqlite
def test_weekly_activity_stays_at_14h_local_across_the_start_of_summer_time():
    # Summer time starts on Sunday 28 March 2027.
    r = rooster(zondag=True)
    found = starts(r, datetime(2027, 3, 20, tzinfo=AMS), 2)
    assert [(s.day, s.hour, s.utcoffset().total_seconds() / 3600) for s in found] == [
        (21, 14, 1),
        (28, 14, 2),
    ]


@pytest.mark.sqlite
def test_every_two_weeks_on_two_days():
    r = rooster(
        herhaling=Herhaling.TWEEWEKELIJKS,
        maandag=True,
        donderdag=True,
        start_date=date(2026, 11, 2),
    )
    found = starts(r, datetime(2026, 11, 1, tzinfo=AMS), 4)
    assert [s.date() for s in found] == [
        date(2026, 11, 2),
        date(2026, 11, 5),
        date(2026, 11, 16),
        date(2026, 11, 19),
    ]
    assert recurrence_parts(r) == {
        "freq": "WEEKLY",
        "interval": 2,
        "byday": ["MO", "TH"],
        "count": None,
    }


@pytest.mark.sqlite
@pytest.mark.parametrize(
    ("position", "expected"),
    [
        (1, [date(2026, 12, 3), date(2027, 1, 7)]),
        (-1, [date(2026, 12, 31), date(2027, 1, 28)]),
    ],
)
def test_nth_and_last_weekday_of_the_month(position, expected):
    r = rooster(herhaling=Herhaling.MAANDELIJKS, donderdag=True, week_van_de_maand=position)
    assert [s.date() for s in starts(r, datetime(2026, 12, 1, tzinfo=AMS), 2)] == expected
    assert recurrence_parts(r)["byday"] == [f"{position}TH"]


@pytest.mark.sqlite
def test_single_date_event_happens_once():
    r = rooster(herhaling=Herhaling.EENMALIG, start_date=date(2027, 6, 29), start_time=time(12))
    assert starts(r, datetime(2027, 1, 1, tzinfo=AMS), 5) == [datetime(2027, 6, 29, 12, tzinfo=AMS)]
    assert starts(r, datetime(2027, 6, 30, tzinfo=AMS), 5) == []


@pytest.mark.sqlite
def test_valid_until_ends_the_series():
    r = rooster(dinsdag=True, start_date=date(2026, 12, 1), end_date=date(2026, 12, 15))
    assert len(starts(r, datetime(2026, 11, 1, tzinfo=AMS), 10)) == 3


@pytest.mark.django_db
@pytest.mark.sqlite
def test_summer_break_and_cancelled_date_are_skipped(django_assert_num_queries):
    from tests.aanbod.factories import ActiviteitFactory

    r = rooster(woensdag=True, start_date=date(2027, 6, 30), activiteit=ActiviteitFactory())
    r.save()
    RoosterUitzondering.objects.create(
        rooster=r, start_date=date(2027, 7, 10), end_date=date(2027, 8, 20), reason="Zomerstop"
    )
    RoosterUitzondering.objects.create(
        rooster=r, start_date=date(2027, 9, 1), end_date=date(2027, 9, 1), reason="Vervalt"
    )
    r = Rooster.objects.prefetch_related("uitzonderingen").get(pk=r.pk)
    with django_assert_num_queries(0):
        found = starts(r, datetime(2027, 6, 29, tzinfo=AMS), 4)
    assert [s.date() for s in found] == [
        date(2027, 6, 30),
        date(2027, 7, 7),
        date(2027, 8, 25),
        date(2027, 9, 8),
    ]


@pytest.mark.sqlite
def test_next_occurrences_merge_schedules_of_one_activity():
    tuesday = rooster(dinsdag=True, start_time=time(10))
    friday = rooster(vrijdag=True, start_time=time(19, 30), end_time=time(21, 0))
    found = next_occurrences(
        [tuesday, friday], after=datetime(2026, 12, 1, 11, tzinfo=AMS), count=3
    )
    assert [(o.start.day, o.start.hour) for o in found] == [(4, 19), (8, 10), (11, 19)]
    assert found[0].end == datetime(2026, 12, 4, 21, 0, tzinfo=AMS)
