"""Quarters as the programme plans in them, written "2024-Q2".

The form sorts as text in the same order as in time (four-digit year first), so the database
compares planning quarters with plain string comparisons.
"""

import re
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import PLANNING_FIRST_YEAR, PLANNING_LAST_YEAR, QUARTER_PATTERN

_QUARTER = re.compile(QUARTER_PATTERN)


def is_quarter(value: str) -> bool:
    return bool(_QUARTER.match(value or ""))


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def current_quarter(now: datetime | None = None) -> str:
    """Today's quarter in Hilversum (a new quarter starts at midnight Amsterdam time)."""
    now = now or timezone.now()
    return quarter_of(timezone.localtime(now).date())


def _parts(quarter: str) -> tuple[int, int]:
    year, number = quarter.split("-Q")
    return int(year), int(number)


def quarter_range(first: str, last: str) -> list[str]:
    """Every quarter from first to last, both included."""
    year, number = _parts(first)
    end = _parts(last)
    quarters = []
    while (year, number) <= end:
        quarters.append(f"{year}-Q{number}")
        year, number = (year + 1, 1) if number == 4 else (year, number + 1)
    return quarters


def planning_quarters() -> list[str]:
    return quarter_range(f"{PLANNING_FIRST_YEAR}-Q1", f"{PLANNING_LAST_YEAR}-Q4")


def quarter_label(quarter: str) -> str:
    """ "2024-Q2" as people say it: "Q2 2024"."""
    if not is_quarter(quarter):
        return quarter
    year, number = _parts(quarter)
    return f"Q{number} {year}"


def planning_label(start: str, end: str) -> str:
    """The planning of an action in words: "Q2 2024 – Q4 2024" or "vanaf Q2 2024, doorlopend"."""
    if not end:
        return _("vanaf %(start)s, doorlopend") % {"start": quarter_label(start)}
    if end == start:
        return quarter_label(start)
    return f"{quarter_label(start)} – {quarter_label(end)}"
