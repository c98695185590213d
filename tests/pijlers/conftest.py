"""Fixtures of the pijlers tests: a frozen clock (today is in 2026-Q4)."""

from datetime import datetime
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# A Friday in the fourth quarter of 2026: the last quarter of the timeline.
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=AMSTERDAM)


@pytest.fixture
def clock():
    with patch("django.utils.timezone.now", return_value=NOW):
        yield NOW
