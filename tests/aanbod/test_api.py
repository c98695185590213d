import json
import uuid
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from unittest.mock import patch
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker

from aanbod.constants import Herhaling, Moderatie, Status
from aanbod.indexing import activiteit_reindex
from aanbod.models import Activiteit, RoosterUitzondering, Term
from tests.aanbod.factories import ActiviteitFactory, LocatieFactory, RoosterFactory
from tests.factories import OrganisatieFactory
from wijken.models import Wijk

AMS = ZoneInfo("Europe/Amsterdam")
SCHEMA = json.loads((Path(__file__).parent / "hsds_schema.json").read_text())
FORMATS = FormatChecker()


# jsonschema only checks these two formats with optional packages; check them here instead.
@FORMATS.checks("date-time", raises=ValueError)
def _is_datetime(value) -> bool:
    return "T" in value and datetime.fromisoformat(value).tzinfo is not None


@FORMATS.checks("uri", raises=ValueError)
def _is_uri(value) -> bool:
    parts = urlparse(value)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def schema_errors(instance, definition: str) -> list[str]:
    validator = Draft202012Validator(
        {**SCHEMA, "$ref": f"#/$defs/{definition}"}, format_checker=FORMATS
    )
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(instance)
    ]


def assert_valid(instance, definition: str) -> None:
    errors = schema_errors(instance, definition)
    assert not errors, "\n".join(errors[:20])


def terms(*pairs) -> list[Term]:
    return [Term.objects.get(vocabulaire=v, code=c) for v, c in pairs]


def services_url(**params) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return reverse("hsds:services") + (f"?{query}" if query else "")


def service_url(activiteit) -> str:
    return reverse("hsds:service", kwargs={"service_id": activiteit.uuid})


def rich_activity(**fields) -> Activiteit:
    """An activity with every part the API publishes: location, schedule, terms, costs."""
    organisatie = OrganisatieFactory(
        name="Heikracht", description="Bewonersorganisatie", website="https://example.org/"
    )
    wijk = Wijk.objects.get(slug="zuid")
    locatie = LocatieFactory(
        name="Bethlehemkerk",
        street_address="Kerkstraat 1",
        postcode="1211 AB",
        wijk=wijk,
        rolstoel=True,
        ringleiding=True,
        latitude=Decimal("52.223000"),
        longitude=Decimal("5.176000"),
    )
    defaults = {
        "name": "Buurtmaaltijd",
        "description": "Elke maand samen eten.",
        "organisatie": organisatie,
        "is_free": False,
        "cost_amount": Decimal("4.50"),
        "cost_description": "per maaltijd",
        "contact_name": "Anna",
        "contact_email": "anna@example.org",
        "contact_phone": "035 123 45 67",
        "min_age": 65,
        "wat_werkt": True,
        "wat_werkt_url": "https://www.movisie.nl/",
    }
    activiteit = ActiviteitFactory(**{**defaults, **fields})
    activiteit.terms.set(
        terms(
            ("doelgroep", "senioren"),
            ("soort", "sociaal"),
            ("type", "samen-eten"),
            ("taal", "nl"),
            ("taal", "ngt"),
            ("vorm", "op-locatie"),
        )
    )
    activiteit.wijken.set([wijk])
    RoosterFactory(activiteit=activiteit, locatie=locatie)  # every Tuesday 14:00–16:00
    activiteit_reindex(ids=[activiteit.pk])
    activiteit.refresh_from_db()
    return activiteit


# --- /api/hsds/ ---------------------------------------------------------------------------


@pytest.mark.sqlite
def test_index_says_which_hsds_version_and_profile(client, db):
    response = client.get(reverse("hsds:index"))
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["version"] == "3.0"
    assert data["openapi_url"].startswith("https://")
    assert_valid(data, "portal_api_info")


# --- /api/hsds/services/<uuid> -----------------------------------------------------------


@pytest.mark.sqlite
def test_service_has_the_nested_hsds_parts_and_validates(client, db):
    activiteit = rich_activity()
    response = client.get(service_url(activiteit))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert_valid(data, "portal_service")
    assert data["id"] == str(activiteit.uuid)
    assert data["status"] == "active"
    assert data["url"] == f"http://testserver/aanbod/{activiteit.slug}/"
    assert data["organization"]["name"] == "Heikracht"
    assert data["organization_id"] == data["organization"]["id"]
    assert data["minimum_age"] == 65 and "maximum_age" not in data
    assert data["assured_date"] == timezone.localdate(activiteit.assured_at).isoformat()


@pytest.mark.sqlite
def test_service_location_has_its_physical_address_and_accessibility(client, db):
    activiteit = rich_activity()
    data = client.get(service_url(activiteit)).json()
    [sal] = data["service_at_locations"]
    location = sal["location"]
    assert location["name"] == "Bethlehemkerk"
    assert location["latitude"] == pytest.approx(52.223)
    [address] = location["addresses"]
    assert {k: address[k] for k in ("address_1", "city", "postal_code", "country")} == {
        "address_1": "Kerkstraat 1",
        "city": "Hilversum",
        "postal_code": "1211 AB",
        "country": "NL",
    }
    assert address["state_province"] == "Noord-Holland"
    assert address["address_type"] == "physical"
    assert [a["description"] for a in location["accessibility"]] == [
        "Rolstoeltoegankelijk",
        "Ringleiding",
    ]


@pytest.mark.sqlite
def test_weekly_schedule_is_sent_as_rrule_fields_at_its_location(client, db):
    activiteit = rich_activity()
    data = client.get(service_url(activiteit)).json()
    [schedule] = data["schedules"]
    assert {k: schedule[k] for k in ("freq", "interval", "byday", "opens_at", "closes_at")} == {
        "freq": "WEEKLY",
        "interval": 1,
        "byday": "TU",
        "opens_at": "14:00",
        "closes_at": "16:00",
    }
    assert schedule["valid_from"] == schedule["dtstart"] == "2026-01-06"
    assert schedule["wkst"] == "MO"
    assert schedule["description"] == "Elke week op dinsdag, 14:00 tot 16:00"
    assert schedule["attending_type"] == "Op locatie"
    assert "until" not in schedule and "valid_to" not in schedule
    # The same schedule, with the same id, under the service at its location.
    assert data["service_at_locations"][0]["schedules"] == [schedule]
    assert schedule["service_at_location_id"] == data["service_at_locations"][0]["id"]


@pytest.mark.sqlite
@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"herhaling": Herhaling.TWEEWEKELIJKS, "dinsdag": False, "maandag": True},
            {"freq": "WEEKLY", "interval": 2, "byday": "MO", "dtstart": "2026-01-19"},
        ),
        (
            {"herhaling": Herhaling.MAANDELIJKS, "dinsdag": False, "vrijdag": True,
             "week_van_de_maand": -1},
            {"freq": "MONTHLY", "interval": 1, "byday": "-1FR", "dtstart": "2026-01-30"},
        ),
        (
            {"herhaling": Herhaling.EENMALIG, "dinsdag": False, "start_date": date(2027, 6, 29)},
            {"freq": "WEEKLY", "interval": 1, "byday": "TU", "dtstart": "2027-06-29",
             "until": "2027-06-29", "valid_to": "2027-06-29"},
        ),
    ],
)  # fmt: skip
def test_schedule_presets_become_hsds_rrule_fields(client, db, fields, expected):
    rooster = RoosterFactory(**fields)
    data = client.get(service_url(rooster.activiteit)).json()
    [schedule] = data["schedules"]
    assert {k: schedule[k] for k in expected} == expected
    assert_valid(data, "portal_service")


@pytest.mark.sqlite
def test_schedule_ending_on_a_date_has_until_and_valid_to(client, db):
    rooster = RoosterFactory(end_date=date(2026, 6, 30))
    [schedule] = client.get(service_url(rooster.activiteit)).json()["schedules"]
    assert schedule["until"] == schedule["valid_to"] == "2026-06-30"


@pytest.mark.sqlite
def test_cancelled_dates_and_breaks_are_in_the_schedule_notes(client, db):
    rooster = RoosterFactory(note="Neem uw eigen beker mee")
    RoosterUitzondering.objects.create(
        rooster=rooster, start_date=date(2026, 7, 20), end_date=date(2026, 8, 30), reason="zomer"
    )
    RoosterUitzondering.objects.create(
        rooster=rooster, start_date=date(2026, 5, 5), end_date=date(2026, 5, 5)
    )
    [schedule] = client.get(service_url(rooster.activiteit)).json()["schedules"]
    assert schedule["notes"] == (
        "Neem uw eigen beker mee. Gaat niet door op 5 mei 2026. "
        "Gaat niet door van 20 juli 2026 tot en met 30 augustus 2026 (zomer)"
    )


@pytest.mark.sqlite
def test_target_group_kind_of_loneliness_and_type_are_taxonomy_attributes(client, db):
    data = client.get(service_url(rich_activity())).json()
    found = {
        (a["link_type"], a["taxonomy_term"]["code"], a["taxonomy_term"]["taxonomy"])
        for a in data["attributes"]
    }
    assert found == {
        ("doelgroep", "senioren", "Doelgroep"),
        ("soort", "sociaal", "Soort eenzaamheid"),
        ("type", "samen-eten", "Soort activiteit"),
    }
    term = next(a["taxonomy_term"] for a in data["attributes"] if a["link_type"] == "doelgroep")
    assert term["name"] == "Senioren (65+)"
    assert term["taxonomy_detail"]["id"] == term["taxonomy_id"]


@pytest.mark.sqlite
def test_languages_contacts_phones_and_costs(client, db):
    data = client.get(service_url(rich_activity())).json()
    assert [(lang["code"], lang["name"]) for lang in data["languages"]] == [
        ("nl", "Nederlands"),
        ("dse", "Nederlandse Gebarentaal"),  # ISO 639-3; ISO 639-1 has no code for it
    ]
    assert [(c["name"], c["email"]) for c in data["contacts"]] == [("Anna", "anna@example.org")]
    assert [p["number"] for p in data["phones"]] == ["035 123 45 67"]
    [cost] = data["cost_options"]
    assert (cost["amount"], cost["currency"], cost["amount_description"]) == (
        4.5,
        "EUR",
        "per maaltijd",
    )
    assert data["fees_description"] == "€ 4,50. per maaltijd"
    assert data["accreditations"].startswith("Werkzame methode")


@pytest.mark.sqlite
def test_free_activity_has_a_zero_cost_option_and_empty_lists_stay_lists(client, db):
    activiteit = ActiviteitFactory(is_free=True)
    data = client.get(service_url(activiteit)).json()
    assert [(c["amount"], c["option"]) for c in data["cost_options"]] == [(0, "Gratis")]
    assert data["phones"] == data["contacts"] == data["schedules"] == []
    assert_valid(data, "portal_service")


@pytest.mark.sqlite
def test_service_areas_are_the_wijken_or_all_of_hilversum(client, db):
    activiteit = rich_activity()
    assert [a["name"] for a in client.get(service_url(activiteit)).json()["service_areas"]] == [
        "Zuid"
    ]
    Activiteit.objects.filter(pk=activiteit.pk).update(heel_hilversum=True)
    areas = client.get(service_url(activiteit)).json()["service_areas"]
    assert [a["name"] for a in areas] == ["Heel Hilversum"]


@pytest.mark.sqlite
def test_ids_are_uuids_that_stay_the_same_between_requests(client, db):
    activiteit = rich_activity()
    first = client.get(service_url(activiteit)).json()
    second = client.get(service_url(activiteit)).json()
    assert first == second

    def ids(node):
        if isinstance(node, dict):
            yield from ((k, v) for k, v in node.items() if k == "id")
            for value in node.values():
                yield from ids(value)
        elif isinstance(node, list):
            for value in node:
                yield from ids(value)

    found = [v for _, v in ids(first)]
    assert all(uuid.UUID(v) for v in found)
    # Only the schedule appears twice: under the service and under its location.
    assert len(set(found)) == len(found) - 1


@pytest.mark.sqlite
@pytest.mark.parametrize(
    "change",
    [
        {"moderatie": Moderatie.WACHT},
        {"moderatie": Moderatie.AFGEWEZEN},
        {"status": Status.GEPAUZEERD},
        {"assured_at": datetime(2020, 1, 1, tzinfo=UTC)},
    ],
)
def test_activities_that_are_not_public_are_not_found(client, db, change):
    activiteit = ActiviteitFactory(**change)
    response = client.get(service_url(activiteit))
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "error" in response.json()
    assert client.get(services_url()).json()["total_items"] == 0


@pytest.mark.sqlite
@pytest.mark.parametrize("service_id", [str(uuid.uuid4()), "not-a-uuid", "1" * 300, "%00", "123"])
def test_unknown_or_malformed_service_id_gives_a_json_404(client, db, service_id):
    response = client.get(f"/api/hsds/services/{service_id}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]


@pytest.mark.sqlite
def test_api_is_read_only(client, db):
    activiteit = ActiviteitFactory()
    assert client.post(services_url()).status_code == 405
    assert client.delete(service_url(activiteit)).status_code == 405
    assert client.head(service_url(activiteit)).status_code == 200


@pytest.mark.sqlite
def test_a_schedule_around_the_clock_says_day_and_night(client, db):
    other_days = ["maandag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    rooster = RoosterFactory(
        **dict.fromkeys(other_days, True),  # and Tuesday, the factory's day
        start_time=time(0, 0),
        end_time=time(23, 59),
    )
    [schedule] = client.get(service_url(rooster.activiteit)).json()["schedules"]
    assert schedule["description"] == "Elke dag, dag en nacht"
    assert (schedule["opens_at"], schedule["closes_at"]) == ("00:00", "23:59")


@pytest.mark.sqlite
def test_assured_date_is_the_date_in_hilversum_not_in_utc(client, db):
    with patch("django.utils.timezone.now", return_value=datetime(2026, 7, 1, 9, tzinfo=UTC)):
        activiteit = ActiviteitFactory(assured_at=datetime(2026, 6, 30, 23, 30, tzinfo=UTC))
        data = client.get(service_url(activiteit)).json()
    assert data["assured_date"] == "2026-07-01"
