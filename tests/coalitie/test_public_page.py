"""The public page /coalitie/: partners by ring, what they do, their activities."""

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from coalitie.constants import Rol
from tests.aanbod.factories import ActiviteitFactory
from tests.coalitie.factories import LidmaatschapFactory
from tests.factories import OrganisatieFactory
from wijken.models import Wijk

pytestmark = pytest.mark.sqlite

URL = reverse("coalitie:index")


def section(html: str, heading_id: str) -> str:
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


def test_coalitie_page_lists_the_partners_by_role_with_what_they_do(client, db):
    call_command("seed_demo")
    html = client.get(URL).content.decode()
    assert "<h1>Samen tegen eenzaamheid: de coalitie</h1>" in html
    assert "Gemeente Hilversum" in section(html, "rol-kartrekker")
    kerngroep = section(html, "rol-kerngroep")
    assert "Senver" in kerngroep and "Present Hilversum" in kerngroep
    assert "Verbindt nieuwkomers en Nederlandse jongeren" in kerngroep
    assert "De Luisterlijn" in section(html, "rol-schilpartner")
    assert html.index('id="rol-kartrekker"') < html.index('id="rol-kerngroep"')
    assert html.index('id="rol-kerngroep"') < html.index('id="rol-schilpartner"')


def test_headings_go_down_one_level_at_a_time(client, db):
    LidmaatschapFactory(organisatie__name="Senver", role=Rol.KERNGROEP)
    html = client.get(URL).content.decode()
    assert html.index("<h1>") < html.index('<h2 class="mt-4">De partners')
    assert '<h3 id="rol-kerngroep">Kerngroep</h3>' in html
    assert '<h4 class="h5 card-title">Senver</h4>' in html


def test_coalitie_page_links_to_the_public_activities_of_a_partner(client, db):
    lid = LidmaatschapFactory(organisatie__name="Senver")
    ActiviteitFactory(organisatie=lid.organisatie, name="Samen wandelen", slug="samen-wandelen")
    ActiviteitFactory(organisatie=lid.organisatie, name="Nog niet goedgekeurd", moderatie="wacht")
    html = client.get(URL).content.decode()
    assert (
        f'<a href="{reverse("aanbod:detail", args=["samen-wandelen"])}">Samen wandelen</a>' in html
    )
    assert "Nog niet goedgekeurd" not in html


def test_coalitie_page_says_where_a_partner_is_active(client, db):
    lid = LidmaatschapFactory(organisatie__name="Buurthuis De Kruisdam")
    lid.organisatie.wijken.add(Wijk.objects.get(slug="hilversumse-meent"))
    LidmaatschapFactory(organisatie__name="Stadsbrede stichting")
    html = client.get(URL).content.decode()
    assert "Actief in: Hilversumse Meent" in html
    assert "Actief in heel Hilversum" in html


def test_organisations_outside_the_coalition_and_former_partners_are_not_shown(client, db):
    OrganisatieFactory(name="Alleen aanbieder")
    LidmaatschapFactory(organisatie__name="Gestopt", since=date(2020, 1, 1), until=date(2021, 1, 1))
    LidmaatschapFactory(organisatie__name="Begint later", since=date(2999, 1, 1))
    html = client.get(URL).content.decode()
    assert "Alleen aanbieder" not in html and "Gestopt" not in html
    assert "Begint later" not in html


def test_no_contact_persons_or_ambassadors_on_the_public_page(client, partner):
    html = client.get(URL).content.decode()
    assert "Henk Visser" not in html and "henk@example.org" not in html
    assert "Ria Ambassadeur" not in html


def test_coalitie_page_has_the_join_form(client, db):
    html = client.get(URL).content.decode()
    assert '<h2 id="meedoen">Doet uw organisatie mee?</h2>' in html
    form = html.split('id="meedoen"')[1]
    assert f'action="{reverse("coalitie:aanmelden")}"' in form and "novalidate" in form
    assert "Uw telefoonnummer (niet verplicht)" in form
    assert html.index('for="id_email"') < html.index('name="email"')


def test_coalitie_page_query_count_does_not_grow(client, db, django_assert_num_queries):
    for n in range(15):
        lid = LidmaatschapFactory(organisatie__name=f"Partner {n}", role=Rol.values[n % 3])
        lid.organisatie.wijken.add(Wijk.objects.first())
        ActiviteitFactory(organisatie=lid.organisatie)
    with django_assert_num_queries(3):  # memberships with organisations, wijken, activities
        client.get(URL)


def test_header_now_shows_all_five_parts_to_staff(client, kartrekker_user):
    client.force_login(kartrekker_user)
    html = client.get("/").content.decode()
    nav = html.split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]
    for path in ["/aanbod/", "/meldpunt/", "/eenzaamheid/", "/coalitie/", "/werkruimte/"]:
        assert f'href="{path}"' in nav
