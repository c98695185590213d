"""Ambassadors and the join requests in the werkruimte."""

from datetime import date

import pytest
from django.urls import reverse

from coalitie.models import Aanmelding, Ambassadeur
from tests.coalitie.factories import AanmeldingFactory, AmbassadeurFactory, DeelnemerFactory
from tests.factories import OrganisatieFactory

pytestmark = pytest.mark.sqlite

CREATE = reverse("coalitie_werkruimte:ambassadeur_create")
AANMELDINGEN = reverse("coalitie_werkruimte:aanmeldingen")


def test_kartrekker_adds_an_ambassador_without_an_organisation(client, kartrekker_user):
    client.force_login(kartrekker_user)
    response = client.post(
        CREATE, {"name": "Bewoner Bep", "organisatie": "", "since": "2025-01-15"}
    )
    assert response["Location"] == reverse("coalitie_werkruimte:ambassadeurs")
    ambassadeur = Ambassadeur.objects.get()
    assert ambassadeur.organisatie is None and not ambassadeur.trained
    assert ambassadeur.since == date(2025, 1, 15)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": ""}, "name", "Vul de naam van de ambassadeur in."),
        ({"since": ""}, "since", "Vul in sinds wanneer de persoon ambassadeur is."),
        ({"since": "2025-02-30"}, "since", "Vul een datum in zoals 26-09-2026."),
        ({"organisatie": "999999"}, "organisatie", "Kies een van de mogelijkheden uit de lijst."),
    ],
)
def test_bad_input_to_the_ambassador_form_keeps_what_was_typed(
    client, kartrekker_user, data, field, message
):
    client.force_login(kartrekker_user)
    valid = {"name": "Bewoner Bep", "organisatie": "", "since": "2025-01-15", "trained": "on"}
    response = client.post(CREATE, {**valid, **data})
    assert any(message in error for error in response.context["form"].errors[field])
    html = response.content.decode()
    assert 'id="foutmeldingen"' in html
    assert 'value="Bewoner Bep"' in html or field == "name"
    assert not Ambassadeur.objects.exists()


def test_ambassador_edit_and_delete(client, kartrekker_user):
    ambassadeur = AmbassadeurFactory(name="Bep")
    other = OrganisatieFactory(name="Senver")
    client.force_login(kartrekker_user)
    url = reverse("coalitie_werkruimte:ambassadeur_edit", args=[ambassadeur.pk])
    client.post(
        url, {"name": "Bep", "organisatie": other.pk, "since": "2024-04-01", "trained": "on"}
    )
    ambassadeur.refresh_from_db()
    assert ambassadeur.organisatie == other and ambassadeur.trained
    client.post(reverse("coalitie_werkruimte:ambassadeur_delete", args=[ambassadeur.pk]))
    assert not Ambassadeur.objects.exists()


def test_ambassador_list_shows_the_training_and_query_count_does_not_grow(
    client, kerngroep_user, django_assert_num_queries
):
    for n in range(10):
        deelnemer = DeelnemerFactory(training__title=f"Training {n}")
        AmbassadeurFactory(deelnemer=deelnemer, trained=True)
        AmbassadeurFactory()
    client.force_login(kerngroep_user)
    # session, user, groups, count, ambassadors with organisation and training
    with django_assert_num_queries(5):
        html = client.get(reverse("coalitie_werkruimte:ambassadeurs")).content.decode()
    assert "Training 9" in html


def test_kartrekker_sees_open_join_requests_oldest_first_and_marks_one_handled(
    client, kartrekker_user
):
    first = AanmeldingFactory(organisation_name="Bakkerij", phone="035 123 45 67")
    AanmeldingFactory(organisation_name="Sportclub")
    AanmeldingFactory(organisation_name="Oud verzoek", handled_at="2025-01-01T10:00:00Z")
    client.force_login(kartrekker_user)
    response = client.get(AANMELDINGEN)
    shown = [a.organisation_name for a in response.context["page"].object_list]
    assert shown == ["Bakkerij", "Sportclub"]
    assert "035 123 45 67" in response.content.decode()
    client.post(reverse("coalitie_werkruimte:aanmelding_afhandelen", args=[first.pk]))
    first.refresh_from_db()
    assert first.handled_by == kartrekker_user and first.handled_at is not None
    shown = [a.organisation_name for a in client.get(AANMELDINGEN).context["page"].object_list]
    assert shown == ["Sportclub"]
    everything = client.get(AANMELDINGEN + "?toon=alle").context["page"].object_list
    assert {a.organisation_name for a in everything} == {"Bakkerij", "Sportclub", "Oud verzoek"}


def test_marking_a_handled_request_again_changes_nothing(client, kartrekker_user, coordinator_user):
    aanmelding = AanmeldingFactory(handled_at="2025-01-01T10:00:00Z", handled_by=coordinator_user)
    client.force_login(kartrekker_user)
    response = client.post(
        reverse("coalitie_werkruimte:aanmelding_afhandelen", args=[aanmelding.pk]), follow=True
    )
    assert "Deze aanmelding was al afgehandeld." in response.content.decode()
    assert Aanmelding.objects.get().handled_by == coordinator_user


def test_partner_list_tells_the_kartrekker_how_many_requests_wait(client, kartrekker_user):
    AanmeldingFactory()
    AanmeldingFactory()
    client.force_login(kartrekker_user)
    html = client.get(reverse("coalitie_werkruimte:partners")).content.decode()
    assert "Er wachten 2 aanmeldingen van nieuwe organisaties." in html


def test_join_request_list_query_count_does_not_grow(
    client, kartrekker_user, django_assert_num_queries
):
    for _ in range(15):
        AanmeldingFactory(handled_at="2025-01-01T10:00:00Z", handled_by=kartrekker_user)
    client.force_login(kartrekker_user)
    # session, user, groups, count, requests with who handled them
    with django_assert_num_queries(5):
        client.get(AANMELDINGEN + "?toon=alle")
