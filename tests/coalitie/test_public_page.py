import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import OrganisatieFactory
from wijken.models import Wijk

pytestmark = pytest.mark.sqlite


def test_coalitie_page_lists_the_partners_with_what_they_do(client, db):
    call_command("seed_demo")
    html = client.get(reverse("coalitie:index")).content.decode()
    assert "<h1>Samen tegen eenzaamheid: de coalitie</h1>" in html
    assert "Senver" in html and "Present Hilversum" in html
    assert "Verbindt nieuwkomers en Nederlandse jongeren" in html
    assert "Wilt u meedoen?" in html


def test_coalitie_page_says_where_a_partner_is_active(client, db):
    partner = OrganisatieFactory(name="Buurthuis De Kruisdam")
    partner.wijken.add(Wijk.objects.get(slug="hilversumse-meent"))
    OrganisatieFactory(name="Stadsbrede stichting")
    html = client.get(reverse("coalitie:index")).content.decode()
    assert "Actief in: Hilversumse Meent" in html
    assert "Actief in heel Hilversum" in html


def test_coalitie_page_query_count_does_not_grow(client, db, django_assert_num_queries):
    for n in range(15):
        OrganisatieFactory(name=f"Partner {n}").wijken.add(Wijk.objects.first())
    with django_assert_num_queries(2):  # organisaties, their wijken
        client.get(reverse("coalitie:index"))


def test_header_now_shows_all_five_parts_to_staff(client, kartrekker_user):
    client.force_login(kartrekker_user)
    html = client.get("/").content.decode()
    nav = html.split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]
    for path in ["/aanbod/", "/meldpunt/", "/eenzaamheid/", "/coalitie/", "/werkruimte/"]:
        assert f'href="{path}"' in nav
