"""The StatLine reader on its own: formats, encodings, codes and numbers (no database)."""

import io
import json
from decimal import Decimal

import pytest

from monitoring import readers, statline
from monitoring.constants import Leeftijdsgroep, RegioNiveau
from tests.monitoring.conftest import CSV_1252, CSV_BOM, HEADER, JSON_ODATA, csv_bytes, csv_row

pytestmark = pytest.mark.sqlite


def rows_of(data: bytes, state=None) -> list:
    return list(readers.read_rows(io.BytesIO(data), state or statline.ReadState()))


@pytest.mark.parametrize(
    ("code", "niveau"),
    [
        ("NL01", RegioNiveau.LAND),
        ("GG3606", RegioNiveau.GGD_REGIO),
        ("GM0402", RegioNiveau.GEMEENTE),
        ("WK040207", RegioNiveau.WIJK),
        ("BU04020801", RegioNiveau.BUURT),
        ("GM0363", None),
        ("WK036301", None),
        ("BU03630000", None),
        ("GM04020", None),
        ("LD03", None),
    ],
)
def test_only_hilversum_its_areas_the_region_and_the_country_are_kept(code, niveau):
    assert statline.region_niveau(code) == niveau


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("49,4", Decimal("49.40")),
        ("  13,0", Decimal("13.00")),
        ("45.5", Decimal("45.50")),
        ("100", Decimal("100.00")),
        (".", None),
        ("", None),
        ("   .", None),
        ("x", None),
        (None, None),
        (48.6, Decimal("48.60")),
        (Decimal("9.25"), Decimal("9.25")),
        (7, Decimal("7.00")),
    ],
)
def test_percentages_read_decimal_comma_point_and_missing_values(raw, expected):
    assert statline.parse_percentage(raw) == expected


@pytest.mark.parametrize("raw", ["4x,5", "1.234,5", "12,3,4", "NaN", "1e1", "-1", "100,1", True])
def test_anything_else_is_a_row_error(raw):
    with pytest.raises(statline.RowError):
        statline.parse_percentage(raw)


def test_periods_give_the_year_and_other_shapes_are_errors():
    assert statline.parse_year("2022JJ00") == 2022
    assert statline.parse_year(" 2020JJ00 ") == 2020
    assert statline.parse_year("2016") == 2016
    for bad in ("2022KW01", "22JJ00", "", None):
        with pytest.raises(statline.RowError):
            statline.parse_year(bad)


def test_age_codes_map_to_age_groups_and_unknown_ones_are_skipped():
    assert statline.parse_age("20300  ") == Leeftijdsgroep.VANAF_18
    assert statline.parse_age("53115") == Leeftijdsgroep.VAN_18_TOT_65
    assert statline.parse_age("80200") == Leeftijdsgroep.VANAF_65
    assert statline.parse_age(None) == Leeftijdsgroep.VANAF_18
    with pytest.raises(statline.SkipRow):
        statline.parse_age("53105")


def test_margin_codes_say_which_bound_a_row_holds():
    assert statline.parse_margin("MW00000") == "value"
    assert statline.parse_margin("MOG0095") == "lower"
    assert statline.parse_margin("MBG0095") == "upper"
    assert statline.parse_margin(None) == "value"
    with pytest.raises(statline.RowError):
        statline.parse_margin("MOG0090")


def test_loneliness_columns_are_found_by_prefix_whatever_their_number():
    columns = statline.find_columns(
        ["ID", "WijkenEnBuurten", "Perioden", "Eenzaam_3", "ErnstigZeerErnstigEenzaam_99"]
    )
    assert dict(columns.indicators) == {"eenzaam": 3, "sterk-eenzaam": 4}
    assert columns.age is None and columns.margin is None


def test_a_file_without_the_needed_columns_is_refused_with_a_clear_message():
    with pytest.raises(statline.ColumnsMissing, match="WijkenEnBuurten, Perioden"):
        rows_of(b'"Naam";"Adres"\n"Jan";"Kerkstraat 1"\n')


def test_utf8_with_bom_is_read_and_the_bom_does_not_hide_the_first_column():
    state = statline.ReadState()
    rows = rows_of(CSV_BOM.read_bytes(), state)
    assert state.encoding == "UTF-8 met BOM"
    assert state.file_format == "csv"
    assert rows[1].region == "GM0402"  # padded in the file
    assert rows[1].line == 3


def test_windows_1252_is_detected_and_decoded():
    state = statline.ReadState()
    rows = rows_of(CSV_1252.read_bytes(), state)
    assert state.encoding == "Windows-1252"
    assert [row.region for row in rows][:3] == ["WK040201", "GM1900", "WK040208"]


def test_a_row_with_the_wrong_number_of_columns_is_reported_with_its_line():
    data = csv_bytes(
        csv_row(0, "GM0402", "2022JJ00", "20300", "MW00000", "49,4", "13,4", "30", "34,9"),
        '"1";"GM0402";"2022JJ00"\n',
    )
    rows = rows_of(data)
    assert rows[1] == readers.BadLine(3, "3 kolommen, verwacht 9")


@pytest.mark.parametrize("extra", [10, 3 * statline.MAX_LINE_BYTES])
def test_a_line_too_long_to_be_a_row_is_skipped_without_reading_it_into_memory(extra):
    long_line = b'"1";"' + b"x" * (statline.MAX_LINE_BYTES + extra) + b'"\n'
    good = csv_row(2, "GM0402", "2022JJ00", "20300", "MW00000", "1", "2", "3", "4").encode()
    rows = rows_of(HEADER.encode() + long_line + good)
    assert rows[0] == readers.BadLine(2, "regel is te lang om een rij te zijn")
    assert rows[1].region == "GM0402" and rows[1].line == 3


def test_odata_records_are_streamed_across_read_chunks():
    records = [
        {
            "ID": n,
            "WijkenEnBuurten": "GM0402    " if n % 2 else "GM0363    ",
            "Perioden": "2022JJ00",
            "Leeftijd": "20300",
            "Marges": "MW00000",
            "Eenzaam_27": 49.4,
            "Omschrijving": "é" * 50,
        }
        for n in range(3000)  # several 64 KB chunks
    ]
    data = json.dumps({"odata.metadata": "x", "value": records}).encode()
    rows = rows_of(data)
    assert len(rows) == 3000
    assert rows[2999].line == 3000 and rows[2999].region == "GM0402"
    assert rows[2999].values == (Decimal("49.4"),)


def test_a_bare_json_array_is_read_too():
    rows = rows_of(b'[{"WijkenEnBuurten": "NL01", "Perioden": "2022JJ00", "Eenzaam_1": 48.6}]')
    assert rows[0].region == "NL01"


def test_a_truncated_json_file_is_a_file_problem():
    data = JSON_ODATA.read_bytes()
    with pytest.raises(statline.FileProblem, match="afgebroken"):
        rows_of(data[: len(data) // 2])


@pytest.mark.parametrize(
    ("head", "message"),
    [
        (b"PK\x03\x04rest", "zip"),
        (b"\xff\xfe\x00\x00", "UTF-16"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "geen CSV"),
        (b"   \n", "leeg"),
    ],
)
def test_files_that_are_not_csv_or_json_are_named_as_such(head, message):
    with pytest.raises(statline.FileProblem, match=message):
        statline.sniff(head)


def test_check_head_trusts_a_cut_off_json_record_only_when_it_is_the_whole_file():
    data = JSON_ODATA.read_bytes()[:300]
    assert readers.check_head(data, complete=False) == "json"
    with pytest.raises(statline.FileProblem):
        readers.check_head(data, complete=True)
