"""Deadlines for first contact, and the daily reminders and escalations when they pass.

All dates are local dates in Hilversum (Europe/Amsterdam), whatever the server's clock says.

Working day: Monday to Friday, except the Dutch public holidays as the `holidays` package lists
them (`holidays.NL`, category "public"). That list is followed as it is, including its choices:
Good Friday counts as a holiday, and Liberation Day (5 May) only in lustrum years (2025, 2030, …),
the years it is an official day off; King's Day is 27 April, or 26 April when the 27th is a
Sunday.

First contact due (normal): the day of receipt never counts, whatever the hour; the next N
working days do (N = MELDPUNT_FIRST_CONTACT_WORKDAYS, default 2), and the deadline is the end of
the N-th (23:59:59 local). Received Friday 16:00 → due Tuesday 23:59:59; received Saturday, or on
a holiday, → the working days are counted from the next working day on, the same as Friday.

First contact due (urgent): the end of the day of receipt (23:59:59 local), on any day of the
week, holidays included: danger does not wait for Monday. An urgent melding received late in the
evening is thus overdue at midnight; the team and the coördinator were alerted when it came in,
and the next morning's run reminds the team.

Escalation ("twice the deadline"): normal: the end of the 2N-th working day after the day of
receipt (the same span of working days once more after the deadline); urgent: the end of the
calendar day after the day of receipt.
"""

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache, partial
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .constants import Status
from .models import Melding, Uitbericht
from .notifications import (
    coordinator_addresses,
    team_addresses,
    uitberichten_for_escalation,
    uitberichten_for_reminder,
)
from .tasks import enqueue_notifications

logger = logging.getLogger(__name__)

LOCAL = ZoneInfo("Europe/Amsterdam")
END_OF_DAY = time(23, 59, 59)
# Past these, the first contact was made (or tried in vain and recorded): no deadline runs.
AWAITING_STATUSES = (Status.NIEUW, Status.OPGEPAKT)


@lru_cache(maxsize=32)
def _holidays_of(year: int) -> frozenset[date]:
    return frozenset(holidays.NL(years=year))


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a Dutch public holiday."""
    return day.weekday() < 5 and day not in _holidays_of(day.year)


def working_day_after(day: date, n: int) -> date:
    """The n-th working day after `day` (`day` itself never counts); `day` for n <= 0."""
    while n > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            n -= 1
    return day


def local_date(moment: datetime) -> date:
    return timezone.localtime(moment, LOCAL).date()


def end_of_day(day: date) -> datetime:
    """23:59:59 local on `day`, as an aware datetime (right across daylight-saving changes)."""
    return datetime.combine(day, END_OF_DAY, tzinfo=LOCAL)


def _workdays(workdays: int | None) -> int:
    return settings.MELDPUNT_FIRST_CONTACT_WORKDAYS if workdays is None else workdays


def first_contact_due(
    created_at: datetime, *, urgent: bool, workdays: int | None = None
) -> datetime:
    """When first contact must have been made (see the module docstring for the rules)."""
    received = local_date(created_at)
    if urgent:
        return end_of_day(received)
    return end_of_day(working_day_after(received, _workdays(workdays)))


def escalation_due(created_at: datetime, *, urgent: bool, workdays: int | None = None) -> datetime:
    """When an overdue melding goes to the coördinator: twice the first-contact deadline."""
    received = local_date(created_at)
    if urgent:
        return end_of_day(received + timedelta(days=1))
    return end_of_day(working_day_after(received, 2 * _workdays(workdays)))


def awaiting_first_contact() -> Q:
    """Open meldingen nobody has made contact with yet: the ones a deadline runs for."""
    return Q(status__in=AWAITING_STATUSES, first_contact_at__isnull=True)


def _due(melding: Melding) -> datetime:
    return melding.first_contact_due or first_contact_due(melding.created_at, urgent=melding.urgent)


def is_overdue(melding: Melding, now: datetime) -> bool:
    """True when first contact has not been made and its deadline has passed."""
    if melding.status not in AWAITING_STATUSES or melding.first_contact_at is not None:
        return False
    return now > _due(melding)


@dataclass
class ReminderReport:
    reminded: int = 0
    escalated: int = 0
    deadlines_filled: int = 0


def _fill_missing_deadlines() -> int:
    """Give meldingen written without a deadline (imports, demo data) the one they should have."""
    filled = 0
    missing = Melding.objects.filter(awaiting_first_contact(), first_contact_due__isnull=True)
    for pk, created_at, urgent in missing.values_list("pk", "created_at", "urgent"):
        due = first_contact_due(created_at, urgent=urgent)
        filled += Melding.objects.filter(pk=pk, first_contact_due__isnull=True).update(
            first_contact_due=due
        )
    return filled


def _claim(melding: Melding, field: str, now: datetime) -> bool:
    """Mark the reminder/escalation as done unless another run did it already.

    A conditional UPDATE, so two runs at once (or a run repeated) can't both send.
    """
    claimed = Melding.objects.filter(pk=melding.pk, **{f"{field}__isnull": True}).update(
        **{field: now}
    )
    setattr(melding, field, now)
    return bool(claimed)


def _remind_one(melding: Melding, *, now: datetime, coordinators: list[str]) -> tuple[bool, bool]:
    """Reminder and/or escalation for one overdue melding, in one transaction."""
    reminded = escalated = False
    rows = []
    with transaction.atomic():
        if melding.reminded_at is None and _claim(melding, "reminded_at", now):
            team = melding.buurtteam
            # No team yet (triage): the coördinator is the one who must act.
            recipients = team_addresses(team) if team else coordinators
            rows += uitberichten_for_reminder(melding=melding, recipients=recipients, now=now)
            reminded = True
        overdue_twice = now > escalation_due(melding.created_at, urgent=melding.urgent)
        if overdue_twice and melding.escalated_at is None and _claim(melding, "escalated_at", now):
            rows += uitberichten_for_escalation(melding=melding, recipients=coordinators, now=now)
            escalated = True
        if rows:
            ids = [row.pk for row in Uitbericht.objects.bulk_create(rows)]
            transaction.on_commit(partial(enqueue_notifications, ids), robust=True)
    if (reminded or escalated) and not rows:
        logger.error("Melding %s is te laat, maar er is niemand met een e-mailadres", melding)
    return reminded, escalated


def overdue_remind(*, now: datetime | None = None) -> ReminderReport:
    """Remind the team once of each overdue melding, and tell the coördinator once at twice the
    deadline.

    Only meldingen still waiting for first contact count. Each reminder goes to the team's
    address and its active members' addresses (to the coördinatoren for a melding without a
    team); each escalation to the coördinatoren. E-mails carry the reference and a link only.
    `reminded_at` / `escalated_at` record what was sent, so a second run sends nothing again.
    """
    now = now or timezone.now()
    report = ReminderReport(deadlines_filled=_fill_missing_deadlines())
    overdue = (
        Melding.objects.filter(awaiting_first_contact(), first_contact_due__lt=now)
        .filter(Q(reminded_at__isnull=True) | Q(escalated_at__isnull=True))
        .select_related("buurtteam")
        .prefetch_related("buurtteam__members")
        .order_by("first_contact_due", "pk")
    )
    candidates = [
        m
        for m in overdue
        if m.reminded_at is None or now > escalation_due(m.created_at, urgent=m.urgent)
    ]
    if not candidates:
        return report
    coordinators = coordinator_addresses()
    for melding in candidates:
        reminded, escalated = _remind_one(melding, now=now, coordinators=coordinators)
        report.reminded += reminded
        report.escalated += escalated
    return report
