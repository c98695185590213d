"""Issue #8: the figures in English, while the Dutch pages and the frozen record stay Dutch.

Needs the compiled catalogue (monitoring/locale/en/LC_MESSAGES/django.mo; make test compiles it).
"""

import pytest
from django.urls import reverse
from django.utils import translation

from monitoring.charts import chart_csv, number_text
from monitoring.demo import seed_figures
from monitoring.selectors_evaluatie import evaluatie_compute
from tests.monitoring.evaluatie_support import frozen, make_evaluatie, vaststellen

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def figures_page(client, language: str) -> str:
    with translation.override(language):
        url = reverse("monitoring:cijfers")
    return client.get(url).content.decode()


def test_indicators_and_areas_are_named_in_the_language_of_the_page(client, kartrekker_user):
    seed_figures()
    client.force_login(kartrekker_user)
    english = figures_page(client, "en")
    assert '">Severely lonely</h2>' in english
    assert "a score of 9 or higher on the De Jong-Gierveld loneliness scale" in english
    assert '<th scope="row">Netherlands</th>' in english
    assert '<th scope="row">GGD region Gooi en Vechtstreek</th>' in english
    # The sources are Dutch documents: marked as Dutch for screen readers.
    assert '<td class="small" lang="nl">Uitvoeringsagenda Eenzaamheid' in english

    dutch = figures_page(client, "nl")
    assert '">Sterk eenzaam</h2>' in dutch
    assert '<th scope="row">Nederland</th>' in dutch
    assert '<td class="small">Uitvoeringsagenda Eenzaamheid' in dutch
    assert "Severely lonely" not in dutch


def test_numbers_follow_the_page_but_csv_stays_dutch():
    assert number_text(12345.67) == "12.345,67"
    with translation.override("en"):
        assert number_text(12345.67) == "12,345.67"
        assert number_text(52.4) == "52.4"
        csv = chart_csv({"columns": ["Wijk", "Waarde"], "rows": [["Centrum", 52.4]]})
    assert "Centrum;52,4" in csv.decode("utf-8-sig")


def test_the_frozen_figures_are_dutch_even_when_decided_on_an_english_page(kartrekker_user):
    seed_figures()
    evaluatie = make_evaluatie("2025-H1")
    with frozen():
        dutch = evaluatie_compute(evaluatie)
        with translation.override("en"):
            assert evaluatie_compute(evaluatie)["period_label"] == "first half of 2025"
            evaluatie = vaststellen(evaluatie, kartrekker_user)
    evaluatie.refresh_from_db()
    assert evaluatie.snapshot == dutch
    assert evaluatie.snapshot["period_label"] == "eerste helft 2025"
