import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from wijken.models import Buurt, Postcode
from wijken.selectors import wijk_for_address
from wijken.services import PostcodeImportError, postcodes_import

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

# A small piece of Hilversum and its neighbours in the CBS format:
# 1211AA lies in Centrum; 1221AB is split between Noordoost and Oost;
# 1217CD lies in Zuid but in two buurten.
HILVERSUM = [
    "1211AA,1,04020101,040201,0402",
    "1211AA,2,04020101,040201,0402",
    "1211AA,3,04020101,040201,0402",
    "1221AB,10,04020701,040207,0402",
    "1221AB,12,04020701,040207,0402",
    "1221AB,14,04020601,040206,0402",
    "1217CD,5,04020401,040204,0402",
    "1217CD,7,04020402,040204,0402",
]
NEIGHBOURS = [
    "1251AA,1,04170101,041701,0417",  # Laren
    "1012AB,5,03630000,036300,0363",  # Amsterdam
]


def run_import(path):
    out = io.StringIO()
    call_command("import_postcodes", str(path), stdout=out)
    return out.getvalue()


def table():
    return set(Postcode.objects.values_list("postcode", "huisnummer", "wijk__code", "buurt__code"))


def test_import_maps_a_postcode_in_one_wijk_without_number_and_a_split_one_per_number(cbs_file):
    run_import(cbs_file(HILVERSUM + NEIGHBOURS))

    assert table() == {
        ("1211AA", None, "WK040201", "BU04020101"),
        ("1217CD", None, "WK040204", None),  # two buurten, so no single buurt to name
        ("1221AB", 10, "WK040207", "BU04020701"),
        ("1221AB", 12, "WK040207", "BU04020701"),
        ("1221AB", 14, "WK040206", "BU04020601"),
    }


def test_import_creates_the_buurten_in_their_wijk(cbs_file):
    run_import(cbs_file(HILVERSUM))

    assert set(Buurt.objects.values_list("code", "wijk__code")) == {
        ("BU04020101", "WK040201"),
        ("BU04020401", "WK040204"),
        ("BU04020402", "WK040204"),
        ("BU04020601", "WK040206"),
        ("BU04020701", "WK040207"),
    }


def test_imported_postcodes_are_found_by_the_lookup(cbs_file):
    run_import(cbs_file(HILVERSUM))

    assert wijk_for_address("1211 aa").slug == "centrum"
    assert wijk_for_address("1221AB") is None
    assert wijk_for_address("1221AB", "14a").slug == "oost"
    assert wijk_for_address("1251AA", 1) is None  # Laren is not kept


def test_import_reports_its_counts_in_dutch(cbs_file):
    out = run_import(cbs_file(HILVERSUM + NEIGHBOURS))

    assert "Regels gelezen: 10" in out
    assert "Regels voor Hilversum bewaard: 8" in out
    assert "Regels van andere gemeenten overgeslagen: 2" in out
    assert "Foute regels" not in out
    assert "Postcodes gekoppeld zonder huisnummer: 2" in out
    assert "Postcodes gekoppeld per huisnummer: 1 (3 huisnummers)" in out


def test_import_reports_bad_rows_with_their_line_numbers_and_keeps_the_good_ones(cbs_file):
    bad = [  # lines 1-11 are the header, HILVERSUM and NEIGHBOURS
        "1221X,3,04020701,040207,0402",  # line 12
        "1221AC,abc,04020701,040207,0402",  # line 13
        "1221AD,4,04029901,040299,0402",  # line 14
        "1221AE,5",  # line 15
        "1221AF,6,04020101,040207,0402",  # line 16: buurt of another wijk
        "1221AB,14,04020701,040207,0402",  # line 17: contradicts line 7
    ]
    out = run_import(cbs_file(HILVERSUM + NEIGHBOURS + bad))

    assert "Regels gelezen: 16" in out
    assert "Regels voor Hilversum bewaard: 8" in out
    assert "Foute regels overgeslagen: 6" in out
    assert "regel 12: ongeldige postcode '1221X'" in out
    assert "regel 13: ongeldig huisnummer 'abc'" in out
    assert "regel 14: onbekende wijkcode '040299'" in out
    assert "regel 15: 2 kolommen, verwacht 5" in out
    assert "regel 16: buurtcode '04020101' hoort niet bij wijk WK040207" in out
    assert "regel 17: adres staat eerder in het bestand met een andere wijk of buurt" in out
    assert Postcode.objects.count() == 5
    assert wijk_for_address("1221AB", 14).slug == "oost"


def test_import_refuses_a_buurtcode_that_is_no_code(cbs_file):
    out = run_import(cbs_file([*HILVERSUM, "1221AG,1,buurt,040207,0402"]))

    assert "regel 10: ongeldige buurtcode 'buurt'" in out


def test_import_accepts_a_row_without_buurt_and_a_huisnummer_with_leading_zero(cbs_file):
    run_import(cbs_file(["1211AA,001,,040201,0402"]))

    assert table() == {("1211AA", None, "WK040201", None)}


def test_import_lists_only_the_first_ten_bad_rows(cbs_file):
    out = run_import(cbs_file(HILVERSUM + [f"1221AC,x{n},04020701,040207,0402" for n in range(25)]))

    assert "Foute regels overgeslagen: 25" in out
    assert "regel 19:" in out  # the tenth: the header and 8 good rows come first
    assert "regel 20:" not in out
    assert "… en nog 15 foute regels." in out


def test_import_reads_bom_semicolons_quotes_capitals_and_another_year(cbs_file):
    rows = [f'"{cell}"' for cell in HILVERSUM[3].split(",")]
    path = cbs_file(
        [",".join(rows), "1211aa,1,04020101,040201,0402"],
        header="pc6,HUISNUMMER,Buurt2025,Wijk2025,Gemeente2025",
        bom=True,
        delimiter=";",
    )
    run_import(path)

    assert table() == {
        ("1211AA", None, "WK040201", "BU04020101"),
        ("1221AB", None, "WK040207", "BU04020701"),
    }


def test_import_accepts_codes_whose_leading_zeros_a_spreadsheet_ate(cbs_file):
    run_import(cbs_file(["1211AA,1,4020101,40201,402"]))

    assert table() == {("1211AA", None, "WK040201", "BU04020101")}


def test_undecodable_bytes_make_a_bad_row_not_a_crash(cbs_file):
    path = cbs_file(HILVERSUM)
    path.write_bytes(path.read_bytes() + b"1221AB,\xff\xfe,04020701,040207,0402\n")

    out = run_import(path)

    assert "Foute regels overgeslagen: 1" in out
    assert "regel 10: ongeldig huisnummer" in out


def test_a_line_the_csv_reader_cannot_read_is_a_bad_row(cbs_file):
    too_long = '"' + "x" * 200_000 + '",1,04020101,040201,0402'
    out = run_import(cbs_file([too_long, *HILVERSUM]))

    assert "regel 2: regel kan niet gelezen worden als CSV" in out
    assert "Regels voor Hilversum bewaard: 8" in out


def test_importing_the_same_file_twice_gives_the_same_table(cbs_file):
    path = cbs_file(HILVERSUM + NEIGHBOURS)
    run_import(path)
    first = table()
    buurten = Buurt.objects.count()

    run_import(path)

    assert table() == first
    assert Buurt.objects.count() == buurten


def test_a_newer_file_replaces_the_old_mapping(cbs_file):
    run_import(cbs_file(HILVERSUM))
    # In the newer file 1221AB lies wholly in Oost and 1211AA is gone.
    newer = [
        "1221AB,10,04020601,040206,0402",
        "1221AB,12,04020601,040206,0402",
        "1221AB,14,04020601,040206,0402",
        "1217CD,5,04020401,040204,0402",
    ]
    run_import(cbs_file(newer, name="nieuwer.csv"))

    assert table() == {
        ("1221AB", None, "WK040206", "BU04020601"),
        ("1217CD", None, "WK040204", "BU04020401"),
    }
    assert wijk_for_address("1211AA", 1) is None


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Bestand niet gevonden: .*bestaat-niet.csv"):
        call_command("import_postcodes", str(tmp_path / "bestaat-niet.csv"))


def test_directory_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        call_command("import_postcodes", str(tmp_path))


def test_empty_file_is_a_clear_error(tmp_path):
    path = tmp_path / "leeg.csv"
    path.write_text("")
    with pytest.raises(CommandError, match="Het bestand is leeg"):
        call_command("import_postcodes", str(path))


def test_wrong_header_names_the_missing_columns(cbs_file):
    path = cbs_file(HILVERSUM, header="postcode,nummer,Buurt2024,Wijk2024,Gemeente2024")
    with pytest.raises(CommandError, match="Niet \\(of dubbel\\) gevonden: pc6, huisnummer"):
        call_command("import_postcodes", str(path))


def test_zip_file_asks_to_unpack_it_first(tmp_path):
    path = tmp_path / "pc6hnr.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("pc6hnr.csv", "PC6,Huisnummer,Buurt2024,Wijk2024,Gemeente2024\n")
    with pytest.raises(CommandError, match="zip-bestand. Pak het eerst uit"):
        call_command("import_postcodes", str(path))


@pytest.mark.parametrize(
    "rows", [[], NEIGHBOURS, ["1221X,3,04020701,040207,0402"]], ids=["header", "other", "bad"]
)
def test_file_without_usable_hilversum_rows_is_refused_and_keeps_the_table(cbs_file, rows):
    run_import(cbs_file(HILVERSUM))
    before = table()

    with pytest.raises(CommandError, match="geen bruikbare adressen in Hilversum"):
        call_command("import_postcodes", str(cbs_file(rows, name="ander.csv")))

    assert table() == before


def test_service_reads_any_iterable_of_lines_and_returns_a_report():
    report = postcodes_import(
        lines=["PC6,Huisnummer,Buurt2024,Wijk2024,Gemeente2024", *HILVERSUM, *NEIGHBOURS]
    )

    assert (report.rows_read, report.rows_kept, report.rows_other_gemeente) == (10, 8, 2)
    assert (report.postcodes_without_number, report.postcodes_with_number) == (2, 1)


def test_service_refuses_input_without_lines():
    with pytest.raises(PostcodeImportError, match="leeg"):
        postcodes_import(lines=[])
