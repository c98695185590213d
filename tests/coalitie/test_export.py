"""The partner list as CSV: opens in Excel, personal details only for the kartrekker."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from coalitie.constants import Rol
from tests.coalitie.factories import ContactpersoonFactory, LidmaatschapFactory

pytestmark = pytest.mark.sqlite

URL = reverse("coalitie_werkruimte:partners_csv")


def rows_of(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads UTF-8 only with the byte order mark
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_kartrekker_gets_every_partner_with_contact_persons(client, kartrekker_user, partner):
    client.force_login(kartrekker_user)
    response = client.get(URL)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="coalitie-partners-')
    header, row = rows_of(response)
    assert header[0] == "Organisatie" and header[-1].startswith("Contactpersonen")
    assert row[:7] == [
        "Senver",
        "Kerngroep",
        "Zelforganisatie (ouderen, migranten)",
        "ja",
        "01-01-2024",
        "",
        "Zuid",
    ]
    assert row[-1] == "Henk Visser – Coördinator – henk@example.org – 035 765 43 21"


def test_kerngroep_gets_the_file_without_contact_persons(client, kerngroep_user, partner):
    client.force_login(kerngroep_user)
    content = client.get(URL).content.decode("utf-8")
    header, row = rows_of(client.get(URL))
    assert not any("Contactpersonen" in column for column in header)
    assert len(row) == len(header)
    assert "Henk Visser" not in content and "henk@example.org" not in content
    assert "035 765 43 21" not in content


def test_the_export_follows_the_filters_of_the_list(client, kartrekker_user, partner):
    LidmaatschapFactory(organisatie__name="Gemeente Hilversum", role=Rol.KARTREKKER)
    LidmaatschapFactory(organisatie__name="Gestopt", until=date(2024, 6, 1))
    client.force_login(kartrekker_user)
    assert [r[0] for r in rows_of(client.get(URL + "?role=kartrekker"))[1:]] == [
        "Gemeente Hilversum"
    ]
    assert [r[0] for r in rows_of(client.get(URL))[1:]] == ["Gemeente Hilversum", "Senver"]


def test_a_cell_that_looks_like_a_formula_cannot_run(client, kartrekker_user):
    LidmaatschapFactory(organisatie__name='=HYPERLINK("http://x")', commitment="@SUM(A1)")
    client.force_login(kartrekker_user)
    _header, row = rows_of(client.get(URL))
    assert row[0] == '\'=HYPERLINK("http://x")'
    assert row[10] == "'@SUM(A1)"


def test_dutch_characters_and_semicolons_survive(client, kartrekker_user):
    lid = LidmaatschapFactory(organisatie__name="Café ’t Hoekje; bar", commitment="Één kop koffie")
    ContactpersoonFactory(organisatie=lid.organisatie, name="Zoë", function="", email="", phone="")
    client.force_login(kartrekker_user)
    _header, row = rows_of(client.get(URL))
    assert row[0] == "Café ’t Hoekje; bar" and row[10] == "Één kop koffie" and row[-1] == "Zoë"


def test_export_query_count_does_not_grow(client, kartrekker_user, django_assert_num_queries):
    for _ in range(20):
        ContactpersoonFactory(organisatie=LidmaatschapFactory().organisatie)
    client.force_login(kartrekker_user)
    # session, user, groups, memberships with organisations, wijken, contact persons
    with django_assert_num_queries(6):
        client.get(URL)
