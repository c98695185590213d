"""The technical admin of the coalition's models opens (superuser only)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.sqlite

MODELS = ["organisatie", "medewerker", "lidmaatschap", "bijeenkomst", "training"]
MODELS += ["ambassadeur", "aanmelding"]


def test_every_coalitie_model_opens_in_the_admin(client, django_user_model, partner):
    admin = django_user_model.objects.create_superuser("beheer", "beheer@example.org", "x" * 12)
    client.force_login(admin)
    for model in MODELS:
        assert client.get(reverse(f"admin:coalitie_{model}_changelist")).status_code == 200, model
    url = reverse("admin:coalitie_organisatie_change", args=[partner.organisatie.pk])
    html = client.get(url).content.decode()
    assert "Henk Visser" in html  # the contact persons inline
    bijeenkomst = partner.organisatie.aanwezigheden.get().bijeenkomst
    assert (
        client.get(reverse("admin:coalitie_bijeenkomst_change", args=[bijeenkomst.pk])).status_code
        == 200
    )
