"""Trainings, their participants, and making a participant an ambassador in one click."""

from datetime import date, datetime
from unittest.mock import patch

import pytest
from django.urls import reverse

from coalitie.models import Ambassadeur, Deelnemer, Training
from tests.coalitie.factories import DeelnemerFactory, TrainingFactory
from tests.coalitie.test_werkruimte_bijeenkomsten import formset_data
from tests.factories import OrganisatieFactory

pytestmark = pytest.mark.sqlite

CREATE = reverse("coalitie_werkruimte:training_create")
VALID = {
    "title": "Eenzaamheid herkennen",
    "date": "2025-02-11",
    "trainer": "Trainer van de gemeente",
    "audience": "ondernemers",
    "place": "",
    "description": "Voor winkeliers in het centrum.",
}


def test_kartrekker_plans_a_training_for_entrepreneurs(client, kartrekker_user):
    client.force_login(kartrekker_user)
    response = client.post(CREATE, VALID)
    training = Training.objects.get()
    assert response["Location"] == reverse("coalitie_werkruimte:training", args=[training.pk])
    assert training.audience == "ondernemers" and training.date == date(2025, 2, 11)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"title": ""}, "title", "Vul een titel in."),
        ({"date": ""}, "date", "Vul de datum in."),
        ({"date": "volgende week"}, "date", "Vul een datum in zoals 26-09-2026."),
        ({"trainer": ""}, "trainer", "Vul in wie de training geeft."),
        ({"audience": ""}, "audience", "Kies voor wie de training is."),
        ({"audience": "iedereen"}, "audience", "Kies een van de mogelijkheden uit de lijst."),
    ],
)
def test_bad_input_to_the_training_form_keeps_what_was_typed(
    client, kartrekker_user, data, field, message
):
    client.force_login(kartrekker_user)
    response = client.post(CREATE, {**VALID, **data})
    assert any(message in error for error in response.context["form"].errors[field])
    html = response.content.decode()
    assert "Voor winkeliers in het centrum." in html and 'id="foutmeldingen"' in html
    assert not Training.objects.exists()


def test_participants_are_added_changed_and_removed_in_one_form(client, kartrekker_user):
    training = TrainingFactory()
    mee = OrganisatieFactory(name="MEE")
    blijft = DeelnemerFactory(training=training, name="Joost", organisatie=None)
    weg = DeelnemerFactory(training=training, name="Zwaai")
    client.force_login(kartrekker_user)
    url = reverse("coalitie_werkruimte:training_deelnemers", args=[training.pk])
    rows = [
        {"id": str(blijft.pk), "name": "Joost Mulder", "organisatie": str(mee.pk), "function": ""},
        {"id": str(weg.pk), "name": "Zwaai", "organisatie": "", "function": "", "DELETE": "on"},
        {"id": "", "name": "Noor", "organisatie": "", "function": "Vrijwilliger"},
        {"id": "", "name": "", "organisatie": "", "function": ""},
    ]
    response = client.post(url, formset_data(rows, initial=2, prefix="deelnemer"))
    assert response.status_code == 302
    stored = sorted(training.deelnemers.values_list("pk", "name", "organisatie__name"))
    noor = training.deelnemers.get(name="Noor")
    assert stored == sorted([(blijft.pk, "Joost Mulder", "MEE"), (noor.pk, "Noor", None)])


def test_a_participant_row_without_a_name_is_refused_with_input_kept(client, kartrekker_user):
    training = TrainingFactory()
    client.force_login(kartrekker_user)
    url = reverse("coalitie_werkruimte:training_deelnemers", args=[training.pk])
    rows = [{"id": "", "name": "", "organisatie": "", "function": "Huismeester"}]
    response = client.post(url, formset_data(rows, prefix="deelnemer"))
    html = response.content.decode()
    assert "Vul de naam van de deelnemer in, of vink" in html
    assert 'value="Huismeester"' in html
    assert not Deelnemer.objects.exists()


def test_an_id_of_another_trainings_participant_is_refused(client, kartrekker_user):
    training, other = TrainingFactory(), DeelnemerFactory(name="Van elders")
    client.force_login(kartrekker_user)
    url = reverse("coalitie_werkruimte:training_deelnemers", args=[training.pk])
    rows = [{"id": str(other.pk), "name": "Overgenomen", "organisatie": "", "function": ""}]
    response = client.post(url, formset_data(rows, initial=1, prefix="deelnemer"))
    assert "hoort niet bij deze training" in response.content.decode()
    other.refresh_from_db()
    assert other.name == "Van elders"


def test_a_participant_becomes_an_ambassador_in_one_action_and_only_once(client, kartrekker_user):
    deelnemer = DeelnemerFactory(name="Sanne Bakker", organisatie__name="Versa Welzijn")
    client.force_login(kartrekker_user)
    url = reverse(
        "coalitie_werkruimte:deelnemer_ambassadeur", args=[deelnemer.training_id, deelnemer.pk]
    )
    today = datetime.fromisoformat("2025-03-03T10:00:00+01:00")
    with patch("django.utils.timezone.now", return_value=today):
        response = client.post(url, follow=True)
    ambassadeur = Ambassadeur.objects.get()
    assert (ambassadeur.name, ambassadeur.organisatie.name) == ("Sanne Bakker", "Versa Welzijn")
    assert ambassadeur.trained and ambassadeur.since == date(2025, 3, 3)
    assert ambassadeur.deelnemer == deelnemer
    assert "Sanne Bakker is nu ambassadeur." in response.content.decode()
    assert "Ja, sinds 3 maart 2025" in response.content.decode()
    response = client.post(url, follow=True)
    assert Ambassadeur.objects.count() == 1
    assert "Sanne Bakker was al ambassadeur." in response.content.decode()


def test_a_participant_who_is_an_ambassador_stays_linked_after_editing(client, kartrekker_user):
    deelnemer = DeelnemerFactory(name="Sanne")
    client.force_login(kartrekker_user)
    client.post(
        reverse(
            "coalitie_werkruimte:deelnemer_ambassadeur",
            args=[deelnemer.training_id, deelnemer.pk],
        )
    )
    url = reverse("coalitie_werkruimte:training_deelnemers", args=[deelnemer.training_id])
    rows = [{"id": str(deelnemer.pk), "name": "Sanne Bakker", "organisatie": "", "function": ""}]
    client.post(url, formset_data(rows, initial=1, prefix="deelnemer"))
    assert Ambassadeur.objects.get().deelnemer_id == deelnemer.pk


def test_make_ambassador_only_answers_post(client, kartrekker_user):
    deelnemer = DeelnemerFactory()
    client.force_login(kartrekker_user)
    url = reverse(
        "coalitie_werkruimte:deelnemer_ambassadeur", args=[deelnemer.training_id, deelnemer.pk]
    )
    assert client.get(url).status_code == 405
    assert not Ambassadeur.objects.exists()


def test_training_list_and_page_query_counts_do_not_grow(
    client, kartrekker_user, django_assert_num_queries
):
    for _ in range(8):
        training = TrainingFactory()
        for _ in range(6):
            DeelnemerFactory(training=training)
    client.force_login(kartrekker_user)
    # session, user, groups, count, page with participant counts
    with django_assert_num_queries(5):
        client.get(reverse("coalitie_werkruimte:trainingen"))
    # session, user, groups, training, participants with organisation and ambassador
    with django_assert_num_queries(5):
        client.get(reverse("coalitie_werkruimte:training", args=[training.pk]))
    # session, user, groups, training, its participants, organisation choices
    with django_assert_num_queries(6):
        client.get(reverse("coalitie_werkruimte:training_deelnemers", args=[training.pk]))
