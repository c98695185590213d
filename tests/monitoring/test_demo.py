"""The programme's figures as demo data: every number exactly as in tables 1–4 of the seed."""

import re
from decimal import Decimal
from pathlib import Path

import pytest

from monitoring.demo import SOURCE_2022, SOURCE_WIJKEN_2020, seed_figures
from monitoring.models import Observatie
from tests.monitoring.conftest import DATA, run_import
from wijken.models import Wijk

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

# Tables 1–4, copied verbatim from the programme (Uitvoeringsagenda Eenzaamheid 2024–2030).
EXCERPT = DATA / "programma_tabellen_1_4.txt"
SEED_DOCUMENT = Path(__file__).parents[3] / "shared" / "seeds" / "001_93f464837e2c597a.txt"
PERCENT = r"(-|\d+(?:[.,]\d+)?%)"
LABELS = {
    "EENZAAM": "eenzaam",
    "STERK EENZAAM": "sterk-eenzaam",
    "EMOTIONEEL EENZAAM": "emotioneel-eenzaam",
    "SOCIAAL EENZAAM": "sociaal-eenzaam",
}


def _number(text: str) -> Decimal | None:
    return None if text == "-" else Decimal(text.rstrip("%").replace(",", "."))


def _between(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end)]


def _label_rows(section: str, columns: list[tuple[str, str]], year: int) -> set:
    figures = set()
    for label, indicator in LABELS.items():
        match = re.search(rf"^{label}((?: {PERCENT})+)\s*$", section, re.MULTILINE)
        values = match.group(1).split()
        assert len(values) == len(columns)
        for (code, age), value in zip(columns, values, strict=True):
            figures.add((code, indicator, year, age, _number(value)))
    return figures


def figures_in_document(text: str) -> set:
    """(area code, indicator, year, age group, value) of every number in the tables."""
    figures = _label_rows(
        _between(text, "Tabel 1:", "Tabel 2:"),
        [("GM0402", "18+"), ("GG3606", "18+"), ("NL01", "18+")],
        2022,
    )
    figures |= _label_rows(
        _between(text, "Tabel 2:", "Tabel 3:"),
        [("GM0402", "18-64"), ("GG3606", "18-64"), ("GM0402", "65+"), ("GG3606", "65+")],
        2022,
    )
    table_3 = _between(text, "Tabel 3:", "Bron: RIVM Statline. Cijfers")
    pupils, young = re.findall(rf"^{PERCENT} {PERCENT} {PERCENT}\s*$", table_3, re.MULTILINE)
    for code, value in zip(("GM0402", "GG3606", "NL01"), pupils, strict=True):
        figures.add((code, "eenzaam-scholieren", 2021, "klas-2-4", _number(value)))
    for code, value in zip(("GM0402", "GG3606", "NL01"), young, strict=True):
        if _number(value) is not None:  # "-": Hilversum has no figure
            figures.add((code, "eenzaam-jongvolwassenen", 2022, "16-25", _number(value)))
    codes = dict(Wijk.objects.values_list("name", "code"))
    table_4 = _between(text, "Tabel 4:", "Bron: buurtatlas")
    for name, lonely, severe in re.findall(
        rf"^([A-Z][a-z]+(?: [A-Z][a-z]+)?) {PERCENT} {PERCENT}\s*$", table_4, re.MULTILINE
    ):
        figures.add((codes[name], "eenzaam", 2020, "18+", _number(lonely)))
        figures.add((codes[name], "sterk-eenzaam", 2020, "18+", _number(severe)))
    return figures


def stored_figures() -> set:
    return {
        (code, indicator, year, age, value.normalize() if value is not None else None)
        for code, indicator, year, age, value in Observatie.objects.values_list(
            "regio__code", "indicator__code", "year", "age_group", "value"
        )
    }


def test_the_excerpt_is_a_verbatim_copy_of_the_seed_document():
    if not SEED_DOCUMENT.exists():
        pytest.skip("the seed documents are not next to this checkout")
    assert EXCERPT.read_text(encoding="utf-8") in SEED_DOCUMENT.read_text(encoding="utf-8")


def test_seeded_figures_are_exactly_the_numbers_of_tables_1_to_4():
    expected = {
        (code, indicator, year, age, value.normalize())
        for code, indicator, year, age, value in figures_in_document(
            EXCERPT.read_text(encoding="utf-8")
        )
    }
    assert len(expected) == 12 + 16 + 5 + 18
    seed_figures()
    assert stored_figures() == expected


def test_seeded_figures_name_their_source():
    seed_figures()
    hilversum = Observatie.objects.get(
        regio__code="GM0402", indicator__code="eenzaam", year=2022, age_group="18+"
    )
    assert hilversum.source == SOURCE_2022
    assert "Corona Gezondheidsmonitor Volwassenen en Ouderen 2022" in hilversum.source
    centrum = Observatie.objects.get(regio__code="WK040201", indicator__code="eenzaam", year=2020)
    assert centrum.source == SOURCE_WIJKEN_2020
    assert centrum.batch is None
    assert centrum.regio.wijk.name == "Centrum"


def test_seeding_twice_changes_nothing():
    assert seed_figures() == 51
    before = list(Observatie.objects.order_by("pk").values())
    assert seed_figures() == 0
    assert list(Observatie.objects.order_by("pk").values()) == before


def test_seeding_never_overwrites_an_imported_figure():
    run_import(DATA / "statline_50150_utf8_bom.csv")
    seed_figures()
    imported = Observatie.objects.get(
        regio__code="GM0402", indicator__code="eenzaam", year=2022, age_group="18+"
    )
    assert imported.source == "Testbron" and imported.lower == Decimal("47.9")
