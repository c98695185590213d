"""Meetings in the werkruimte: list, page, form, and the attendance formset."""

from datetime import date, time

import pytest
from django.urls import reverse

from coalitie.constants import BijeenkomstSoort
from coalitie.models import Aanwezigheid, Bijeenkomst
from tests.coalitie.factories import AanwezigheidFactory, BijeenkomstFactory
from tests.factories import OrganisatieFactory

pytestmark = pytest.mark.sqlite

LIST = reverse("coalitie_werkruimte:bijeenkomsten")
CREATE = reverse("coalitie_werkruimte:bijeenkomst_create")
VALID = {
    "kind": "kennissessie",
    "title": "Symposium eenzaamheid",
    "date": "2025-09-30",
    "start_time": "13:30",
    "end_time": "17:00",
    "place": "Bibliotheek Hilversum",
    "public": "on",
    "agenda": "Wat werkt tegen eenzaamheid?",
    "minutes": "",
}


def formset_data(rows, *, initial=0, prefix="aanwezig") -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{i}-{key}"] = value
    return data


def test_kartrekker_plans_a_public_symposium(client, kartrekker_user):
    client.force_login(kartrekker_user)
    response = client.post(CREATE, VALID)
    bijeenkomst = Bijeenkomst.objects.get()
    assert response["Location"] == reverse("coalitie_werkruimte:bijeenkomst", args=[bijeenkomst.pk])
    assert bijeenkomst.kind == BijeenkomstSoort.KENNISSESSIE and bijeenkomst.public
    assert bijeenkomst.date == date(2025, 9, 30) and bijeenkomst.start_time == time(13, 30)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"kind": ""}, "kind", "Kies wat voor bijeenkomst het is."),
        ({"title": ""}, "title", "Vul een titel in."),
        ({"date": ""}, "date", "Vul de datum in."),
        ({"date": "30-13-2025"}, "date", "Vul een datum in zoals 26-09-2026."),
        ({"start_time": ""}, "start_time", "Vul de begintijd in."),
        ({"start_time": "half twee"}, "start_time", "Vul een tijd in zoals 19:30."),
        ({"end_time": "12:00"}, "end_time", "De eindtijd moet na de begintijd liggen."),
        ({"place": ""}, "place", "Vul de plaats in"),
        ({"agenda": "x" * 5001}, "agenda", "niet meer dan 5000 tekens"),
    ],
)
def test_bad_input_to_the_meeting_form_keeps_what_was_typed(
    client, kartrekker_user, data, field, message
):
    client.force_login(kartrekker_user)
    response = client.post(CREATE, {**VALID, **data})
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    html = response.content.decode()
    assert 'id="foutmeldingen"' in html
    assert "Wat werkt tegen eenzaamheid?" in html or field == "agenda"
    assert "Symposium eenzaamheid" in html or field == "title"
    assert not Bijeenkomst.objects.exists()


def test_meeting_page_shows_attendance_per_organisation(client, kerngroep_user):
    bijeenkomst = BijeenkomstFactory(title="Najaarsoverleg", minutes="Afspraken gemaakt.")
    versa = OrganisatieFactory(name="Versa Welzijn")
    AanwezigheidFactory(bijeenkomst=bijeenkomst, organisatie=versa, name="Sanne")
    AanwezigheidFactory(bijeenkomst=bijeenkomst, organisatie=versa, name="Piet")
    AanwezigheidFactory(bijeenkomst=bijeenkomst, organisatie__name="MEE")
    client.force_login(kerngroep_user)
    html = client.get(reverse("coalitie_werkruimte:bijeenkomst", args=[bijeenkomst.pk])).content
    html = html.decode()
    assert "<li>MEE</li>" in html and "<li>Versa Welzijn: Piet, Sanne</li>" in html
    assert "Afspraken gemaakt." in html


def test_attendance_formset_replaces_rows_and_counts_repeats_once(client, kartrekker_user):
    bijeenkomst = BijeenkomstFactory()
    mee, versa, senver = (OrganisatieFactory(name=n) for n in ("MEE", "Versa Welzijn", "Senver"))
    AanwezigheidFactory(bijeenkomst=bijeenkomst, organisatie=senver)
    client.force_login(kartrekker_user)
    url = reverse("coalitie_werkruimte:bijeenkomst_aanwezigen", args=[bijeenkomst.pk])
    page = client.get(url)
    assert page.context["formset"].forms[0]["organisatie"].value() == senver.pk
    rows = [
        {"organisatie": str(senver.pk), "name": "", "DELETE": "on"},
        {"organisatie": str(mee.pk), "name": ""},
        {"organisatie": str(versa.pk), "name": "Sanne  Bakker"},
        {"organisatie": str(versa.pk), "name": "Sanne Bakker"},
        {"organisatie": "", "name": ""},
    ]
    response = client.post(url, formset_data(rows, initial=1))
    assert response["Location"] == reverse("coalitie_werkruimte:bijeenkomst", args=[bijeenkomst.pk])
    stored = sorted(
        Aanwezigheid.objects.filter(bijeenkomst=bijeenkomst).values_list(
            "organisatie__name", "name"
        )
    )
    assert stored == [("MEE", ""), ("Versa Welzijn", "Sanne Bakker")]


def test_attendance_row_with_a_name_but_no_organisation_is_refused_with_input_kept(
    client, kartrekker_user
):
    bijeenkomst = BijeenkomstFactory()
    mee = OrganisatieFactory(name="MEE")
    client.force_login(kartrekker_user)
    url = reverse("coalitie_werkruimte:bijeenkomst_aanwezigen", args=[bijeenkomst.pk])
    rows = [{"organisatie": str(mee.pk), "name": "Joost"}, {"organisatie": "", "name": "Anna"}]
    response = client.post(url, formset_data(rows))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Regel 2, <strong>Organisatie</strong>: Kies de organisatie van deze persoon." in html
    assert 'href="#id_aanwezig-1-organisatie"' in html
    assert 'value="Anna"' in html and 'value="Joost"' in html
    assert not Aanwezigheid.objects.exists()


@pytest.mark.parametrize("value", ["abc", "999999"])
def test_attendance_with_an_unknown_organisation_is_refused(client, kartrekker_user, value):
    bijeenkomst = BijeenkomstFactory()
    client.force_login(kartrekker_user)
    url = reverse("coalitie_werkruimte:bijeenkomst_aanwezigen", args=[bijeenkomst.pk])
    response = client.post(url, formset_data([{"organisatie": value, "name": ""}]))
    assert response.status_code == 200
    assert "Kies een organisatie uit de lijst." in response.content.decode()


def test_a_broken_management_form_does_not_cause_a_500(client, kartrekker_user):
    bijeenkomst = BijeenkomstFactory()
    client.force_login(kartrekker_user)
    url = reverse("coalitie_werkruimte:bijeenkomst_aanwezigen", args=[bijeenkomst.pk])
    response = client.post(url, {"aanwezig-TOTAL_FORMS": "x"})
    assert response.status_code == 200
    assert 'id="foutmeldingen"' in response.content.decode()


def test_save_and_add_more_returns_to_the_form(client, kartrekker_user):
    bijeenkomst = BijeenkomstFactory()
    mee = OrganisatieFactory(name="MEE")
    client.force_login(kartrekker_user)
    url = reverse("coalitie_werkruimte:bijeenkomst_aanwezigen", args=[bijeenkomst.pk])
    data = {**formset_data([{"organisatie": str(mee.pk), "name": ""}]), "meer": "1"}
    assert client.post(url, data)["Location"] == url
    assert len(client.get(url).context["formset"].forms) == 1 + 5


def test_meeting_list_and_attendance_form_query_counts_do_not_grow(
    client, kartrekker_user, django_assert_num_queries
):
    organisaties = [OrganisatieFactory() for _ in range(12)]
    for n in range(12):
        bijeenkomst = BijeenkomstFactory()
        for organisatie in organisaties[:n]:
            AanwezigheidFactory(bijeenkomst=bijeenkomst, organisatie=organisatie)
    client.force_login(kartrekker_user)
    # session, user, groups, count, page
    with django_assert_num_queries(5):
        client.get(LIST)
    url = reverse("coalitie_werkruimte:bijeenkomst_aanwezigen", args=[bijeenkomst.pk])
    # session, user, groups, meeting, its rows, organisation choices (once for all rows)
    with django_assert_num_queries(6):
        client.get(url)
    # session, user, groups, meeting, attendance with organisations
    with django_assert_num_queries(5):
        client.get(reverse("coalitie_werkruimte:bijeenkomst", args=[bijeenkomst.pk]))
