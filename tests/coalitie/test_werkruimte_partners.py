"""The partner list with its filters, the partner page, and the partner and contact forms."""

from datetime import date
from unittest.mock import patch

import pytest
from django.urls import reverse

from coalitie.constants import Rol, Sector
from coalitie.models import Contactpersoon, Lidmaatschap, Organisatie
from tests.aanbod.factories import ActiviteitFactory
from tests.coalitie.factories import (
    AanwezigheidFactory,
    AmbassadeurFactory,
    ContactpersoonFactory,
    LidmaatschapFactory,
)
from tests.factories import OrganisatieFactory
from wijken.models import Wijk

pytestmark = pytest.mark.sqlite

LIST = reverse("coalitie_werkruimte:partners")


def names_in(response) -> list[str]:
    return [lid.organisatie.name for lid in response.context["page"].object_list]


@pytest.fixture
def partners(db):
    zuid, noordoost = Wijk.objects.get(slug="zuid"), Wijk.objects.get(slug="noordoost")
    LidmaatschapFactory(
        organisatie__name="Gemeente Hilversum", role=Rol.KARTREKKER, sector=Sector.GEMEENTE
    )
    LidmaatschapFactory(organisatie__name="Versa Welzijn", role=Rol.KERNGROEP)
    LidmaatschapFactory(
        organisatie__name="Buurtsuper Zuid", sector=Sector.SUPERMARKT, signalling=True
    ).organisatie.wijken.add(zuid)
    LidmaatschapFactory(
        organisatie__name="Kerken Noordoost", sector=Sector.GELOOF, signalling=True
    ).organisatie.wijken.add(noordoost)
    LidmaatschapFactory(
        organisatie__name="Oude partner", since=date(2023, 1, 1), until=date(2024, 6, 30)
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Buurtsuper Zuid", "Gemeente Hilversum", "Kerken Noordoost", "Versa Welzijn"]),
        ("?role=kerngroep", ["Versa Welzijn"]),
        ("?role=kartrekker", ["Gemeente Hilversum"]),
        ("?sector=supermarkt", ["Buurtsuper Zuid"]),
        # Partners active in all of Hilversum count for every wijk.
        ("?wijk=zuid", ["Buurtsuper Zuid", "Gemeente Hilversum", "Versa Welzijn"]),
        ("?wijk=noordoost&sector=geloof", ["Kerken Noordoost"]),
        ("?signalling=ja", ["Buurtsuper Zuid", "Kerken Noordoost"]),
        ("?q=kerk", ["Kerken Noordoost"]),
        ("?status=gestopt", ["Oude partner"]),
        ("?role=schilpartner&status=alle", ["Buurtsuper Zuid", "Kerken Noordoost", "Oude partner"]),
    ],
)
def test_partner_list_filters_by_role_sector_wijk_and_more(
    client, kartrekker_user, partners, query, expected
):
    client.force_login(kartrekker_user)
    assert names_in(client.get(LIST + query)) == expected


def test_an_unknown_filter_value_is_left_out_with_a_note(client, kartrekker_user, partners):
    client.force_login(kartrekker_user)
    response = client.get(LIST + "?role=baas&sector=supermarkt&wijk=atlantis")
    assert names_in(response) == ["Buurtsuper Zuid"]
    assert "Een van de filters kennen we niet" in response.content.decode()


def test_filters_are_a_get_form_with_labels_that_works_without_javascript(
    client, kerngroep_user, partners
):
    client.force_login(kerngroep_user)
    html = client.get(LIST).content.decode()
    form = html.split('role="search"')[1].split("</form>")[0]
    assert 'method="get"' in html.split('role="search"')[0].rsplit("<form", 1)[1]
    for name in ["q", "role", "sector", "wijk", "signalling", "status"]:
        assert f'for="id_{name}"' in form and f'name="{name}"' in form
    assert 'type="submit"' in form


def test_partner_list_query_count_does_not_grow_with_partners(
    client, kartrekker_user, django_assert_max_num_queries
):
    zuid = Wijk.objects.get(slug="zuid")
    client.force_login(kartrekker_user)

    def count_queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST + "?wijk=zuid").status_code == 200
        return len(queries)

    LidmaatschapFactory().organisatie.wijken.add(zuid)
    few = count_queries()
    for _ in range(30):
        LidmaatschapFactory().organisatie.wijken.add(zuid)
    # session, user, groups, open aanmeldingen, wijk choices, filter wijk, count, page, wijken
    with django_assert_max_num_queries(9):
        client.get(LIST + "?wijk=zuid")
    assert count_queries() == few


def test_partner_page_shows_contacts_activities_meetings_and_ambassadors(
    client, kartrekker_user, partner
):
    ActiviteitFactory(
        organisatie=partner.organisatie, name="Wandelen met Senver", slug="wandelen-met-senver"
    )
    ActiviteitFactory(organisatie=partner.organisatie, name="Verborgen concept", moderatie="wacht")
    client.force_login(kartrekker_user)
    html = client.get(reverse("coalitie_werkruimte:partner", args=["senver"])).content.decode()
    assert "<h1>Senver</h1>" in html
    assert "Henk Visser" in html and "henk@example.org" in html and "035 765 43 21" in html
    assert f'href="{reverse("aanbod:detail", args=["wandelen-met-senver"])}"' in html
    assert "Verborgen concept" not in html  # only what the public sociale kaart shows
    assert "Voorjaarsoverleg" in html and "(Henk Visser)" in html
    assert "Ria Ambassadeur" in html and "(getraind)" in html
    assert "Huisbezoek bij de oudste leden." in html


def test_kerngroep_sees_contact_names_but_not_their_email_or_phone(client, kerngroep_user, partner):
    client.force_login(kerngroep_user)
    html = client.get(reverse("coalitie_werkruimte:partner", args=["senver"])).content.decode()
    assert "Henk Visser" in html
    assert "henk@example.org" not in html and "035 765 43 21" not in html
    assert "Alleen de kartrekker ziet het e-mailadres" in html


def test_partner_page_query_count_does_not_grow(
    client, kartrekker_user, partner, django_assert_num_queries
):
    client.force_login(kartrekker_user)
    url = reverse("coalitie_werkruimte:partner", args=["senver"])
    organisatie = partner.organisatie
    for n in range(10):
        ContactpersoonFactory(organisatie=organisatie)
        AanwezigheidFactory(organisatie=organisatie, name=f"Persoon {n}")
        AmbassadeurFactory(organisatie=organisatie)
        ActiviteitFactory(organisatie=organisatie)
        organisatie.wijken.add(Wijk.objects.all()[n % 9])
    # session, user, groups, organisation + membership, wijken, meetings attended,
    # contacts, activities, ambassadors
    with django_assert_num_queries(9):
        client.get(url)


def test_kartrekker_adds_a_new_organisation_as_partner(client, kartrekker_user):
    client.force_login(kartrekker_user)
    response = client.post(
        reverse("coalitie_werkruimte:partner_create"),
        {
            "organisatie": "",
            "name": "Bakkerij De Korenaar",
            "description": "Bakker in de Kerkstraat.",
            "website": "www.korenaar.example",
            "wijken": [Wijk.objects.get(slug="centrum").pk],
            "role": "schilpartner",
            "sector": "ondernemer",
            "signalling": "on",
            "commitment": "Let op klanten die alleen zijn.",
            "since": "2025-03-01",
        },
    )
    lid = Lidmaatschap.objects.get(organisatie__name="Bakkerij De Korenaar")
    assert response["Location"] == reverse(
        "coalitie_werkruimte:partner", args=["bakkerij-de-korenaar"]
    )
    assert lid.signalling and lid.sector == Sector.ONDERNEMER
    assert lid.organisatie.website == "https://www.korenaar.example"
    assert [w.slug for w in lid.organisatie.wijken.all()] == ["centrum"]


def test_kartrekker_makes_an_existing_aanbieder_a_partner(client, kartrekker_user):
    organisatie = OrganisatieFactory(name="Buurthuis De Linde", description="Al op de kaart.")
    client.force_login(kartrekker_user)
    client.post(
        reverse("coalitie_werkruimte:partner_create"),
        {
            "organisatie": organisatie.pk,
            "name": "",
            "role": "schilpartner",
            "sector": "bewoners",
            "since": "2025-03-01",
        },
    )
    organisatie.refresh_from_db()
    assert organisatie.lidmaatschap.sector == Sector.BEWONERS
    assert organisatie.description == "Al op de kaart."  # empty fields leave it as it was
    assert Organisatie.objects.filter(name="Buurthuis De Linde").count() == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": ""}, "name", "Vul de naam in, of kies hierboven een organisatie"),
        ({"role": ""}, "role", "Kies de rol van de organisatie in de coalitie."),
        ({"role": "baas"}, "role", "Kies een van de mogelijkheden uit de lijst."),
        ({"sector": ""}, "sector", "Kies de sector van de organisatie."),
        ({"since": ""}, "since", "Vul in sinds wanneer de organisatie partner is."),
        ({"since": "gisteren"}, "since", "Vul een datum in zoals 26-09-2026."),
        ({"until": "2020-01-01"}, "until", "De einddatum ligt vóór de datum waarop het begon."),
        ({"email": "geen-adres"}, "email", "Vul een e-mailadres in zoals naam@voorbeeld.nl."),
        ({"phone": "bel me"}, "phone", "Vul een geldig telefoonnummer in"),
        ({"website": "http://"}, "website", "Voer een geldige URL in."),
        ({"wijken": ["999999"]}, "wijken", "Kies een van de mogelijkheden uit de lijst."),
        ({"name": "Senver"}, "name", "Senver is al partner van de coalitie."),
    ],
)
def test_bad_input_to_the_partner_form_keeps_what_was_typed(
    client, kartrekker_user, partner, data, field, message
):
    valid = {
        "name": "Nieuwe club",
        "role": "schilpartner",
        "sector": "sport",
        "since": "2025-01-01",
        "commitment": "Wij doen mee met de Week.",
    }
    client.force_login(kartrekker_user)
    response = client.post(reverse("coalitie_werkruimte:partner_create"), {**valid, **data})
    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    html = response.content.decode()
    assert 'id="foutmeldingen"' in html and f'href="#{form[field].id_for_label}"' in html
    assert "Wij doen mee met de Week." in html
    assert Lidmaatschap.objects.count() == 1


def test_an_organisation_already_in_the_portal_is_not_made_twice(client, kartrekker_user):
    OrganisatieFactory(name="Buurthuis De Linde")
    client.force_login(kartrekker_user)
    response = client.post(
        reverse("coalitie_werkruimte:partner_create"),
        {
            "name": "buurthuis de linde",
            "role": "schilpartner",
            "sector": "bewoners",
            "since": "2025-01-01",
        },
    )
    assert "staat al in het portaal" in response.context["form"].errors["name"][0]


def test_editing_a_partner_keeps_its_slug_and_saves_both_parts(client, kartrekker_user, partner):
    client.force_login(kartrekker_user)
    url = reverse("coalitie_werkruimte:partner_edit", args=["senver"])
    form = client.get(url).context["form"]
    assert form["name"].value() == "Senver" and form["role"].value() == "kerngroep"
    client.post(
        url,
        {
            "name": "Stichting Senver",
            "role": "kerngroep",
            "sector": "zelforganisatie",
            "since": "2023-06-01",
            "until": "2026-12-31",
            "wijken": [],
        },
    )
    partner.refresh_from_db()
    partner.organisatie.refresh_from_db()
    assert partner.organisatie.name == "Stichting Senver"
    assert partner.organisatie.slug == "senver"
    assert partner.until == date(2026, 12, 31)
    assert partner.organisatie.wijken.count() == 0


def test_contact_person_forms_add_change_and_delete(client, kartrekker_user, partner):
    client.force_login(kartrekker_user)
    url = reverse("coalitie_werkruimte:contact_create", args=["senver"])
    client.post(
        url, {"name": "Mira Jansen", "function": "", "email": "mira@example.org", "phone": ""}
    )
    mira = Contactpersoon.objects.get(name="Mira Jansen")
    client.post(
        reverse("coalitie_werkruimte:contact_edit", args=[mira.pk]),
        {"name": "Mira Jansen", "function": "Directeur", "email": "", "phone": ""},
    )
    mira.refresh_from_db()
    assert mira.function == "Directeur" and mira.email == ""
    delete_url = reverse("coalitie_werkruimte:contact_delete", args=[mira.pk])
    assert "Wilt u Mira Jansen van Senver verwijderen?" in client.get(delete_url).content.decode()
    assert Contactpersoon.objects.filter(pk=mira.pk).exists()
    client.post(delete_url)
    assert not Contactpersoon.objects.filter(pk=mira.pk).exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": ""}, "name", "Vul de naam van de contactpersoon in."),
        ({"email": "mira@"}, "email", "Vul een e-mailadres in zoals naam@voorbeeld.nl."),
        ({"phone": "12"}, "phone", "Vul een geldig telefoonnummer in"),
        ({"name": "x" * 201}, "name", "niet meer dan 200 tekens"),
    ],
)
def test_bad_input_to_the_contact_form_keeps_what_was_typed(
    client, kartrekker_user, partner, data, field, message
):
    client.force_login(kartrekker_user)
    valid = {"name": "Mira Jansen", "function": "Directeur", "email": "mira@example.org"}
    url = reverse("coalitie_werkruimte:contact_create", args=["senver"])
    response = client.post(url, {**valid, **data})
    assert any(message in e for e in response.context["form"].errors[field])
    assert "Directeur" in response.content.decode()
    assert not Contactpersoon.objects.filter(name="Mira Jansen", function="Directeur").exists()


def test_partner_list_links_to_the_csv_with_the_same_filters(client, kartrekker_user, partners):
    client.force_login(kartrekker_user)
    html = client.get(LIST + "?role=kerngroep").content.decode()
    assert f'href="{reverse("coalitie_werkruimte:partners_csv")}?role=kerngroep"' in html


def test_current_partners_depend_on_the_day(client, kartrekker_user, partners):
    client.force_login(kartrekker_user)
    moment = "2024-06-15T12:00:00+02:00"
    from datetime import datetime

    with patch("django.utils.timezone.now", return_value=datetime.fromisoformat(moment)):
        assert "Oude partner" in names_in(client.get(LIST))
    assert "Oude partner" not in names_in(client.get(LIST))
