"""Who may reach the coalition's werkruimte: kartrekker edits, kerngroep reads, others don't."""

import pytest
from django.urls import reverse

from tests.coalitie.factories import AanmeldingFactory, DeelnemerFactory
from tests.factories import OrganisatieFactory

pytestmark = pytest.mark.sqlite

READ_PAGES = ["partners", "partners_csv", "partner", "bijeenkomsten", "bijeenkomst"]
READ_PAGES += ["trainingen", "training", "ambassadeurs"]
EDIT_PAGES = ["partner_create", "partner_edit", "contact_create", "contact_edit"]
EDIT_PAGES += ["contact_delete", "bijeenkomst_create", "bijeenkomst_edit"]
EDIT_PAGES += ["bijeenkomst_aanwezigen", "training_create", "training_edit"]
EDIT_PAGES += ["training_deelnemers", "ambassadeur_create", "ambassadeur_edit"]
EDIT_PAGES += ["ambassadeur_delete", "aanmeldingen"]
POST_ONLY = ["deelnemer_ambassadeur", "aanmelding_afhandelen"]


@pytest.fixture
def urls(partner):
    """Every URL of the werkruimte, with real objects behind the ids."""
    contact = partner.organisatie.contactpersonen.get()
    bijeenkomst = partner.organisatie.aanwezigheden.get().bijeenkomst
    deelnemer = DeelnemerFactory(organisatie=partner.organisatie)
    ambassadeur = partner.organisatie.ambassadeurs.get()
    aanmelding = AanmeldingFactory()
    slug = partner.organisatie.slug
    args = {
        "partner": [slug],
        "partner_edit": [slug],
        "contact_create": [slug],
        "contact_edit": [contact.pk],
        "contact_delete": [contact.pk],
        "bijeenkomst": [bijeenkomst.pk],
        "bijeenkomst_edit": [bijeenkomst.pk],
        "bijeenkomst_aanwezigen": [bijeenkomst.pk],
        "training": [deelnemer.training_id],
        "training_edit": [deelnemer.training_id],
        "training_deelnemers": [deelnemer.training_id],
        "deelnemer_ambassadeur": [deelnemer.training_id, deelnemer.pk],
        "ambassadeur_edit": [ambassadeur.pk],
        "ambassadeur_delete": [ambassadeur.pk],
        "aanmelding_afhandelen": [aanmelding.pk],
    }
    names = READ_PAGES + EDIT_PAGES + POST_ONLY
    return {name: reverse(f"coalitie_werkruimte:{name}", args=args.get(name, [])) for name in names}


def test_anonymous_visitors_are_sent_to_the_login_page(client, urls):
    for name, url in urls.items():
        response = client.post(url) if name in POST_ONLY else client.get(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("login")), name


@pytest.mark.parametrize("role", ["aanbieder", "buurtteam", "coordinator", "resident"])
def test_roles_outside_the_coalition_get_403_on_every_page(client, request, urls, role):
    client.force_login(request.getfixturevalue(f"{role}_user"))
    for name, url in urls.items():
        response = client.post(url) if name in POST_ONLY else client.get(url)
        assert response.status_code == 403, name


def test_aanbieder_never_sees_a_contact_persons_details(client, aanbieder_user, partner):
    # The aanbieder works for Senver itself, and still may not see the coalition's contacts.
    client.force_login(aanbieder_user)
    url = reverse("coalitie_werkruimte:partner", args=[partner.organisatie.slug])
    response = client.get(url)
    assert response.status_code == 403
    assert b"henk@example.org" not in response.content


def test_kerngroep_reads_every_overview_but_gets_403_on_every_edit_page(
    client, kerngroep_user, urls
):
    client.force_login(kerngroep_user)
    for name in READ_PAGES:
        assert client.get(urls[name]).status_code == 200, name
    for name in EDIT_PAGES:
        assert client.get(urls[name]).status_code == 403, name
        assert client.post(urls[name]).status_code == 403, name
    for name in POST_ONLY:
        assert client.post(urls[name]).status_code == 403, name


def test_kerngroep_pages_show_no_edit_buttons(client, kerngroep_user, urls):
    client.force_login(kerngroep_user)
    edit_urls = [urls[name] for name in EDIT_PAGES + POST_ONLY]
    for name in READ_PAGES:
        if name == "partners_csv":
            continue
        html = client.get(urls[name]).content.decode()
        for url in edit_urls:
            assert f'href="{url}"' not in html and f'action="{url}"' not in html, (name, url)
        assert "Maak ambassadeur" not in html


def test_kartrekker_reaches_every_page(client, kartrekker_user, urls):
    client.force_login(kartrekker_user)
    for name in READ_PAGES + EDIT_PAGES:
        assert client.get(urls[name]).status_code == 200, name


def test_superuser_may_edit(client, django_user_model, urls):
    admin = django_user_model.objects.create_superuser("beheer", "beheer@example.org", "x" * 12)
    client.force_login(admin)
    assert client.get(urls["partner_create"]).status_code == 200


def test_unknown_ids_and_slugs_are_404_not_500(client, kartrekker_user):
    client.force_login(kartrekker_user)
    for name, args in [
        ("partner", ["bestaat-niet"]),
        ("partner_edit", ["bestaat-niet"]),
        ("bijeenkomst", [999999]),
        ("training", [999999]),
        ("contact_edit", [999999]),
        ("ambassadeur_edit", [999999]),
    ]:
        assert client.get(reverse(f"coalitie_werkruimte:{name}", args=args)).status_code == 404


def test_a_participant_of_another_training_is_404(client, kartrekker_user):
    deelnemer = DeelnemerFactory()
    other = DeelnemerFactory()
    client.force_login(kartrekker_user)
    url = reverse(
        "coalitie_werkruimte:deelnemer_ambassadeur", args=[other.training_id, deelnemer.pk]
    )
    assert client.post(url).status_code == 404


def test_an_organisation_that_is_no_partner_has_no_partner_page(client, kartrekker_user):
    organisatie = OrganisatieFactory(name="Alleen aanbieder")
    client.force_login(kartrekker_user)
    url = reverse("coalitie_werkruimte:partner", args=[organisatie.slug])
    assert client.get(url).status_code == 404


def test_the_pages_are_not_cached_by_the_browser(client, kartrekker_user, partner):
    client.force_login(kartrekker_user)
    response = client.get(reverse("coalitie_werkruimte:partners"))
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
