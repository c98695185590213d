from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meldpunt.models import Melding, StatusWijziging, Uitbericht
from meldpunt.services import Contact, melding_create
from wijken.models import Wijk

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


@pytest.fixture
def melding():
    return melding_create(
        about_self=False,
        urgent=False,
        consent=True,
        reporter_role="bewoner",
        person_knows="nee",
        text="Geheime toelichting",
        wijk=Wijk.objects.get(slug="zuid"),
        person=Contact("Piet Geheim", "0351234567", "piet@example.org"),
        reporter=Contact("Melder", "", "melder@example.org"),
    )


def test_admin_shows_a_melding_without_its_personal_data(admin_client, melding):
    html = admin_client.get(
        reverse("admin:meldpunt_melding_change", args=[melding.pk])
    ).content.decode()
    assert melding.reference in html
    for secret in ["Geheime", "Piet", "0351234567", "piet@", "melder@"]:
        assert secret not in html


def test_admin_history_access_log_and_outbox_are_read_only(admin_client, melding):
    for model in ["melding", "statuswijziging", "toegang", "uitbericht"]:
        assert admin_client.get(reverse(f"admin:meldpunt_{model}_add")).status_code == 403
    row = StatusWijziging.objects.get()
    response = admin_client.post(
        reverse("admin:meldpunt_statuswijziging_change", args=[row.pk]), {"reason": "x"}
    )
    assert response.status_code == 403
    assert StatusWijziging.objects.get().reason == ""


def test_outbox_list_hides_the_receipt_address(admin_client, melding):
    receipt = Uitbericht.objects.get(kind="ontvangst")
    html = admin_client.get(
        reverse("admin:meldpunt_uitbericht_change", args=[receipt.pk])
    ).content.decode()
    assert "melder@example.org" not in html
    assert melding.reference in html


def test_retry_action_makes_failed_rows_due_now(admin_client, melding):
    Uitbericht.objects.update(attempts=12, next_attempt_at=timezone.now() + timedelta(days=1))
    admin_client.post(
        reverse("admin:meldpunt_uitbericht_changelist"),
        {
            "action": "retry_now",
            "_selected_action": list(Uitbericht.objects.values_list("pk", flat=True)),
        },
    )
    assert set(Uitbericht.objects.values_list("attempts", flat=True)) == {0}
    assert Uitbericht.objects.filter(next_attempt_at__lte=timezone.now()).count() == 2
    assert Melding.objects.count() == 1
