"""The activity form: proposals for aanbieders, direct edits for the kartrekker."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from aanbod.constants import Moderatie, Vocabulaire
from aanbod.models import Activiteit, Term, Voorstel
from tests.aanbod.factories import ActiviteitFactory
from tests.factories import OrganisatieFactory
from wijken.models import Wijk

pytestmark = pytest.mark.sqlite


def term(code, vocabulaire=Vocabulaire.DOELGROEP):
    return Term.objects.get(vocabulaire=vocabulaire, code=code)


def payload(**overrides):
    """A complete, valid form submission; None leaves a field out (an unticked checkbox)."""
    data = {
        "name": "Wandelgroep Oost",
        "short_description": "Elke week samen een uur wandelen.",
        "description": "We lopen een rondje door het park.",
        "status": "actief",
        "is_free": "on",
        "aanmelding": "niet-nodig",
        "wijken": [Wijk.objects.get(name="Oost").pk],
        "doelgroep": [term("senioren").pk],
        "type": [term("bewegen", Vocabulaire.TYPE).pk],
        "contact_email": "wandel@example.org",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_aanbieder_new_activity_waits_for_approval_with_a_proposal(
    client, aanbieder_user, django_capture_on_commit_callbacks
):
    client.force_login(aanbieder_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("aanbod:werkruimte_create"), payload())
    activiteit = Activiteit.objects.get()
    assert response["Location"] == reverse("aanbod:werkruimte_roosters", args=[activiteit.pk])
    assert activiteit.moderatie == Moderatie.WACHT
    assert activiteit.organisatie == aanbieder_user.medewerker.organisatie
    assert activiteit.slug == "wandelgroep-oost"
    assert activiteit.assured_by == aanbieder_user and activiteit.assured_at is not None
    assert not Activiteit.objects.public().exists()
    voorstel = Voorstel.objects.get()
    assert voorstel.is_new and voorstel.status == Moderatie.WACHT
    assert voorstel.submitted_by == aanbieder_user
    assert voorstel.data["name"] == "Wandelgroep Oost"
    logged = dict(activiteit.wijzigingen.values_list("field", "new_value"))
    assert logged["name"] == "Wandelgroep Oost"
    assert logged["wijken"] == "Oost"
    assert logged["terms"] == "Senioren (65+), Bewegen en wandelen"
    assert "wandelgroep oost" in activiteit.search_text  # reindexed after the commit


def test_kartrekker_new_activity_is_public_at_once_for_the_chosen_organisation(
    client, kartrekker_user
):
    organisatie = OrganisatieFactory(name="Versa Welzijn")
    client.force_login(kartrekker_user)
    client.post(reverse("aanbod:werkruimte_create"), payload(organisatie=organisatie.pk))
    activiteit = Activiteit.objects.get()
    assert activiteit.organisatie == organisatie
    assert activiteit.moderatie == Moderatie.GOEDGEKEURD
    assert Activiteit.objects.public().filter(pk=activiteit.pk).exists()
    assert not Voorstel.objects.exists()


def test_two_activities_with_the_same_name_get_different_slugs(client, aanbieder_user):
    client.force_login(aanbieder_user)
    client.post(reverse("aanbod:werkruimte_create"), payload())
    client.post(reverse("aanbod:werkruimte_create"), payload())
    assert sorted(Activiteit.objects.values_list("slug", flat=True)) == [
        "wandelgroep-oost",
        "wandelgroep-oost-2",
    ]


def test_invalid_form_rerenders_what_was_typed_with_a_dutch_message_per_field(
    client, aanbieder_user
):
    client.force_login(aanbieder_user)
    data = payload(
        name="",
        short_description="x" * 250,
        is_free=None,
        min_age="70",
        max_age="12",
        wijken=[],
        aanmelding="nodig",
        contact_email="geen-adres",
        description="Wat ik al had getypt",
    )
    response = client.post(reverse("aanbod:werkruimte_create"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert not Activiteit.objects.exists()
    errors = response.context["form"].errors
    assert errors["name"] == ["Vul de naam van de activiteit in."]
    assert errors["short_description"] == ["Gebruik hooguit 200 tekens (nu 250)."]
    assert errors["max_age"] == ["De maximale leeftijd is lager dan de minimale leeftijd."]
    assert errors["cost_amount"] == ["Vul het bedrag in, of vink ‘gratis’ aan."]
    assert errors["wijken"] == ["Kies minstens één wijk, of vink ‘voor heel Hilversum’ aan."]
    assert errors["aanmelding_uitleg"] == ["Schrijf op hoe mensen zich aanmelden."]
    assert errors["contact_email"] == ["Vul een e-mailadres in zoals naam@voorbeeld.nl."]
    assert 'id="foutmeldingen"' in html
    assert html.index('id="foutmeldingen"') < html.index('name="name"')
    assert 'href="#id_wijken_0"' in html  # the summary links to the first checkbox of a group
    assert "Wat ik al had getypt" in html
    assert 'value="70"' in html


def test_optional_fields_are_marked_in_their_label(client, aanbieder_user):
    client.force_login(aanbieder_user)
    html = client.get(reverse("aanbod:werkruimte_create")).content.decode()
    assert "Beschrijving (niet verplicht)" in html
    assert "Naam (niet verplicht)" not in html


def test_cost_accepts_a_dutch_decimal_comma(client, kartrekker_user):
    client.force_login(kartrekker_user)
    organisatie = OrganisatieFactory()
    client.post(
        reverse("aanbod:werkruimte_create"),
        payload(is_free=None, cost_amount="2,50", organisatie=organisatie.pk),
    )
    assert Activiteit.objects.get().cost_amount == Decimal("2.50")


def test_aanbieder_edit_of_an_approved_activity_is_a_proposal_and_changes_nothing_public(
    client, aanbieder_user
):
    activiteit = ActiviteitFactory(
        organisatie=aanbieder_user.medewerker.organisatie, name="Oude naam"
    )
    activiteit.wijken.add(Wijk.objects.get(name="Oost"))
    client.force_login(aanbieder_user)
    url = reverse("aanbod:werkruimte_edit", args=[activiteit.pk])
    response = client.post(url, payload(name="Nieuwe naam"))
    assert response["Location"] == reverse("aanbod:werkruimte_list")
    activiteit.refresh_from_db()
    assert activiteit.name == "Oude naam"
    voorstel = Voorstel.objects.get()
    assert not voorstel.is_new and voorstel.data["name"] == "Nieuwe naam"
    assert not activiteit.wijzigingen.filter(field="name").exists()
    # Coming back, the provider edits their proposal, not the public version.
    again = client.get(url)
    assert again.context["form"]["name"].value() == "Nieuwe naam"
    assert "U past uw voorstel van" in again.content.decode()
    client.post(url, payload(name="Nog een naam"))
    assert Voorstel.objects.get().data["name"] == "Nog een naam"


def test_aanbieder_saving_an_unchanged_approved_activity_confirms_it(client, aanbieder_user):
    old = timezone.now() - timedelta(days=100)
    activiteit = ActiviteitFactory(
        organisatie=aanbieder_user.medewerker.organisatie,
        name="Wandelgroep Oost",
        short_description="Elke week samen een uur wandelen.",
        description="We lopen een rondje door het park.",
        contact_email="wandel@example.org",
        assured_at=old,
    )
    activiteit.wijken.add(Wijk.objects.get(name="Oost"))
    activiteit.terms.add(term("senioren"), term("bewegen", Vocabulaire.TYPE))
    client.force_login(aanbieder_user)
    client.post(reverse("aanbod:werkruimte_edit", args=[activiteit.pk]), payload())
    activiteit.refresh_from_db()
    assert not Voorstel.objects.exists()
    assert activiteit.assured_at > old and activiteit.assured_by == aanbieder_user


def test_aanbieder_edit_of_a_rejected_activity_applies_and_sends_it_back_to_the_queue(
    client, aanbieder_user
):
    activiteit = ActiviteitFactory(
        organisatie=aanbieder_user.medewerker.organisatie,
        moderatie=Moderatie.AFGEWEZEN,
        moderatie_reden="Adres ontbreekt",
    )
    client.force_login(aanbieder_user)
    page = client.get(reverse("aanbod:werkruimte_edit", args=[activiteit.pk]))
    assert "Adres ontbreekt" in page.content.decode()
    client.post(reverse("aanbod:werkruimte_edit", args=[activiteit.pk]), payload(name="Beter"))
    activiteit.refresh_from_db()
    assert activiteit.name == "Beter"
    assert activiteit.moderatie == Moderatie.WACHT and activiteit.moderatie_reden == ""
    assert Voorstel.objects.get().is_new
    assert activiteit.wijzigingen.filter(field="moderatie", new_value="Wacht op goedkeuring")


def test_kartrekker_edit_applies_at_once_and_records_every_changed_field(
    client, kartrekker_user, django_capture_on_commit_callbacks
):
    activiteit = ActiviteitFactory(name="Oude naam", assured_at=None)
    activiteit.terms.add(term("jongeren"))
    client.force_login(kartrekker_user)
    data = payload(name="Nieuwe naam", organisatie=activiteit.organisatie_id, is_free=None)
    data["cost_amount"] = "3"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("aanbod:werkruimte_edit", args=[activiteit.pk]), data)
    activiteit.refresh_from_db()
    assert activiteit.name == "Nieuwe naam"
    assert activiteit.assured_by == kartrekker_user
    assert "nieuwe naam" in activiteit.search_text
    rows = {w.field: w for w in activiteit.wijzigingen.all()}
    assert (rows["name"].old_value, rows["name"].new_value) == ("Oude naam", "Nieuwe naam")
    assert rows["name"].user == kartrekker_user
    assert (rows["is_free"].old_value, rows["is_free"].new_value) == ("ja", "nee")
    assert rows["terms"].old_value == "Jongeren (12–25 jaar)"
    assert rows["terms"].new_value == "Senioren (65+), Bewegen en wandelen"
    assert not Voorstel.objects.exists()


def test_kartrekker_can_move_an_activity_but_an_aanbieder_cannot(client, aanbieder_user):
    activiteit = ActiviteitFactory(
        organisatie=aanbieder_user.medewerker.organisatie, moderatie=Moderatie.WACHT
    )
    elsewhere = OrganisatieFactory()
    client.force_login(aanbieder_user)
    client.post(
        reverse("aanbod:werkruimte_edit", args=[activiteit.pk]),
        payload(organisatie=elsewhere.pk),
    )
    activiteit.refresh_from_db()
    assert activiteit.organisatie == aanbieder_user.medewerker.organisatie


def test_no_input_gives_a_server_error(client, aanbieder_user):
    activiteit = ActiviteitFactory(organisatie=aanbieder_user.medewerker.organisatie)
    client.force_login(aanbieder_user)
    garbage = {
        "name": "x" * 5000,
        "min_age": "-5",
        "max_age": "abc",
        "cost_amount": "1e999",
        "status": "kapot",
        "wijken": ["999999", "abc"],
        "doelgroep": ["nope"],
        "website": "javascript:alert(1)",
        "contact_phone": "☎" * 40,
    }
    for url in (
        reverse("aanbod:werkruimte_create"),
        reverse("aanbod:werkruimte_edit", args=[activiteit.pk]),
    ):
        response = client.post(url, garbage)
        assert response.status_code == 200
        assert response.context["form"].errors


def test_invalid_edit_keeps_the_saved_name_in_the_heading(client, aanbieder_user):
    activiteit = ActiviteitFactory(
        organisatie=aanbieder_user.medewerker.organisatie, name="Koffie-ochtend"
    )
    client.force_login(aanbieder_user)
    response = client.post(
        reverse("aanbod:werkruimte_edit", args=[activiteit.pk]), payload(name="", wijken=[])
    )
    html = response.content.decode()
    assert "<h1>Koffie-ochtend aanpassen</h1>" in html
    assert "Kosten in euro (niet verplicht)" not in html  # needed when not free: no such label


@pytest.mark.parametrize("n", [1, 12])
def test_edit_page_query_count_does_not_grow_with_terms_and_wijken(
    client, kartrekker_user, django_assert_max_num_queries, n
):
    activiteit = ActiviteitFactory()
    activiteit.terms.set(Term.objects.all()[:n])
    activiteit.wijken.set(Wijk.objects.all()[: min(n, 9)])
    client.force_login(kartrekker_user)
    # session, user, groups, activity, pending proposal, wijken and terms of the activity,
    # choices: organisations, wijken, five vocabularies
    with django_assert_max_num_queries(14):
        response = client.get(reverse("aanbod:werkruimte_edit", args=[activiteit.pk]))
    assert len(response.context["form"].initial["doelgroep"]) >= 1
