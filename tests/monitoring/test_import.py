"""The GGD import with real-shaped StatLine files: what is kept, combined, skipped, reported."""

from decimal import Decimal

import pytest

from monitoring.constants import ImportStatus
from monitoring.models import Observatie, Regio
from tests.monitoring.conftest import (
    CSV_1252,
    CSV_BOM,
    JSON_ODATA,
    csv_bytes,
    csv_row,
    figure,
    run_import,
)
from wijken.models import Wijk

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def test_value_and_bounds_from_separate_rows_make_one_figure():
    run_import(CSV_BOM)
    hilversum = figure("GM0402", "eenzaam")
    assert (hilversum.value, hilversum.lower, hilversum.upper) == (
        Decimal("49.4"),
        Decimal("47.9"),
        Decimal("50.9"),
    )
    sterk = figure("GM0402", "sterk-eenzaam")
    assert (sterk.value, sterk.lower, sterk.upper) == (
        Decimal("13.4"),
        Decimal("12.3"),
        Decimal("14.5"),
    )
    assert hilversum.source == "Testbron"


def test_the_report_counts_rows_read_imported_skipped_and_bad():
    batch = run_import(CSV_BOM)
    assert batch.status == ImportStatus.KLAAR_MET_FOUTEN
    assert (batch.rows_read, batch.rows_imported, batch.rows_skipped, batch.rows_failed) == (
        15,
        11,
        3,
        1,
    )
    assert batch.file_format == "csv"
    assert batch.encoding == "UTF-8 met BOM"
    assert batch.finished_at is not None


def test_a_bad_row_is_reported_with_its_line_number_and_the_good_rows_are_kept():
    batch = run_import(CSV_BOM)
    assert batch.errors == [{"line": 13, "message": "eenzaam: '4x,5' is geen getal"}]
    # Noordoost's row was bad: nothing of it is stored; Centrum's rows around it are.
    assert not Observatie.objects.filter(regio__code="WK040207").exists()
    assert figure("WK040201", "eenzaam").value == Decimal("52.0")


def test_other_municipalities_and_age_groups_are_skipped():
    run_import(CSV_BOM)
    codes = set(Observatie.objects.values_list("regio__code", flat=True))
    assert codes == {"NL01", "GG3606", "GM0402", "WK040201", "BU04020101"}
    assert not Regio.objects.filter(code__in=["GM0363", "GM1900"]).exists()
    ages = set(Observatie.objects.filter(regio__code="GM0402").values_list("age_group", flat=True))
    assert ages == {"18+", "18-64", "65+"}


def test_wijk_figures_are_linked_to_the_wijk_of_the_portal():
    run_import(CSV_BOM)
    centrum = figure("WK040201", "eenzaam").regio
    assert centrum.wijk == Wijk.objects.get(code="WK040201")
    assert centrum.name == "Centrum"


def test_a_new_buurt_becomes_an_area_and_missing_values_add_no_figure():
    run_import(CSV_BOM)
    buurt = Regio.objects.get(code="BU04020101")
    assert (buurt.niveau, buurt.wijk) == ("buurt", None)
    stored = dict(Observatie.objects.filter(regio=buurt).values_list("indicator__code", "value"))
    # "." and "" in the file: sterk eenzaam and sociaal eenzaam have no figure at all.
    assert stored == {"eenzaam": Decimal("53.1"), "emotioneel-eenzaam": Decimal("32.0")}


def test_importing_the_same_file_twice_changes_nothing():
    first = run_import(CSV_BOM)
    before = list(Observatie.objects.order_by("pk").values())
    second = run_import(CSV_BOM)
    assert list(Observatie.objects.order_by("pk").values()) == before
    assert (second.observations_created, second.observations_updated) == (0, 0)
    assert first.observations_created == len(before)
    assert {row["batch_id"] for row in before} == {first.pk}


def test_a_newer_file_updates_values_and_points_them_at_its_batch():
    run_import(CSV_BOM)
    newer = csv_bytes(
        csv_row(0, "GM0402", "2022JJ00", "20300", "MW00000", "48,9", "13,4", "30,0", "34,9"),
    )
    batch = run_import(newer, name="nieuwer.csv", bron="Nieuwere bron")
    changed = figure("GM0402", "eenzaam")
    assert changed.value == Decimal("48.9")
    assert changed.lower == Decimal("47.9")  # the bound of the earlier file stays
    assert changed.batch == batch and changed.source == "Nieuwere bron"
    unchanged = figure("GM0402", "sterk-eenzaam")
    assert unchanged.batch != batch and unchanged.source == "Testbron"
    assert (batch.observations_created, batch.observations_updated) == (0, 1)


def test_bounds_before_the_value_in_the_file_still_combine():
    data = csv_bytes(
        csv_row(0, "WK040205", "2022JJ00", "20300", "MBG0095", "50,2", "12", "31", "36"),
        csv_row(1, "GM0363", "2022JJ00", "20300", "MW00000", "50", "12", "31", "36"),
        csv_row(2, "WK040205", "2022JJ00", "20300", "MOG0095", "42,0", "8", "25", "30"),
        csv_row(3, "WK040205", "2022JJ00", "20300", "MW00000", "46,1", "10", "28", "33"),
    )
    run_import(data)
    zuidoost = figure("WK040205", "eenzaam")
    assert (zuidoost.lower, zuidoost.value, zuidoost.upper) == (
        Decimal("42.0"),
        Decimal("46.1"),
        Decimal("50.2"),
    )


def test_windows_1252_file_of_the_older_table_is_imported():
    batch = run_import(CSV_1252)
    assert batch.encoding == "Windows-1252"
    assert (batch.rows_read, batch.rows_imported, batch.rows_skipped, batch.rows_failed) == (
        5,
        3,
        1,
        1,
    )
    assert batch.errors[0]["line"] == 6
    assert "2020XX00" in batch.errors[0]["message"]
    # ErnstigZeerErnstigEenzaam_ is the older name of sterk eenzaam.
    assert figure("WK040208", "sterk-eenzaam", year=2020).value == Decimal("9.2")
    assert not Observatie.objects.filter(
        regio__code="WK040208", indicator__code="sociaal-eenzaam"
    ).exists()


def test_odata_json_gives_the_same_figures_as_the_csv():
    json_batch = run_import(JSON_ODATA)
    from_json = sorted(
        Observatie.objects.values_list(
            "regio__code", "indicator__code", "year", "age_group", "value", "lower", "upper"
        )
    )
    Observatie.objects.all().delete()
    run_import(CSV_BOM)
    from_csv = sorted(
        Observatie.objects.values_list(
            "regio__code", "indicator__code", "year", "age_group", "value", "lower", "upper"
        )
    )
    assert from_json == from_csv
    assert json_batch.status == ImportStatus.KLAAR
    assert json_batch.file_format == "json"
    assert json_batch.rows_read == 14


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04\x14\x00", "zip"),
        (b'"Naam";"Adres"\n"Jan";"Kerkstraat 1"\n', "niet de kolommen"),
        (b"", "leeg"),
    ],
)
def test_a_file_that_cannot_be_read_fails_with_a_clear_message_and_imports_nothing(data, message):
    batch = run_import(data)
    assert batch.status == ImportStatus.MISLUKT
    assert message in batch.message
    assert not Observatie.objects.exists()


def test_a_truncated_json_file_fails_but_keeps_the_complete_records_before_the_break():
    data = JSON_ODATA.read_bytes()
    cut = data.index(b'"GM0402    "', data.index(b'"GG3606') - 2000)
    batch = run_import(data[:cut], name="afgebroken.json")
    assert batch.status == ImportStatus.MISLUKT
    assert "afgebroken" in batch.message and "wel verwerkt" in batch.message
    assert batch.rows_imported > 0
    # Nothing half-written: every stored figure came from a complete record.
    assert not Observatie.objects.filter(regio__code="GG3606").exists()


def test_a_header_only_file_imports_nothing_and_says_so():
    batch = run_import(csv_bytes())
    assert batch.status == ImportStatus.MISLUKT
    assert batch.rows_read == 0
    assert "geen regels" in batch.message
