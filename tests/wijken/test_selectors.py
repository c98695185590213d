import pytest

from wijken.models import Buurt, Postcode, Wijk
from wijken.selectors import normalise_postcode, parse_huisnummer, wijk_for_address

pytestmark = pytest.mark.sqlite


@pytest.mark.parametrize(
    "value",
    ["1221AB", "1221ab", "1221 AB", "1221 ab", " 1221ab ", "1221\tAB", "1221\u00a0AB", "1221  aB"],
)
def test_postcode_is_normalised_to_four_digits_and_two_capitals(value):
    assert normalise_postcode(value) == "1221AB"


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "   ",
        1221,
        b"1221AB",
        "0221AB",  # no Dutch postcode starts with 0
        "1221A",
        "1221ABC",
        "12 21AB",
        "1221-AB",
        "AB1221",
        "1221ÄB",
        "١٢٢١AB",  # Arabic-Indic digits
        "1221AB\x00",
        "1221AB' OR '1'='1",
        "1221AB" * 1000,
    ],
)
def test_anything_but_a_dutch_postcode_normalises_to_none(value):
    assert normalise_postcode(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12, 12),
        ("12", 12),
        (" 12 ", 12),
        ("12a", 12),
        ("12-14", 12),
        ("99999", 99999),
        (None, None),
        ("", None),
        ("a12", None),
        ("0", None),
        (0, None),
        (-3, None),
        ("100000", None),
        (10**30, None),
        ("9" * 1000, None),
        (True, None),
        (12.0, None),
        ("١٢", None),
    ],
)
def test_huisnummer_is_read_from_its_leading_digits(value, expected):
    assert parse_huisnummer(value) == expected


@pytest.fixture
def postcodes(db):
    """1211AA lies in Centrum as a whole; 1221AB is split between Noordoost and Oost."""
    centrum = Wijk.objects.get(code="WK040201")
    noordoost = Wijk.objects.get(code="WK040207")
    oost = Wijk.objects.get(code="WK040206")
    buurt = Buurt.objects.create(code="BU04020101", wijk=centrum)
    Postcode.objects.create(postcode="1211AA", wijk=centrum, buurt=buurt)
    Postcode.objects.create(postcode="1221AB", huisnummer=10, wijk=noordoost)
    Postcode.objects.create(postcode="1221AB", huisnummer=12, wijk=noordoost)
    Postcode.objects.create(postcode="1221AB", huisnummer=14, wijk=oost)
    return {"centrum": centrum, "noordoost": noordoost, "oost": oost}


def test_postcode_in_one_wijk_needs_no_huisnummer(postcodes):
    assert wijk_for_address("1211 aa") == postcodes["centrum"]


@pytest.mark.parametrize("huisnummer", [1, "7", "250b"])
def test_postcode_in_one_wijk_maps_every_huisnummer_to_that_wijk(postcodes, huisnummer):
    assert wijk_for_address("1211AA", huisnummer) == postcodes["centrum"]


def test_split_postcode_without_huisnummer_gives_none(postcodes):
    assert wijk_for_address("1221AB") is None


@pytest.mark.parametrize(
    ("huisnummer", "wijk"),
    [(10, "noordoost"), ("12", "noordoost"), (14, "oost"), (" 14 ", "oost"), ("14a", "oost")],
)
def test_split_postcode_uses_the_huisnummer(postcodes, huisnummer, wijk):
    assert wijk_for_address("1221ab", huisnummer) == postcodes[wijk]


def test_split_postcode_with_a_huisnummer_not_in_the_file_gives_none(postcodes):
    assert wijk_for_address("1221AB", 16) is None


def test_postcode_outside_the_table_gives_none(postcodes):
    assert wijk_for_address("1012AB", 5) is None


@pytest.mark.parametrize(
    ("postcode", "huisnummer"),
    [
        (None, None),
        (1221, 14),
        ("", ""),
        ("x" * 100_000, "14"),
        ("1221AB", "9" * 100_000),
        ("1221AB", -14),
        ("1221AB", 10**30),
        ("1221AB", 2**31),
        ("1221AB", True),
        ("1221AB", 14.0),
        ("1221AB", object()),
        ("1221AB", ["14"]),
        (b"1221AB", 14),
        ("1221AB\x00", 14),
        ("🏠", "🏠"),
        ("1221AB'; DROP TABLE wijken_postcode; --", 14),
    ],
)
def test_hostile_input_gives_none_and_never_raises(postcodes, postcode, huisnummer):
    assert wijk_for_address(postcode, huisnummer) is None


def test_lookup_takes_one_query_with_or_without_huisnummer(postcodes, django_assert_num_queries):
    # The one query: postcode rows matching the whole postcode or this number, joined to wijk.
    with django_assert_num_queries(1):
        assert wijk_for_address("1211AA").name == "Centrum"
    with django_assert_num_queries(1):
        assert wijk_for_address("1221AB", 14).name == "Oost"


def test_lookup_of_something_that_is_no_postcode_makes_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert wijk_for_address("geen postcode", 1) is None
