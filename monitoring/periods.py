"""Half years as the evaluation counts them, written "2025-H1".

The form sorts as text in the same order as in time, like the quarters of the pijlers app.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

PERIOD_PATTERN = r"^\d{4}-H[12]$"
_PERIOD = re.compile(PERIOD_PATTERN)
# The programme started in 2024; the half-yearly evaluation from Q3 2024 on.
FIRST_PERIOD = "2024-H1"


@dataclass(frozen=True)
class HalfYear:
    year: int
    half: int  # 1 or 2

    @classmethod
    def parse(cls, text: str) -> "HalfYear":
        """ "2025-H1" → HalfYear(2025, 1); ValueError for anything else."""
        if not isinstance(text, str) or not _PERIOD.match(text):
            raise ValueError(f"not a half year: {text!r}")
        year, half = text.split("-H")
        return cls(int(year), int(half))

    @classmethod
    def of(cls, day: date) -> "HalfYear":
        return cls(day.year, 1 if day.month <= 6 else 2)

    @classmethod
    def current(cls, now: datetime | None = None) -> "HalfYear":
        return cls.of(timezone.localtime(now or timezone.now()).date())

    def __str__(self) -> str:
        return f"{self.year}-H{self.half}"

    @property
    def start(self) -> date:
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> date:
        """The first day after the half year (exclusive end)."""
        return date(self.year, 7, 1) if self.half == 1 else date(self.year + 1, 1, 1)

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def quarters(self) -> list[str]:
        first = 1 if self.half == 1 else 3
        return [f"{self.year}-Q{first}", f"{self.year}-Q{first + 1}"]

    @property
    def next_quarter(self) -> str:
        return f"{self.year}-Q3" if self.half == 1 else f"{self.year + 1}-Q1"

    def previous(self) -> "HalfYear":
        return HalfYear(self.year - 1, 2) if self.half == 1 else HalfYear(self.year, 1)

    def next(self) -> "HalfYear":
        return HalfYear(self.year, 2) if self.half == 1 else HalfYear(self.year + 1, 1)

    @property
    def label(self) -> str:
        """In words: "eerste helft 2025"."""
        if self.half == 1:
            return _("eerste helft %(year)s") % {"year": self.year}
        return _("tweede helft %(year)s") % {"year": self.year}


def is_period(text: str) -> bool:
    return isinstance(text, str) and bool(_PERIOD.match(text))


def period_range(first: HalfYear, last: HalfYear) -> list[HalfYear]:
    """Every half year from first to last, both included."""
    periods, current = [], first
    while (current.year, current.half) <= (last.year, last.half):
        periods.append(current)
        current = current.next()
    return periods
