"""The paged list /api/hsds/services: envelope, parameters, bad input, query budget, demo data."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from aanbod import demo, hsds
from aanbod.indexing import activiteit_reindex
from aanbod.models import Activiteit, Term
from tests.aanbod.factories import ActiviteitFactory, RoosterFactory
from tests.aanbod.test_api import (
    assert_valid,
    rich_activity,
    schema_errors,
    service_url,
    services_url,
)
from tests.factories import OrganisatieFactory

AMS = ZoneInfo("Europe/Amsterdam")


def make(count: int, **fields) -> list[Activiteit]:
    made = ActiviteitFactory.create_batch(count, **fields)
    activiteit_reindex(ids=[a.pk for a in made])
    return made


def names(response) -> list[str]:
    return [s["name"] for s in response.json()["contents"]]


@pytest.mark.sqlite
def test_list_has_the_hsds_page_envelope(client, db):
    make(3)
    response = client.get(services_url(per_page=2))
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert {k: v for k, v in data.items() if k != "contents"} == {
        "total_items": 3,
        "total_pages": 2,
        "page_number": 1,
        "size": 2,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    assert_valid(data, "portal_services_page")
    second = client.get(services_url(per_page=2, page=2)).json()
    assert (second["size"], second["first_page"], second["last_page"]) == (1, False, True)


@pytest.mark.sqlite
def test_list_items_have_one_to_one_fields_and_full_gives_nested_services(client, db):
    rich_activity()
    [item] = client.get(services_url()).json()["contents"]
    assert "schedules" not in item and item["organization"]["name"] == "Heikracht"
    assert not schema_errors(item, "portal_service_list")
    [full] = client.get(services_url(full="true")).json()["contents"]
    assert full["schedules"][0]["byday"] == "TU"
    assert_valid(full, "portal_service")


@pytest.mark.sqlite
def test_page_past_the_end_is_empty_not_an_error(client, db):
    make(2)
    data = client.get(services_url(page=99999999999999999999)).json()
    assert (data["empty"], data["size"], data["total_items"], data["contents"]) == (True, 0, 2, [])
    assert_valid(data, "portal_services_page")


@pytest.mark.sqlite
def test_no_results_is_an_empty_page(client, db):
    data = client.get(services_url()).json()
    assert (data["total_items"], data["total_pages"], data["empty"]) == (0, 0, True)
    assert_valid(data, "portal_services_page")


@pytest.mark.sqlite
def test_per_page_is_capped_at_100(client, db):
    make(101)
    data = client.get(services_url(per_page=500)).json()
    assert (data["size"], data["total_pages"]) == (100, 2)


@pytest.mark.sqlite
@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"page": "abc"}, "page"),
        ({"page": "0"}, "page"),
        ({"per_page": "-5"}, "per_page"),
        ({"per_page": "1e3"}, "per_page"),
        ({"modified_after": "gisteren"}, "modified_after"),
        ({"modified_after": "2026-02-30"}, "modified_after"),
        ({"modified_after": "2026-13-01T10:00:00"}, "modified_after"),
        ({"modified_after": "0001-01-01T00:00:00%2B14:00"}, "modified_after"),
        ({"modified_after": "2026-01-01%00"}, "modified_after"),
        ({"modified_after": "x" * 5000}, "modified_after"),
        ({"taxonomy_term_id": "senioren"}, "taxonomy_term_id"),
        ({"organization_id": "1"}, "organization_id"),
    ],
)
def test_bad_parameters_give_a_400_with_a_json_message(client, db, params, parameter):
    response = client.get(services_url(**params))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["parameter"] == parameter
    assert response.json()["error"]


@pytest.mark.sqlite
def test_search_matches_every_word_ignoring_case_and_accents(client, db):
    make(1, name="Café voor senioren")
    make(1, name="Wandelgroep voor senioren")
    make(1, name="Jongerencafé")
    assert names(client.get(services_url(search="CAFE"))) == [
        "Café voor senioren",
        "Jongerencafé",
    ]
    assert names(client.get(services_url(search="cafe%20senioren"))) == ["Café voor senioren"]
    assert names(client.get(services_url(search="x" * 5000))) == []


@pytest.mark.sqlite
def test_search_with_a_nul_character_is_harmless(client, db):
    make(1, name="Koffie")
    assert names(client.get(services_url(search="kof%00fie"))) == ["Koffie"]


@pytest.mark.sqlite
@pytest.mark.parametrize(
    "value",
    [
        "2026-06-01",
        "2026-06-01T00:00:00",
        "2026-06-01T00:00:00%2B02:00",
        "2026-06-01T00:00:00+02:00",  # an unencoded "+" arrives as a space
        "2026-05-31T22:00:00Z",
    ],
)
def test_modified_after_returns_what_changed_since_then(client, db, value):
    old, new = make(2)
    Activiteit.objects.filter(pk=old.pk).update(modified_at=datetime(2026, 5, 31, 12, tzinfo=UTC))
    Activiteit.objects.filter(pk=new.pk).update(modified_at=datetime(2026, 6, 1, 9, tzinfo=UTC))
    assert names(client.get(services_url(modified_after=value))) == [new.name]


@pytest.mark.sqlite
def test_filter_by_taxonomy_term_taxonomy_and_organisation(client, db):
    senioren = Term.objects.get(vocabulaire="doelgroep", code="senioren")
    jongeren = Term.objects.get(vocabulaire="doelgroep", code="jongeren")
    eten = Term.objects.get(vocabulaire="type", code="samen-eten")
    a, b, c = make(3)
    a.terms.set([senioren, eten])
    b.terms.set([jongeren])
    org = OrganisatieFactory(name="Senver")
    Activiteit.objects.filter(pk=c.pk).update(organisatie=org)

    by_term = client.get(services_url(taxonomy_term_id=hsds.term_id(senioren)))
    assert names(by_term) == [a.name]
    by_taxonomy = client.get(services_url(taxonomy_id=hsds.taxonomy_id("doelgroep")))
    assert names(by_taxonomy) == [a.name, b.name]
    assert names(client.get(services_url(organization_id=hsds.organisation_id(org.pk)))) == [c.name]
    unknown = "00000000-0000-0000-0000-000000000000"
    assert names(client.get(services_url(taxonomy_term_id=unknown))) == []
    assert names(client.get(services_url(organization_id=unknown))) == []


@pytest.mark.sqlite
def test_list_shows_only_public_activities(client, db):
    make(1, name="Zichtbaar")
    make(1, name="Wacht", moderatie="wacht")
    make(1, name="Oud", assured_at=timezone.now().replace(year=2020))
    assert names(client.get(services_url())) == ["Zichtbaar"]


def _with_schedules(count: int) -> None:
    for activiteit in make(count):
        RoosterFactory(activiteit=activiteit)
        RoosterFactory(activiteit=activiteit, herhaling="maandelijks", week_van_de_maand=-1)
        activiteit.terms.set(Term.objects.filter(code__in=["senioren", "sociaal", "nl"]))


@pytest.mark.sqlite
@pytest.mark.parametrize("count", [1, 30])
def test_full_list_makes_the_same_queries_whatever_the_page_size(
    client, db, django_assert_num_queries, count
):
    _with_schedules(count)
    # count, page (with organisation), terms, wijken, schedules (with location and wijk),
    # schedule exceptions
    with django_assert_num_queries(6):
        response = client.get(services_url(full="true", per_page=100))
    assert response.json()["size"] == count


@pytest.mark.sqlite
@pytest.mark.parametrize("count", [1, 30])
def test_summary_list_makes_three_queries(client, db, django_assert_num_queries, count):
    make(count)
    with django_assert_num_queries(3):  # count, page (with organisation), terms
        client.get(services_url(per_page=100))


@pytest.mark.sqlite
@pytest.mark.parametrize("schedules", [1, 20])
def test_detail_makes_the_same_queries_whatever_the_number_of_schedules(
    client, db, django_assert_num_queries, schedules
):
    activiteit = ActiviteitFactory()
    RoosterFactory.create_batch(schedules, activiteit=activiteit)
    # activity (with organisation), terms, wijken, schedules (with location), exceptions
    with django_assert_num_queries(5):
        client.get(service_url(activiteit))


@pytest.mark.sqlite
def test_every_demo_service_validates_against_the_schema(client, db):
    demo.seed(today=date(2026, 11, 28))
    page = client.get(services_url(full="true", per_page=100)).json()
    assert page["total_items"] >= 40
    assert_valid(page, "portal_services_page")
    for item in page["contents"]:
        detail = client.get(service_url(Activiteit(uuid=item["id"]))).json()
        assert detail == item
        assert_valid(detail, "portal_service")
    summaries = client.get(services_url(per_page=100)).json()
    assert_valid(summaries, "portal_services_page")


@pytest.mark.sqlite
def test_the_schema_rejects_misspelt_missing_and_null_fields(client, db):
    data = client.get(service_url(rich_activity())).json()
    assert_valid(data, "portal_service")
    location = data["service_at_locations"][0]["location"]
    broken = [
        {**data, "adress": "Kerkstraat 1"},
        {**data, "name": None},
        {k: v for k, v in data.items() if k != "status"},
        {**data, "status": "actief"},
        {**data, "schedules": [{**data["schedules"][0], "freq": "DAILY"}]},
        {**data, "schedules": [{**data["schedules"][0], "opens_at": "2 uur"}]},
        {**data, "id": "123"},
        {**data, "last_modified": "gisteren"},
        {
            **data,
            "service_at_locations": [
                {**data["service_at_locations"][0], "location": {**location, "addresses": [{}]}}
            ],
        },
    ]
    for instance in broken:
        assert schema_errors(instance, "portal_service")
