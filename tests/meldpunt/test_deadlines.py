from datetime import UTC, date, datetime, timedelta

import pytest

from meldpunt import deadlines
from meldpunt.constants import Bekend, MelderRol, Status
from meldpunt.deadlines import (
    LOCAL,
    escalation_due,
    first_contact_due,
    is_overdue,
    is_working_day,
    working_day_after,
)
from meldpunt.models import Melding
from meldpunt.services import melding_create

pytestmark = pytest.mark.sqlite


def local(*args) -> datetime:
    return datetime(*args, tzinfo=LOCAL)


def end_of(year, month, day) -> datetime:
    return local(year, month, day, 23, 59, 59)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Friday afternoon: Monday and Tuesday are the two working days.
        (local(2026, 3, 13, 16, 0), end_of(2026, 3, 17)),
        # The weekend counts from Monday on, the same as Friday.
        (local(2026, 3, 14, 10, 0), end_of(2026, 3, 17)),
        (local(2026, 3, 15, 23, 59), end_of(2026, 3, 17)),
        # A working day: the day of receipt itself never counts, however early.
        (local(2026, 3, 16, 0, 1), end_of(2026, 3, 18)),
        # King's Day 2027 is a Tuesday: Monday's melding is due Thursday.
        (local(2027, 4, 26, 10, 0), end_of(2027, 4, 29)),
        # Received on King's Day itself: counted from the next working day.
        (local(2027, 4, 27, 11, 0), end_of(2027, 4, 29)),
        # Christmas 2026 is Friday and Saturday: Thursday's melding is due Tuesday the 29th.
        (local(2026, 12, 24, 15, 0), end_of(2026, 12, 29)),
        (local(2026, 12, 23, 9, 0), end_of(2026, 12, 28)),
        # New Year's Day 2027 is a Friday.
        (local(2026, 12, 31, 12, 0), end_of(2027, 1, 5)),
        # holidays.NL counts Good Friday (3 April 2026) and Easter Monday.
        (local(2026, 4, 2, 12, 0), end_of(2026, 4, 8)),
        # Liberation Day is a day off in lustrum years only (2025), not in 2026.
        (local(2025, 5, 2, 12, 0), end_of(2025, 5, 7)),
        (local(2026, 5, 4, 12, 0), end_of(2026, 5, 6)),
    ],
)
def test_first_contact_is_due_at_the_end_of_the_second_working_day_after_receipt(received, due):
    assert first_contact_due(received, urgent=False) == due


def test_the_day_of_receipt_is_the_local_date_not_the_utc_date():
    # Thursday 23:30 UTC is Friday 00:30 in Hilversum: due Tuesday, not Monday.
    received = datetime(2026, 3, 12, 23, 30, tzinfo=UTC)
    assert first_contact_due(received, urgent=False) == end_of(2026, 3, 17)


def test_deadline_after_the_switch_to_summer_time_is_end_of_day_in_summer_time():
    due = first_contact_due(local(2026, 3, 26, 12, 0), urgent=False)  # Thursday; DST on Sunday
    assert due == end_of(2026, 3, 30)
    assert due.utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize(
    "received",
    [local(2026, 3, 13, 16, 0), local(2026, 3, 14, 22, 0), local(2026, 12, 25, 9, 0)],
)
def test_urgent_melding_is_due_the_same_day_even_at_the_weekend_or_on_a_holiday(received):
    assert first_contact_due(received, urgent=True) == end_of(
        received.year, received.month, received.day
    )


def test_number_of_working_days_comes_from_the_settings(settings):
    settings.MELDPUNT_FIRST_CONTACT_WORKDAYS = 3
    assert first_contact_due(local(2026, 3, 13, 16, 0), urgent=False) == end_of(2026, 3, 18)


@pytest.mark.parametrize(
    ("received", "urgent", "escalate"),
    [
        # Twice two working days: Monday to Thursday after a Friday melding.
        (local(2026, 3, 13, 16, 0), False, end_of(2026, 3, 19)),
        # Across King's Day 2027: Wed, Thu, Fri, Mon.
        (local(2027, 4, 26, 10, 0), False, end_of(2027, 5, 3)),
        # Across Christmas 2026: Mon 28, Tue 29, Wed 30, Thu 31.
        (local(2026, 12, 24, 15, 0), False, end_of(2026, 12, 31)),
        # Urgent: the end of the next calendar day.
        (local(2026, 12, 24, 21, 0), True, end_of(2026, 12, 25)),
    ],
)
def test_escalation_comes_at_twice_the_deadline(received, urgent, escalate):
    assert escalation_due(received, urgent=urgent) == escalate


def test_working_days_skip_weekends_and_dutch_public_holidays():
    assert is_working_day(date(2027, 4, 26))
    assert not is_working_day(date(2027, 4, 27))  # King's Day, a Tuesday
    assert not is_working_day(date(2026, 12, 25))  # Christmas, a Friday
    assert not is_working_day(date(2026, 3, 14))  # Saturday
    assert not is_working_day(date(2027, 5, 6))  # Ascension Day
    assert not is_working_day(date(2027, 5, 17))  # Whit Monday
    assert working_day_after(date(2027, 4, 26), 0) == date(2027, 4, 26)


def test_kings_day_moves_to_the_26th_when_the_27th_is_a_sunday():
    # 27 April 2025 was a Sunday; the 26th, a Saturday, is the holiday then.
    assert date(2025, 4, 26) in deadlines._holidays_of(2025)
    assert date(2025, 4, 27) not in deadlines._holidays_of(2025)


def _melding(**values) -> Melding:
    defaults = {
        "status": Status.NIEUW,
        "urgent": False,
        "created_at": local(2026, 3, 13, 16, 0),
        "first_contact_due": end_of(2026, 3, 17),
    }
    return Melding(**(defaults | values))


def test_melding_is_overdue_only_after_its_deadline_without_first_contact():
    melding = _melding()
    assert not is_overdue(melding, end_of(2026, 3, 17))
    assert is_overdue(melding, end_of(2026, 3, 17) + timedelta(seconds=1))
    melding.first_contact_at = local(2026, 3, 18, 9, 0)
    assert not is_overdue(melding, local(2026, 3, 20, 9, 0))


@pytest.mark.parametrize("status", [Status.CONTACT_GELEGD, Status.AFGESLOTEN, Status.GEANNULEERD])
def test_melding_past_first_contact_or_closed_is_never_overdue(status):
    assert not is_overdue(_melding(status=status), local(2026, 4, 1, 9, 0))


def test_melding_without_a_stored_deadline_uses_the_computed_one():
    melding = _melding(first_contact_due=None)
    assert not is_overdue(melding, local(2026, 3, 17, 20, 0))
    assert is_overdue(melding, local(2026, 3, 18, 8, 0))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("urgent", "due"), [(False, end_of(2026, 3, 17)), (True, end_of(2026, 3, 13))]
)
def test_melding_create_stores_the_first_contact_deadline(postcodes, urgent, due):
    melding = melding_create(
        about_self=False,
        urgent=urgent,
        consent=True,
        reporter_role=MelderRol.BEWONER,
        person_knows=Bekend.NEE,
        signals=["somber"],
        postcode="1223AB",
        huisnummer="1",
        now=local(2026, 3, 13, 16, 0),
    )
    melding.refresh_from_db()
    assert melding.first_contact_due == due
