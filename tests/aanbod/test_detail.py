from datetime import date, datetime, time, timedelta
from decimal import Decimal
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanbod.constants import Aanmelding, Herhaling, Moderatie, Status, Vocabulaire, WeekVanDeMaand
from aanbod.display import osm_url, rooster_in_words, uitzondering_in_words
from aanbod.models import Rooster, RoosterUitzondering, Term
from tests.aanbod.factories import ActiviteitFactory, LocatieFactory, RoosterFactory
from wijken.models import Wijk

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 10, 20, 9, 0, tzinfo=AMS)
pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def frozen(moment=NOW):
    return patch("django.utils.timezone.now", return_value=moment)


def get_detail(client, activiteit, moment=NOW):
    with frozen(moment):
        return client.get(reverse("aanbod:detail", args=[activiteit.slug]))


def term(vocabulaire, code):
    return Term.objects.get(vocabulaire=vocabulaire, code=code)


def uitzondering(rooster, start, end, reason=""):
    return RoosterUitzondering.objects.create(
        rooster=rooster, start_date=start, end_date=end, reason=reason
    )


@pytest.fixture
def full_activiteit():
    activiteit = ActiviteitFactory(
        name="Senioren eetcafé De Meent",
        slug="senioren-eetcafe",
        short_description="Elke week samen een warme maaltijd.",
        description="Een gezellige maaltijd.\n\nU kunt ook alleen koffie komen drinken.",
        organisatie__name="Versa Welzijn",
        min_age=65,
        is_free=False,
        cost_amount=Decimal("3.50"),
        cost_description="inclusief koffie",
        aanmelding=Aanmelding.NODIG,
        aanmelding_uitleg="Bel uiterlijk maandag.",
        contact_name="Fatima de Vries",
        contact_phone="035 123 45 67",
        contact_email="eetcafe@example.org",
        website="https://example.org/eetcafe",
        wat_werkt=True,
        wat_werkt_url="https://www.movisie.nl/interventie/voorbeeld",
        assured_at=datetime(2026, 9, 14, 10, 0, tzinfo=AMS),
    )
    activiteit.terms.set(
        [
            term(Vocabulaire.DOELGROEP, "senioren"),
            term(Vocabulaire.SOORT, "sociaal"),
            term(Vocabulaire.TYPE, "samen-eten"),
            term(Vocabulaire.TAAL, "tr"),
            term(Vocabulaire.VORM, "op-locatie"),
        ]
    )
    activiteit.wijken.set(Wijk.objects.filter(slug__in=["centrum", "oost"]))
    locatie = LocatieFactory(
        name="Wijkcentrum De Meent",
        street_address="Meentweg 5",
        postcode="1218 AA",
        rolstoel=True,
        ringleiding=True,
    )
    RoosterFactory(activiteit=activiteit, locatie=locatie, start_date=date(2026, 9, 1))
    return activiteit


def test_detail_shows_what_the_activity_offers_and_how_to_join(client, full_activiteit):
    response = get_detail(client, full_activiteit)
    html = response.content.decode()
    for text in [
        "<h1>Senioren eetcafé De Meent</h1>",
        "Elke week samen een warme maaltijd.",
        "U kunt ook alleen koffie komen drinken.",
        "Door Versa Welzijn",
        "Senioren (65+)",
        "Sociale eenzaamheid",
        "Samen eten",
        "Turks",
        "Op locatie",
        "Vanaf 65 jaar",
        "€&nbsp;3,50",
        "inclusief koffie",
        "Aanmelden is nodig",
        "Bel uiterlijk maandag.",
        "Centrum, Oost",
        "Meentweg 5, 1218 AA Hilversum",
        "Rolstoeltoegankelijk, ringleiding",
        "Fatima de Vries",
        'href="tel:0351234567"',
        "mailto:eetcafe@example.org",
        "https://example.org/eetcafe",
        "Werkzame methode",
        "https://www.movisie.nl/interventie/voorbeeld",
        "Gecontroleerd op 14 september 2026",
    ]:
        assert text in html, text
    groups = [g.label for g in response.context["term_groups"]]
    assert groups == ["Voor wie", "Helpt bij", "Soort activiteit", "Talen", "Vorm"]


def test_detail_of_activity_for_all_wijken_says_heel_hilversum(client):
    activiteit = ActiviteitFactory(heel_hilversum=True)
    activiteit.wijken.set(Wijk.objects.filter(slug="centrum"))
    html = get_detail(client, activiteit).content.decode()
    assert "<dd>Heel Hilversum</dd>" in html


def test_free_activity_says_gratis_and_location_without_features_says_so(client):
    rooster = RoosterFactory(activiteit__is_free=True)
    html = get_detail(client, rooster.activiteit).content.decode()
    assert "<strong>Gratis</strong>" in html
    assert "€" not in html
    assert "Over de toegankelijkheid weten we niets." in html


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"dinsdag": True}, "Elke dinsdag 14:00–16:00"),
        (
            {"herhaling": Herhaling.TWEEWEKELIJKS, "maandag": True, "donderdag": True},
            "Om de week op maandag en donderdag 14:00–16:00",
        ),
        (
            {"maandag": True, "woensdag": True, "vrijdag": True, "end_time": None},
            "Elke maandag, woensdag en vrijdag om 14:00",
        ),
        (
            {
                "herhaling": Herhaling.MAANDELIJKS,
                "vrijdag": True,
                "week_van_de_maand": WeekVanDeMaand.LAATSTE,
            },
            "Elke laatste vrijdag van de maand 14:00–16:00",
        ),
        (
            {"herhaling": Herhaling.EENMALIG, "start_date": date(2027, 6, 29)},
            "Op 29 juni 2027 14:00–16:00",
        ),
    ],
)
def test_schedule_reads_as_a_sentence(fields, expected):
    values = {
        "herhaling": Herhaling.WEKELIJKS,
        "start_date": date(2026, 9, 1),
        "start_time": time(14, 0),
        "end_time": time(16, 0),
        **fields,
    }
    assert rooster_in_words(Rooster(**values)) == expected


@pytest.mark.parametrize(
    ("start", "end", "reason", "expected"),
    [
        (
            date(2027, 7, 10),
            date(2027, 8, 20),
            "Zomerstop",
            "Zomerstop 10 juli tot en met 20 augustus 2027",
        ),
        (
            date(2026, 12, 21),
            date(2027, 1, 3),
            "",
            "Niet van 21 december 2026 tot en met 3 januari 2027",
        ),
        (
            date(2027, 5, 5),
            date(2027, 5, 5),
            "Bevrijdingsdag",
            "Bevrijdingsdag: niet op 5 mei 2027",
        ),
        (date(2027, 5, 5), date(2027, 5, 5), "", "Niet op 5 mei 2027"),
    ],
)
def test_exception_reads_as_a_sentence(start, end, reason, expected):
    exception = RoosterUitzondering(start_date=start, end_date=end, reason=reason)
    assert uitzondering_in_words(exception) == expected


def test_detail_lists_next_five_dates_without_the_summer_break(client):
    rooster = RoosterFactory(dinsdag=True, start_date=date(2026, 9, 1))
    uitzondering(rooster, date(2026, 10, 26), date(2026, 11, 8), "Herfststop")
    response = get_detail(client, rooster.activiteit)
    starts = [o.start for o in response.context["next_dates"]]
    assert [s.date() for s in starts] == [
        date(2026, 10, 20),
        date(2026, 11, 10),
        date(2026, 11, 17),
        date(2026, 11, 24),
        date(2026, 12, 1),
    ]
    html = response.content.decode()
    assert "dinsdag 10 november 2026, 14:00–16:00" in html
    assert 'datetime="2026-11-10T14:00:00+01:00"' in html
    assert "Herfststop 26 oktober tot en met 8 november 2026" in html


def test_past_exceptions_and_ended_schedules_are_not_shown(client):
    rooster = RoosterFactory(dinsdag=True, start_date=date(2026, 1, 6))
    uitzondering(rooster, date(2026, 7, 1), date(2026, 8, 31), "Zomerstop")
    RoosterFactory(
        activiteit=rooster.activiteit, donderdag=True, dinsdag=False, end_date=date(2026, 6, 30)
    )
    html = get_detail(client, rooster.activiteit).content.decode()
    assert "Elke dinsdag" in html
    assert "Zomerstop" not in html
    assert "Elke donderdag" not in html


def test_activity_without_schedules_asks_to_make_an_appointment(client):
    activiteit = ActiviteitFactory()
    html = get_detail(client, activiteit).content.decode()
    assert "geen vaste tijden" in html
    assert "agenda.ics" not in html


def test_detail_links_to_the_calendar_file_and_has_print_styles(client):
    rooster = RoosterFactory()
    html = get_detail(client, rooster.activiteit).content.decode()
    assert reverse("aanbod:ics", args=[rooster.activiteit.slug]) in html
    assert "aanbod/detail.css" in html
    with open(finders.find("aanbod/detail.css"), encoding="utf-8") as css:
        assert "@media print" in css.read()


def test_map_link_uses_coordinates_when_known_and_the_address_otherwise(client):
    with_pin = LocatieFactory.build(latitude=Decimal("52.225000"), longitude=Decimal("5.176000"))
    assert osm_url(with_pin) == (
        "https://www.openstreetmap.org/?mlat=52.225000&mlon=5.176000#map=18/52.225000/5.176000"
    )
    by_address = LocatieFactory.build(street_address="Kerkstraat 1", postcode="1211 AB")
    assert osm_url(by_address) == (
        "https://www.openstreetmap.org/search?query=Kerkstraat+1%2C+1211+AB+Hilversum"
    )
    assert osm_url(LocatieFactory.build(street_address="")) == ""


def test_map_is_a_link_and_the_page_loads_nothing_from_openstreetmap(client):
    rooster = RoosterFactory(locatie__street_address="Kerkstraat 1", locatie__postcode="1211 AB")
    html = get_detail(client, rooster.activiteit).content.decode()
    assert (
        'href="https://www.openstreetmap.org/search?query=Kerkstraat+1%2C+1211+AB+Hilversum"'
        in html
    )
    assert "<iframe" not in html
    assert 'src="https://' not in html


@pytest.mark.parametrize(
    "fields",
    [
        {"moderatie": Moderatie.WACHT},
        {"moderatie": Moderatie.AFGEWEZEN},
        {"assured_at": NOW - timedelta(days=366)},
        {"assured_at": None},
    ],
)
def test_activity_that_is_not_public_is_not_found(client, fields):
    activiteit = ActiviteitFactory(contact_phone="035 999 99 99", **fields)
    response = get_detail(client, activiteit)
    assert response.status_code == 404
    assert "035 999 99 99" not in response.content.decode()


@pytest.mark.parametrize(
    ("status", "notice"),
    [
        (Status.GEPAUZEERD, "tijdelijk gestopt"),
        (Status.BEEINDIGD, "bestaat niet meer"),
    ],
)
def test_paused_or_ended_activity_says_so_without_old_details(client, status, notice):
    rooster = RoosterFactory(activiteit__status=status, activiteit__contact_phone="035 999 99 99")
    response = get_detail(client, rooster.activiteit)
    html = response.content.decode()
    assert response.status_code == 404
    assert rooster.activiteit.name in html
    assert notice in html
    assert "035 999 99 99" not in html
    assert "Elke dinsdag" not in html


def test_unknown_slug_is_not_found(client):
    assert client.get("/aanbod/bestaat-niet/").status_code == 404


def _detail_queries(client, activiteit) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = get_detail(client, activiteit)
    assert response.status_code == 200
    return len(queries)


def test_detail_query_count_does_not_grow_with_schedules_terms_and_wijken(client):
    small = RoosterFactory().activiteit
    large = ActiviteitFactory()
    large.terms.set(Term.objects.all())
    large.wijken.set(Wijk.objects.all())
    for day in ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]:
        rooster = RoosterFactory(activiteit=large, **{"dinsdag": False, day: True})
        uitzondering(rooster, date(2026, 12, 20), date(2027, 1, 4), "Kerstvakantie")
        uitzondering(rooster, date(2027, 7, 1), date(2027, 8, 31), "Zomerstop")
    # 1 activity + organisation, 2 terms, 3 wijken, 4 schedules + locations + their wijk,
    # 5 exceptions. An anonymous visitor has no session, so nothing else (budget: 12).
    assert _detail_queries(client, small) == _detail_queries(client, large) == 5


def test_activity_whose_schedules_have_all_run_out_says_no_new_dates(client):
    rooster = RoosterFactory(end_date=date(2026, 6, 30))
    html = get_detail(client, rooster.activiteit).content.decode()
    assert "Er zijn nu geen nieuwe data bekend." in html
    assert "Elke dinsdag" not in html


def test_activity_at_two_places_says_where_each_time_is(client):
    rooster = RoosterFactory(locatie__name="Buurthuis Noord")
    RoosterFactory(
        activiteit=rooster.activiteit,
        dinsdag=False,
        vrijdag=True,
        locatie__name="Bibliotheek",
        locatie__latitude=Decimal("52.2234"),
        locatie__longitude=Decimal("5.1760"),
    )
    response = get_detail(client, rooster.activiteit)
    html = response.content.decode()
    assert "in Buurthuis Noord" in html
    assert "in Bibliotheek" in html
    assert "https://www.openstreetmap.org/?mlat=52.223400&amp;mlon=5.176000" in html
    places = {o.rooster.locatie.name for o in response.context["next_dates"]}
    assert places == {"Buurthuis Noord", "Bibliotheek"}
