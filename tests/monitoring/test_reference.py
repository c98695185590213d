"""Reference data: indicators and areas from the data migration, and the models' rules."""

import importlib
from decimal import Decimal

import pytest
from django.db import IntegrityError

from monitoring.constants import GGD_REGIO_CODE, IMPORT_INDICATORS, INDICATORS
from monitoring.models import Indicator, Observatie, Regio
from monitoring.reference import FIXED_NAMES, indicators_ensure, regio_get_or_create
from wijken.models import Wijk

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

MIGRATION = importlib.import_module("monitoring.migrations.0002_load_indicators_regions")


def test_the_migration_copies_the_indicators_and_areas_of_the_code():
    copied = [
        (code, name, definition, source) for code, name, definition, source in MIGRATION.INDICATORS
    ]
    assert copied == [(i.code, i.name, i.definition, i.source) for i in INDICATORS]
    assert {code: name for code, name, _n, _r in MIGRATION.REGIONS} == FIXED_NAMES


def test_every_indicator_the_import_reads_exists_after_migrating():
    codes = set(Indicator.objects.values_list("code", flat=True))
    assert {i.code for i in IMPORT_INDICATORS} <= codes
    assert Indicator.objects.get(code="sterk-eenzaam").lower_is_better


def test_every_wijk_has_an_area_linked_to_it():
    for wijk in Wijk.objects.all():
        regio = Regio.objects.get(code=wijk.code)
        assert (regio.wijk, regio.name, regio.niveau) == (wijk, wijk.name, "wijk")
    assert Regio.objects.get(code=GGD_REGIO_CODE).name == "GGD-regio Gooi en Vechtstreek"
    ordered = list(Regio.objects.values_list("code", flat=True)[:4])
    assert ordered == ["NL01", GGD_REGIO_CODE, "GM0402", "WK040201"]


def test_indicators_ensure_recreates_missing_indicators_and_leaves_edited_ones():
    Indicator.objects.filter(code="eenzaam").update(name="Eenzaam (bewerkt)")
    Indicator.objects.filter(code="eenzaam-scholieren").delete()
    indicators = indicators_ensure()
    assert indicators["eenzaam"].name == "Eenzaam (bewerkt)"
    assert Indicator.objects.filter(code="eenzaam-scholieren").exists()


def test_a_new_wijk_code_not_in_the_portal_becomes_an_unlinked_area():
    regio = regio_get_or_create(code="WK040299", niveau="wijk")
    assert (regio.name, regio.wijk, regio.rank) == ("WK040299", None, 3)
    assert regio_get_or_create(code="WK040299", niveau="wijk") == regio


def test_one_figure_per_area_indicator_year_and_age_group():
    regio = Regio.objects.get(code="GM0402")
    indicator = Indicator.objects.get(code="eenzaam")
    fields = {"regio": regio, "indicator": indicator, "year": 2022, "age_group": "18+"}
    Observatie.objects.create(**fields, value=Decimal("49.4"), source="a")
    with pytest.raises(IntegrityError):
        Observatie.objects.create(**fields, value=Decimal("50"), source="b")


def test_str_of_a_figure_says_what_it_is():
    regio = Regio.objects.get(code="GM0402")
    figure = Observatie(
        regio=regio, indicator=Indicator.objects.get(code="eenzaam"), year=2022, age_group="65+"
    )
    assert str(figure) == "Eenzaam – Hilversum – 2022 – 65 jaar en ouder"
