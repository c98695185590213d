"""The kartrekker's synonym list at /werkruimte/aanbod/synoniemen/."""

import pytest
from django.urls import reverse

from aanbod.models import Synoniem

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

URL = "/werkruimte/aanbod/synoniemen/"


def test_synonym_page_has_its_url_name():
    assert reverse("aanbod:synoniemen") == URL


def test_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={URL}"


@pytest.mark.parametrize(
    "role", ["coordinator_user", "buurtteam_user", "kerngroep_user", "aanbieder_user"]
)
def test_other_roles_may_not_see_or_change_synonyms(client, request, role):
    synoniem = Synoniem.objects.create(term="eten", synonyms="maaltijd")
    client.force_login(request.getfixturevalue(role))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"term": "lopen", "synonyms": "wandelen"}).status_code == 403
    assert client.post(f"{URL}{synoniem.pk}/verwijderen/").status_code == 403
    assert list(Synoniem.objects.values_list("term", flat=True)) == ["eten"]


def test_kartrekker_adds_a_synonym_in_lower_case(client, kartrekker_user):
    client.force_login(kartrekker_user)
    response = client.post(URL, {"term": " Eten ", "synonyms": "Maaltijd,  diner ,, lunch"})
    assert response.status_code == 302 and response["Location"] == URL
    synoniem = Synoniem.objects.get()
    assert (synoniem.term, synoniem.synonyms) == ("eten", "maaltijd, diner, lunch")
    html = client.get(URL).content.decode()
    assert "Het synoniem is toegevoegd." in html
    assert '<th scope="row">eten</th>' in html


def test_form_with_errors_shows_them_and_keeps_what_was_typed(client, kartrekker_user):
    Synoniem.objects.create(term="eten", synonyms="maaltijd")
    client.force_login(kartrekker_user)
    response = client.post(URL, {"term": "ETEN", "synonyms": " , "})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="alert alert-danger error-summary"' in html
    assert "Dit woord staat al in de lijst." in html
    assert "Vul minstens één woord in." in html
    assert 'value="ETEN"' in html and 'aria-invalid="true"' in html
    assert Synoniem.objects.count() == 1


def test_kartrekker_changes_and_deletes_a_synonym(client, kartrekker_user):
    synoniem = Synoniem.objects.create(term="eten", synonyms="maaltijd")
    client.force_login(kartrekker_user)
    edit = client.get(f"{URL}{synoniem.pk}/").content.decode()
    assert 'value="maaltijd"' in edit
    response = client.post(f"{URL}{synoniem.pk}/", {"term": "eten", "synonyms": "diner"})
    assert response.status_code == 302
    synoniem.refresh_from_db()
    assert synoniem.synonyms == "diner"
    assert client.get(f"{URL}{synoniem.pk}/verwijderen/").status_code == 405
    assert client.post(f"{URL}{synoniem.pk}/verwijderen/").status_code == 302
    assert not Synoniem.objects.exists()
    assert client.get(f"{URL}{synoniem.pk}/").status_code == 404


def test_synonym_list_query_count_does_not_grow(client, kartrekker_user, django_assert_num_queries):
    client.force_login(kartrekker_user)
    client.get(URL)  # warm the session
    for i in range(30):
        Synoniem.objects.create(term=f"woord{i}", synonyms="ander woord")
    # session, user, groups (role check), the list, and the message storage read nothing more
    with django_assert_num_queries(4):
        response = client.get(URL)
    assert response.content.decode().count('<th scope="row">') == 30


def test_a_superuser_keeps_the_synonym_list_as_on_every_kartrekker_page(client, django_user_model):
    admin = django_user_model.objects.create_superuser("beheer", "beheer@example.org", "x" * 16)
    client.force_login(admin)
    client.post(reverse("aanbod:synoniemen"), {"term": "Eten", "synonyms": "maaltijd"})
    assert Synoniem.objects.filter(term="eten").exists()
