"""`manage.py import_ggd_figures FILE`."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from monitoring.models import ImportBatch, Observatie
from tests.monitoring.conftest import CSV_1252, CSV_BOM

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def run(*args) -> str:
    out = StringIO()
    call_command("import_ggd_figures", *args, stdout=out)
    return out.getvalue()


def test_the_command_imports_a_file_and_prints_the_report():
    output = run(str(CSV_BOM), "--bron", "StatLine 50150NED (2024)")
    assert "Regels gelezen: 15" in output
    assert "Regels ingelezen: 11" in output
    assert "Regels overgeslagen (andere gebieden of leeftijden): 3" in output
    assert "regel 13: eenzaam: '4x,5' is geen getal" in output
    batch = ImportBatch.objects.get()
    assert batch.file_name == CSV_BOM.name and not batch.file
    assert Observatie.objects.filter(source="StatLine 50150NED (2024)").exists()


def test_the_second_run_of_the_same_file_adds_and_changes_nothing():
    run(str(CSV_1252))
    assert "Cijfers toegevoegd: 0, bijgewerkt: 0" in run(str(CSV_1252))


def test_a_missing_file_is_a_clear_error():
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        run("/tmp/bestaat-niet-50150NED.csv")


def test_a_file_without_the_columns_fails_with_its_reason(tmp_path):
    path = tmp_path / "adressen.csv"
    path.write_text('"Naam";"Adres"\n"Jan";"Kerkstraat 1"\n')
    with pytest.raises(CommandError, match="niet de kolommen"):
        run(str(path))
    assert not Observatie.objects.exists()
