"""The admin shows figures and import runs read-only; indicators and areas keep their codes."""

import pytest
from django.urls import reverse

from monitoring.models import (
    Begroting,
    Beoordeling,
    Evaluatie,
    EvaluatieRapport,
    ImportBatch,
    Indicator,
    Observatie,
    Regio,
    Uitgave,
)
from tests.monitoring.conftest import CSV_BOM, run_import

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def test_admin_lists_open_for_every_model(admin_client):
    run_import(CSV_BOM)
    models = (Indicator, Regio, Observatie, ImportBatch)
    models += (Evaluatie, Beoordeling, EvaluatieRapport, Begroting, Uitgave)
    for model in models:
        url = reverse(f"admin:monitoring_{model._meta.model_name}_changelist")
        assert admin_client.get(url).status_code == 200, url


def test_figures_and_import_runs_cannot_be_edited_by_hand(admin_client):
    batch = run_import(CSV_BOM)
    figure = Observatie.objects.first()
    for model, obj in ((Observatie, figure), (ImportBatch, batch)):
        name = model._meta.model_name
        assert admin_client.get(reverse(f"admin:monitoring_{name}_add")).status_code == 403
        change = admin_client.get(reverse(f"admin:monitoring_{name}_change", args=[obj.pk]))
        assert b'type="submit"' not in change.content.split(b'id="content-main"')[1]


def test_the_code_of_an_indicator_cannot_be_changed(admin_client):
    indicator = Indicator.objects.get(code="eenzaam")
    url = reverse("admin:monitoring_indicator_change", args=[indicator.pk])
    html = admin_client.get(url).content.decode()
    assert 'name="code"' not in html
    assert 'name="name"' in html
