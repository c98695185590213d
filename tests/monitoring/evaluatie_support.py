"""Helpers of the dashboard and evaluation tests: a frozen clock, evaluations, members."""

from contextlib import contextmanager
from datetime import datetime
from unittest import mock
from zoneinfo import ZoneInfo

from hilversum_eenzaamheid import roles
from monitoring.constants import CRITERIA_FIELDS, EvaluatieStatus
from monitoring.models import Evaluatie
from monitoring.services_evaluatie import evaluatie_transition
from tests.factories import MedewerkerFactory, UserFactory

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# A Monday in the second half of 2026: the current half year is 2026-H2.
NOW = datetime(2026, 8, 3, 10, 0, tzinfo=AMSTERDAM)


@contextmanager
def frozen(now: datetime = NOW):
    """Every timezone.now() (services, selectors, views) answers `now`."""
    with mock.patch("django.utils.timezone.now", return_value=now):
        yield now


def texts(**overrides) -> dict:
    data = {"samenvatting": "Het half jaar in het kort."}
    data.update({field: f"Tekst over {field}." for field in CRITERIA_FIELDS})
    data.update(overrides)
    return data


def make_evaluatie(period: str = "2025-H1", *, with_texts: bool = True, **fields) -> Evaluatie:
    values = texts() if with_texts else {}
    values.update(fields)
    return Evaluatie.objects.create(period=period, **values)


def vaststellen(evaluatie: Evaluatie, user, *, now: datetime = NOW) -> Evaluatie:
    """Through in bespreking to vastgesteld, the only way there; the PDF is not queued."""
    for to in (EvaluatieStatus.IN_BESPREKING, EvaluatieStatus.VASTGESTELD):
        evaluatie = evaluatie_transition(
            evaluatie=evaluatie, to=to, user=user, now=now, queue_pdf=False
        )
    return evaluatie


def member(username: str, organisatie: str):
    """A kerngroep member working for `organisatie`."""
    user = UserFactory(username=username, roles=[roles.KERNGROEP])
    MedewerkerFactory(user=user, organisatie__name=organisatie)
    return user
