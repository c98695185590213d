"""The technical Django admin of the sociale kaart (staff only)."""

import pytest
from django.urls import reverse

from aanbod.models import Correctie, Voorstel, Wijziging
from tests.aanbod.factories import ActiviteitFactory, RoosterFactory
from tests.factories import PASSWORD

pytestmark = pytest.mark.sqlite


@pytest.fixture
def admin_client(client, django_user_model, db):
    client.force_login(
        django_user_model.objects.create_superuser("beheer", "b@example.org", PASSWORD)
    )
    return client


@pytest.mark.parametrize(
    "model",
    ["activiteit", "rooster", "locatie", "term", "synoniem", "correctie", "voorstel", "wijziging"],
)
def test_every_model_of_the_sociale_kaart_is_listed_in_the_admin(admin_client, model):
    activiteit = ActiviteitFactory()
    RoosterFactory(activiteit=activiteit)
    Correctie.objects.create(activiteit=activiteit, message="x")
    Voorstel.objects.create(activiteit=activiteit)
    Wijziging.objects.create(activiteit=activiteit, field="name")
    assert admin_client.get(reverse(f"admin:aanbod_{model}_changelist")).status_code == 200


def test_activity_admin_shows_its_schedules_inline(admin_client):
    rooster = RoosterFactory()
    url = reverse("admin:aanbod_activiteit_change", args=[rooster.activiteit.pk])
    assert 'name="roosters-0-herhaling"' in admin_client.get(url).content.decode()


def test_change_log_and_terms_cannot_be_added_or_deleted_in_the_admin(admin_client):
    activiteit = ActiviteitFactory()
    row = Wijziging.objects.create(activiteit=activiteit, field="name", new_value="x")
    assert admin_client.get(reverse("admin:aanbod_wijziging_add")).status_code == 403
    assert admin_client.get(reverse("admin:aanbod_term_add")).status_code == 403
    assert (
        admin_client.post(reverse("admin:aanbod_wijziging_delete", args=[row.pk])).status_code
        == 403
    )
    change = admin_client.post(
        reverse("admin:aanbod_wijziging_change", args=[row.pk]), {"new_value": "y"}
    )
    assert change.status_code == 403
    row.refresh_from_db()
    assert row.new_value == "x"


def test_staff_roles_without_admin_rights_do_not_get_into_the_admin(client, kartrekker_user):
    client.force_login(kartrekker_user)
    response = client.get(reverse("admin:aanbod_activiteit_changelist"))
    # The admin is for superusers only; others do not even learn it is there (issue #7).
    assert response.status_code == 404
