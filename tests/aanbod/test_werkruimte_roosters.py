"""Schedules and locations in the werkruimte: presets, validation, proposals, exceptions."""

from datetime import date, time

import pytest
from django.urls import reverse

from aanbod.constants import Herhaling, Moderatie
from aanbod.models import Locatie, Rooster, RoosterUitzondering, Voorstel
from tests.aanbod.factories import ActiviteitFactory, LocatieFactory, RoosterFactory
from wijken.models import Postcode, Wijk

pytestmark = pytest.mark.sqlite


def weekly(**overrides):
    data = {
        "herhaling": "wekelijks",
        "dagen": ["1", "3"],
        "start_date": "2026-09-01",
        "start_time": "14:00",
        "end_time": "16:00",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def waiting(aanbieder_user):
    """An aanbieder's activity that is not public yet: its schedules change directly."""
    return ActiviteitFactory(
        organisatie=aanbieder_user.medewerker.organisatie, moderatie=Moderatie.WACHT
    )


@pytest.fixture
def approved(aanbieder_user):
    return ActiviteitFactory(organisatie=aanbieder_user.medewerker.organisatie)


def create_url(activiteit):
    return reverse("aanbod:werkruimte_rooster_create", args=[activiteit.pk])


@pytest.mark.parametrize(
    "overrides,field,message",
    [
        ({"dagen": None}, "dagen", "Kies minstens één dag."),
        ({"herhaling": "tweewekelijks", "dagen": None}, "dagen", "Kies minstens één dag."),
        (
            {"herhaling": "maandelijks"},
            "dagen",
            "Kies precies één dag, bijvoorbeeld dinsdag.",
        ),
        (
            {"herhaling": "maandelijks", "dagen": ["1"]},
            "week_van_de_maand",
            "Kies de week van de maand.",
        ),
        ({"herhaling": "eenmalig", "start_date": None}, "start_date", "Vul de datum in."),
        ({"start_date": "31-02-2026"}, "start_date", "Vul een datum in zoals 6-1-2026."),
        (
            {"end_date": "2026-08-01"},
            "end_date",
            "De laatste datum ligt vóór de eerste datum.",
        ),
        ({"end_time": "13:00"}, "end_time", "De eindtijd moet na de begintijd liggen."),
        ({"start_time": "25:00"}, "start_time", "Vul een tijd in zoals 14:00."),
        ({"herhaling": "elke-eeuw"}, "herhaling", None),
    ],
)
def test_schedule_form_explains_each_mistake_at_its_field(
    client, aanbieder_user, waiting, overrides, field, message
):
    client.force_login(aanbieder_user)
    response = client.post(create_url(waiting), weekly(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    if message:
        assert errors[field] == [message]
    assert 'id="foutmeldingen"' in response.content.decode()
    assert not Rooster.objects.exists()


def test_eenmalig_needs_only_a_date_and_ignores_days_and_end_date(client, aanbieder_user, waiting):
    client.force_login(aanbieder_user)
    client.post(
        create_url(waiting),
        weekly(herhaling="eenmalig", start_date="2026-06-29", end_date="2026-01-01"),
    )
    rooster = Rooster.objects.get()
    assert rooster.herhaling == Herhaling.EENMALIG
    assert rooster.start_date == date(2026, 6, 29) and rooster.end_date is None
    assert rooster.weekdays == []


def test_monthly_schedule_with_one_day_and_a_week_is_saved(client, aanbieder_user, waiting):
    client.force_login(aanbieder_user)
    client.post(
        create_url(waiting),
        weekly(herhaling="maandelijks", dagen=["4"], week_van_de_maand="-1"),
    )
    rooster = Rooster.objects.get()
    assert (rooster.weekdays, rooster.week_van_de_maand) == ([4], -1)


def test_schedules_of_an_activity_not_yet_public_change_directly_and_are_logged(
    client, aanbieder_user, waiting, django_capture_on_commit_callbacks
):
    locatie = LocatieFactory(name="Buurthuis De Geus")
    client.force_login(aanbieder_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(create_url(waiting), weekly(locatie=locatie.pk))
    assert response["Location"] == reverse("aanbod:werkruimte_roosters", args=[waiting.pk])
    rooster = Rooster.objects.get()
    assert rooster.weekdays == [1, 3]
    assert (rooster.start_time, rooster.end_time) == (time(14), time(16))
    assert rooster.locatie == locatie
    row = waiting.wijzigingen.get(field="rooster")
    assert row.old_value == ""
    assert row.new_value.startswith("Elke week op dinsdag en donderdag, 14:00–16:00")
    assert "Buurthuis De Geus" in row.new_value
    waiting.refresh_from_db()
    assert waiting.next_occurrence is not None
    assert not Voorstel.objects.filter(is_new=False).exists()


def test_schedule_change_of_an_approved_activity_is_a_proposal_until_approved(
    client, aanbieder_user, approved, kartrekker_user
):
    rooster = RoosterFactory(activiteit=approved, dinsdag=True, start_time=time(14))
    client.force_login(aanbieder_user)
    edit = reverse("aanbod:werkruimte_rooster_edit", args=[approved.pk, rooster.pk])
    client.post(edit, weekly(dagen=["4"], start_time="10:00", end_time="12:00"))
    client.post(create_url(approved), weekly(herhaling="eenmalig", start_date="2026-06-29"))
    rooster.refresh_from_db()
    assert rooster.weekdays == [1] and rooster.start_time == time(14)  # public: unchanged
    assert Rooster.objects.count() == 1
    voorstel = Voorstel.objects.get()
    assert [item["dagen"] for item in voorstel.data["roosters"]] == [[4], []]
    # The provider's schedule page shows what they proposed.
    page = client.get(reverse("aanbod:werkruimte_roosters", args=[approved.pk]))
    texts = [row["omschrijving"] for row in page.context["rows"]]
    assert texts[0].startswith("Elke week op vrijdag, 10:00–12:00")
    assert texts[1].startswith("Op maandag 29 juni 2026")

    client.force_login(kartrekker_user)
    client.post(
        reverse("aanbod:werkruimte_voorstel", args=[voorstel.pk]), {"besluit": "goedkeuren"}
    )
    rooster.refresh_from_db()
    assert rooster.weekdays == [4] and rooster.start_time == time(10)
    assert Rooster.objects.filter(herhaling=Herhaling.EENMALIG, activiteit=approved).exists()
    assert approved.wijzigingen.filter(field="rooster").count() == 2


def test_deleting_a_schedule_asks_first_and_then_removes_it(client, aanbieder_user, waiting):
    rooster = RoosterFactory(activiteit=waiting)
    client.force_login(aanbieder_user)
    url = reverse("aanbod:werkruimte_rooster_delete", args=[waiting.pk, rooster.pk])
    assert "Weet u zeker" in client.get(url).content.decode()
    assert Rooster.objects.exists()
    client.post(url)
    assert not Rooster.objects.exists()
    row = waiting.wijzigingen.get(field="rooster")
    assert row.old_value.startswith("Elke week op dinsdag") and row.new_value == ""


def test_exceptions_are_added_as_a_date_or_a_period_and_removed(client, aanbieder_user, waiting):
    rooster = RoosterFactory(activiteit=waiting)
    client.force_login(aanbieder_user)
    url = reverse("aanbod:werkruimte_uitzondering_create", args=[waiting.pk, rooster.pk])
    client.post(url, {"start_date": "2026-07-20", "end_date": "2026-08-31", "reason": "Zomerstop"})
    client.post(url, {"start_date": "2026-04-27", "reason": "Koningsdag"})
    rows = list(
        RoosterUitzondering.objects.order_by("start_date").values_list(
            "start_date", "end_date", "reason"
        )
    )
    assert rows == [
        (date(2026, 4, 27), date(2026, 4, 27), "Koningsdag"),
        (date(2026, 7, 20), date(2026, 8, 31), "Zomerstop"),
    ]
    page = client.get(reverse("aanbod:werkruimte_roosters", args=[waiting.pk])).content.decode()
    assert "niet op 27 april 2026 (Koningsdag)" in page
    assert "niet van 20 juli 2026 tot en met 31 augustus 2026 (Zomerstop)" in page
    rooster = Rooster.objects.get()  # saved again: exceptions belong to the same schedule
    delete = reverse("aanbod:werkruimte_uitzondering_delete", args=[waiting.pk, rooster.pk, 0])
    assert client.get(delete).status_code == 405
    client.post(delete)
    assert list(RoosterUitzondering.objects.values_list("reason", flat=True)) == ["Zomerstop"]
    missing = reverse("aanbod:werkruimte_uitzondering_delete", args=[waiting.pk, rooster.pk, 5])
    assert client.post(missing).status_code == 404


def test_exception_that_ends_before_it_starts_is_refused(client, aanbieder_user, waiting):
    rooster = RoosterFactory(activiteit=waiting)
    client.force_login(aanbieder_user)
    url = reverse("aanbod:werkruimte_uitzondering_create", args=[waiting.pk, rooster.pk])
    response = client.post(url, {"start_date": "2026-07-20", "end_date": "2026-07-01"})
    assert response.context["form"].errors["end_date"] == [
        "De laatste dag ligt vóór de eerste dag."
    ]
    assert not RoosterUitzondering.objects.exists()


@pytest.fixture
def noord():
    wijk = Wijk.objects.get(name="Noordoost")
    Postcode.objects.create(postcode="1216AB", wijk=wijk)
    return wijk


def test_new_location_gets_its_wijk_from_the_postcode(client, aanbieder_user, noord):
    client.force_login(aanbieder_user)
    client.post(
        reverse("aanbod:werkruimte_locatie_create"),
        {
            "name": "Buurthuis",
            "street_address": "Kerkstraat 12a",
            "postcode": "1216ab",
            "city": "Hilversum",
            "wijk": Wijk.objects.get(name="Centrum").pk,
            "rolstoel": "on",
        },
    )
    locatie = Locatie.objects.get()
    assert (locatie.postcode, locatie.wijk, locatie.rolstoel) == ("1216 AB", noord, True)


def test_new_location_keeps_the_chosen_wijk_when_the_postcode_is_unknown(client, aanbieder_user):
    centrum = Wijk.objects.get(name="Centrum")
    client.force_login(aanbieder_user)
    client.post(
        reverse("aanbod:werkruimte_locatie_create"),
        {"name": "Zaal", "postcode": "9999 ZZ", "city": "Hilversum", "wijk": centrum.pk},
    )
    assert Locatie.objects.get().wijk == centrum


def test_location_form_explains_a_bad_postcode(client, aanbieder_user):
    client.force_login(aanbieder_user)
    response = client.post(
        reverse("aanbod:werkruimte_locatie_create"),
        {"name": "Zaal", "postcode": "12345", "city": "Hilversum"},
    )
    assert response.context["form"].errors["postcode"] == ["Vul een postcode in zoals 1211 AB."]
    assert 'value="12345"' in response.content.decode()


def test_new_location_leads_back_to_the_schedule_form_with_it_chosen(
    client, aanbieder_user, waiting
):
    client.force_login(aanbieder_user)
    back = create_url(waiting)
    response = client.post(
        reverse("aanbod:werkruimte_locatie_create"),
        {"name": "Zaal", "city": "Hilversum", "volgende": back},
    )
    locatie = Locatie.objects.get()
    assert response["Location"] == f"{back}?locatie={locatie.pk}"
    form = client.get(response["Location"]).context["form"]
    assert form["locatie"].value() == locatie.pk


def test_new_location_never_leads_to_another_site(client, aanbieder_user):
    client.force_login(aanbieder_user)
    response = client.post(
        reverse("aanbod:werkruimte_locatie_create"),
        {"name": "Zaal", "city": "Hilversum", "volgende": "https://evil.example/"},
    )
    assert response["Location"] == reverse("aanbod:werkruimte_locaties")


def test_only_the_kartrekker_changes_an_existing_location(client, aanbieder_user, kartrekker_user):
    locatie = LocatieFactory(name="Oud")
    url = reverse("aanbod:werkruimte_locatie_edit", args=[locatie.pk])
    client.force_login(aanbieder_user)
    assert client.post(url, {"name": "Gekaapt", "city": "Hilversum"}).status_code == 403
    client.force_login(kartrekker_user)
    client.post(url, {"name": "Nieuw", "city": "Hilversum"})
    locatie.refresh_from_db()
    assert locatie.name == "Nieuw"


@pytest.mark.parametrize("n", [1, 30])
def test_location_list_query_count_does_not_grow_with_rows(
    client, aanbieder_user, django_assert_max_num_queries, n
):
    wijk = Wijk.objects.first()
    for _ in range(n):
        LocatieFactory(wijk=wijk)
    client.force_login(aanbieder_user)
    # session, user, groups, organisation, page count, page rows (with wijk)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("aanbod:werkruimte_locaties"))
    assert len(response.context["page"]) == n


@pytest.mark.parametrize("n", [1, 10])
def test_schedule_page_query_count_does_not_grow_with_schedules(
    client, aanbieder_user, waiting, django_assert_max_num_queries, n
):
    for _ in range(n):
        rooster = RoosterFactory(activiteit=waiting)
        RoosterUitzondering.objects.create(
            rooster=rooster, start_date=date(2026, 7, 1), end_date=date(2026, 7, 2)
        )
    client.force_login(aanbieder_user)
    # session, user, groups, organisation, activity, proposal, schedules, exceptions, locations
    with django_assert_max_num_queries(9):
        response = client.get(reverse("aanbod:werkruimte_roosters", args=[waiting.pk]))
    assert len(response.context["rows"]) == n
