"""Who gets into /werkruimte/pijlers/: the kartrekker changes, the kerngroep only reads,
every other role gets a 403 and anonymous visitors go to the login page."""

import pytest
from django.urls import reverse

from pijlers.models import AgendaItem, Verhaal
from tests.pijlers.factories import AgendaItemFactory, TellingFactory, VerhaalFactory

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


@pytest.fixture
def rows(db):
    telling = TellingFactory()
    return {
        "actie": telling.actie,
        "telling": telling,
        "verhaal": VerhaalFactory(actie=telling.actie),
        "item": AgendaItemFactory(),
    }


def read_urls(rows):
    return [
        reverse("pijlers_werkruimte:overzicht"),
        reverse("pijlers_werkruimte:tijdlijn"),
        reverse("pijlers_werkruimte:bord", args=["vinden"]),
        reverse("pijlers_werkruimte:actie", args=[rows["actie"].pk]),
        reverse("pijlers_werkruimte:verhalen"),
    ]


def staff_lists(rows):
    """Pages of the kartrekker that only show (GET)."""
    return [
        reverse("pijlers_werkruimte:paginas"),
        reverse("pijlers_werkruimte:pagina_geschiedenis", args=["eenzaamheid"]),
        reverse("pijlers_werkruimte:agenda"),
    ]


def form_urls(rows):
    """Pages that change something (GET shows the form, POST changes)."""
    actie, verhaal, item = rows["actie"].pk, rows["verhaal"].pk, rows["item"].pk
    return [
        reverse("pijlers_werkruimte:actie_wijzigen", args=[actie]),
        reverse("pijlers_werkruimte:actie_nieuw", args=["vinden"]),
        reverse("pijlers_werkruimte:voortgang_nieuw", args=[actie]),
        reverse("pijlers_werkruimte:telling_nieuw", args=[actie]),
        reverse("pijlers_werkruimte:telling_wijzigen", args=[rows["telling"].pk]),
        reverse("pijlers_werkruimte:verhaal_nieuw"),
        reverse("pijlers_werkruimte:verhaal_wijzigen", args=[verhaal]),
        reverse("pijlers_werkruimte:verhaal_verwijderen", args=[verhaal]),
        reverse("pijlers_werkruimte:pagina_wijzigen", args=["eenzaamheid"]),
        reverse("pijlers_werkruimte:agenda_nieuw"),
        reverse("pijlers_werkruimte:agenda_wijzigen", args=[item]),
        reverse("pijlers_werkruimte:agenda_verwijderen", args=[item]),
    ]


def edit_urls(rows):
    return staff_lists(rows) + form_urls(rows)


def test_anonymous_visitor_is_sent_to_the_login_page(client, rows):
    for url in read_urls(rows) + edit_urls(rows):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


@pytest.mark.parametrize("role", ["coordinator", "buurtteam", "aanbieder", "resident"])
def test_other_roles_get_403_everywhere(client, rows, request, role):
    client.force_login(request.getfixturevalue(f"{role}_user"))
    for url in read_urls(rows) + edit_urls(rows):
        assert client.get(url).status_code == 403, url
    for url in form_urls(rows):
        assert client.post(url, {"title": "x"}).status_code == 403, url


def test_kerngroep_reads_but_sees_no_edit_links(client, rows, kerngroep_user):
    client.force_login(kerngroep_user)
    for url in read_urls(rows):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "/wijzigen/" not in html, url
        assert "/nieuw/" not in html, url
        assert "/werkruimte/pijlers/paginas/" not in html, url


def test_kerngroep_cannot_change_anything(client, rows, kerngroep_user):
    client.force_login(kerngroep_user)
    actie = rows["actie"]
    for url in edit_urls(rows):
        assert client.get(url).status_code == 403, url
    for url in form_urls(rows):
        assert client.post(url, {"title": "Gewijzigd", "text": "x"}).status_code == 403, url
    actie.refresh_from_db()
    assert actie.title != "Gewijzigd"
    assert actie.voortgang.count() == 0
    assert Verhaal.objects.filter(pk=rows["verhaal"].pk).exists()
    assert AgendaItem.objects.filter(pk=rows["item"].pk).exists()


def test_kartrekker_reaches_every_page_and_sees_the_edit_links(client, rows, kartrekker_user):
    client.force_login(kartrekker_user)
    for url in read_urls(rows) + edit_urls(rows):
        assert client.get(url).status_code == 200, url
    html = client.get(reverse("pijlers_werkruimte:actie", args=[rows["actie"].pk])).content
    assert reverse("pijlers_werkruimte:actie_wijzigen", args=[rows["actie"].pk]).encode() in html


def test_superuser_may_edit(client, rows, django_user_model):
    admin = django_user_model.objects.create_superuser("beheer", "b@example.org", "x")
    client.force_login(admin)
    url = reverse("pijlers_werkruimte:actie_wijzigen", args=[rows["actie"].pk])
    assert client.get(url).status_code == 200


def test_unknown_rows_give_404_not_500(client, kartrekker_user):
    client.force_login(kartrekker_user)
    for url in [
        reverse("pijlers_werkruimte:actie", args=[999999]),
        reverse("pijlers_werkruimte:bord", args=["bestaat-niet"]),
        reverse("pijlers_werkruimte:actie_wijzigen", args=[999999]),
        reverse("pijlers_werkruimte:pagina_wijzigen", args=["bestaat-niet"]),
        reverse("pijlers_werkruimte:telling_wijzigen", args=[999999]),
    ]:
        assert client.get(url).status_code == 404, url


def test_out_of_range_ids_and_odd_query_strings_give_no_500(client, kartrekker_user, clock):
    client.force_login(kartrekker_user)
    huge = 10**25
    assert client.get(f"/werkruimte/pijlers/acties/{huge}/").status_code == 404
    assert client.get(f"/werkruimte/pijlers/verhalen/nieuw/?actie={huge}").status_code == 200
    assert client.get("/werkruimte/pijlers/verhalen/?pagina=999999999999").status_code == 200
    assert client.get("/verhalen/?pagina=-1").status_code == 200
    assert client.get("/agenda/?eerder=%00").status_code == 200
