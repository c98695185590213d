"""An action past its end quarter that is not finished shows as vertraagd, without anyone
setting it; computed the same way in Python and in the database."""

from datetime import datetime
from itertools import product
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest

from pijlers import kwartalen
from pijlers.constants import Status
from pijlers.models import Actie, shown_status
from tests.pijlers.factories import ActieFactory

pytestmark = pytest.mark.sqlite

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("status", "end", "quarter", "shown"),
    [
        (Status.GEPLAND, "2025-Q4", "2026-Q1", Status.VERTRAAGD),
        (Status.LOPEND, "2025-Q4", "2026-Q1", Status.VERTRAAGD),
        (Status.LOPEND, "2025-Q4", "2025-Q4", Status.LOPEND),  # the end quarter itself: in time
        (Status.GEREED, "2025-Q4", "2026-Q4", Status.GEREED),
        (Status.GESTOPT, "2025-Q4", "2026-Q4", Status.GESTOPT),
        (Status.LOPEND, "", "2030-Q4", Status.LOPEND),  # doorlopend is never late
        (Status.VERTRAAGD, "2027-Q1", "2026-Q1", Status.VERTRAAGD),  # set by hand: stays
        (Status.GEPLAND, "2027-Q1", "2026-Q4", Status.GEPLAND),
    ],
)
def test_shown_status(status, end, quarter, shown):
    assert shown_status(status, end, quarter) == shown


@pytest.mark.django_db
def test_database_annotation_agrees_with_python_for_every_combination():
    ends = ["", "2025-Q4", "2026-Q4", "2027-Q1"]
    for status, end in product(Status.values, ends):
        ActieFactory(status=status, start_quarter="2025-Q1", end_quarter=end)
    quarter = "2026-Q4"
    rows = Actie.objects.filter(title__startswith="Testactie").with_shown_status(quarter)
    for actie in rows:
        expected = shown_status(actie.status, actie.end_quarter, quarter)
        assert actie.shown_status == expected, (actie.status, actie.end_quarter)
        assert actie.is_overdue == (expected != actie.status)
    assert rows.count() == len(Status.values) * len(ends)


@pytest.mark.django_db
def test_same_action_turns_vertraagd_when_the_clock_passes_its_end_quarter(client, kartrekker_user):
    actie = ActieFactory(status=Status.LOPEND, end_quarter="2026-Q3", title="Buurtmobi-actie")
    client.force_login(kartrekker_user)
    url = f"/werkruimte/pijlers/acties/{actie.pk}/"
    with patch(
        "django.utils.timezone.now", return_value=datetime(2026, 9, 30, 12, tzinfo=AMSTERDAM)
    ):
        html = client.get(url).content.decode()
    assert 'status--lopend">Lopend<' in html
    with patch(
        "django.utils.timezone.now", return_value=datetime(2026, 10, 1, 9, tzinfo=AMSTERDAM)
    ):
        html = client.get(url).content.decode()
    assert 'status--vertraagd">Vertraagd<' in html
    assert "eindkwartaal Q3 2026 is voorbij" in html
    actie.refresh_from_db()
    assert actie.status == Status.LOPEND  # nobody set it: it is only shown so


def test_quarter_changes_at_midnight_in_amsterdam_not_in_utc():
    # 31 December 23:30 UTC is already 1 January in Hilversum.
    assert kwartalen.current_quarter(datetime(2026, 12, 31, 23, 30, tzinfo=ZoneInfo("UTC"))) == (
        "2027-Q1"
    )
    assert kwartalen.current_quarter(datetime(2026, 12, 31, 22, 30, tzinfo=ZoneInfo("UTC"))) == (
        "2026-Q4"
    )


def test_quarter_range_crosses_years():
    assert kwartalen.quarter_range("2024-Q3", "2025-Q2") == [
        "2024-Q3",
        "2024-Q4",
        "2025-Q1",
        "2025-Q2",
    ]
    assert len(kwartalen.quarter_range("2024-Q1", "2026-Q4")) == 12


def test_planning_label_in_words():
    assert kwartalen.planning_label("2024-Q2", "2024-Q4") == "Q2 2024 – Q4 2024"
    assert kwartalen.planning_label("2024-Q3", "2024-Q3") == "Q3 2024"
    assert kwartalen.planning_label("2024-Q2", "") == "vanaf Q2 2024, doorlopend"
