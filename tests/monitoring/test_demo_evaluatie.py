"""Demo evaluations: 2024-H2 up to 2026-H1 vastgesteld, 2026-H2 concept; seeding twice adds
nothing."""

from collections import defaultdict
from decimal import Decimal

import pytest

from monitoring.constants import EvaluatieStatus
from monitoring.demo import seed
from monitoring.models import Begroting, Beoordeling, Evaluatie, Uitgave
from tests.monitoring.evaluatie_support import frozen

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


@pytest.fixture
def seeded(db):
    with frozen():
        return seed()


def test_four_half_years_are_vastgesteld_with_frozen_figures_and_one_is_concept(seeded):
    statuses = dict(Evaluatie.objects.values_list("period", "status"))
    assert statuses == {
        "2024-H2": EvaluatieStatus.VASTGESTELD,
        "2025-H1": EvaluatieStatus.VASTGESTELD,
        "2025-H2": EvaluatieStatus.VASTGESTELD,
        "2026-H1": EvaluatieStatus.VASTGESTELD,
        "2026-H2": EvaluatieStatus.CONCEPT,
    }
    for evaluatie in Evaluatie.objects.filter(status=EvaluatieStatus.VASTGESTELD):
        assert evaluatie.snapshot["period"] == evaluatie.period
        assert evaluatie.beoordelingen.count() == 5
        assert evaluatie.vastgesteld_at.date() > evaluatie.half_year.last_day
        # The PDF is made when someone asks for it, not while seeding.
        assert evaluatie.rapporten.get().status == "wachtend"
    concept = Evaluatie.objects.get(period="2026-H2")
    assert concept.snapshot is None and concept.lessen == ""
    assert concept.beoordelingen.get().user.username == "kerngroep"


def test_demo_scores_meet_the_norm_on_average_and_texts_say_they_are_examples(seeded):
    for field in ("resultaten", "proces", "samenwerking"):
        values = list(Beoordeling.objects.values_list(field, flat=True))
        assert sum(values) / len(values) >= 7
    assert Evaluatie.objects.get(period="2025-H1").relevantie.startswith("Voorbeeld:")


def test_demo_spending_stays_within_the_budget_of_each_year_and_line(seeded):
    spent = defaultdict(Decimal)
    for uitgave in Uitgave.objects.all():
        spent[(uitgave.date.year, uitgave.post)] += uitgave.amount
    budget = {(b.year, b.post): b.amount for b in Begroting.objects.all()}
    assert spent and all(amount <= budget[key] for key, amount in spent.items())


def test_seeding_twice_changes_nothing(seeded):
    before = list(Evaluatie.objects.order_by("pk").values())
    with frozen():
        assert seed() == 0
    assert list(Evaluatie.objects.order_by("pk").values()) == before


def test_the_budget_of_chapter_9_is_loaded_by_migration(db):
    totals = defaultdict(Decimal)
    for row in Begroting.objects.all():
        totals[row.year] += row.amount
    assert dict(totals) == {
        2024: Decimal(225000),
        2025: Decimal(215000),
        **{year: Decimal(175000) for year in range(2026, 2031)},
    }
