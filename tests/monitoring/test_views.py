"""The upload form, the status page and the figures list: who may do what, and what they see."""

from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hilversum_eenzaamheid import roles
from monitoring.constants import ImportStatus
from monitoring.demo import seed_figures as seed
from monitoring.models import ImportBatch, Observatie
from tests.factories import UserFactory
from tests.monitoring.conftest import CSV_BOM, run_import

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

IMPORT_URL = "/monitoring/inlezen/"
FIGURES_URL = "/monitoring/cijfers/"


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/csv")


def post_file(client, name="50150NED.csv", data=None, **extra):
    payload = {"file": upload(name, CSV_BOM.read_bytes() if data is None else data), **extra}
    return client.post(IMPORT_URL, payload)


def test_urls_are_where_the_werkruimte_links_point():
    assert reverse("monitoring:import") == IMPORT_URL
    assert reverse("monitoring:cijfers") == FIGURES_URL
    assert reverse("monitoring:import_status", args=[7]) == "/monitoring/inlezen/7/"


@pytest.mark.parametrize("url", [IMPORT_URL, FIGURES_URL, "/monitoring/inlezen/1/"])
def test_anonymous_visitors_go_to_the_login_page(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("fixture", ["coordinator_user", "buurtteam_user", "aanbieder_user"])
def test_other_roles_may_not_see_or_upload(client, request, fixture):
    batch = run_import(CSV_BOM)
    client.force_login(request.getfixturevalue(fixture))
    for url in (IMPORT_URL, FIGURES_URL, f"/monitoring/inlezen/{batch.pk}/"):
        assert client.get(url).status_code == 403
    assert post_file(client).status_code == 403
    assert ImportBatch.objects.count() == 1


def test_kerngroep_sees_the_imports_but_no_form_and_may_not_upload(client, kerngroep_user):
    batch = run_import(CSV_BOM)
    client.force_login(kerngroep_user)
    response = client.get(IMPORT_URL)
    assert response.context["form"] is None
    assert 'type="file"' not in response.content.decode()
    assert "Alleen de kartrekker kan een bestand inlezen" in response.content.decode()
    assert f"/monitoring/inlezen/{batch.pk}/" in response.content.decode()
    assert client.get(f"/monitoring/inlezen/{batch.pk}/").status_code == 200
    assert post_file(client).status_code == 403
    assert ImportBatch.objects.count() == 1


def test_kartrekker_uploads_a_file_and_lands_on_its_finished_status_page(
    client, kartrekker_user, media_root, django_capture_on_commit_callbacks
):
    client.force_login(kartrekker_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_file(client, source="StatLine 50150NED, juli 2024")
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/monitoring/inlezen/{batch.pk}/"
    # Eager Celery (no broker): the import ran inside the request.
    assert batch.status == ImportStatus.KLAAR_MET_FOUTEN
    assert batch.created_by == kartrekker_user
    assert batch.file_name == "50150NED.csv"
    assert batch.file.name.startswith("monitoring/imports/") and batch.file.name.endswith(".csv")
    assert (media_root / batch.file.name).read_bytes() == CSV_BOM.read_bytes()
    assert Observatie.objects.filter(batch=batch, source="StatLine 50150NED, juli 2024").exists()

    page = client.get(response["Location"]).content.decode()
    assert "Klaar, met foute regels" in page
    assert "<td>13</td><td>eenzaam: &#x27;4x,5&#x27; is geen getal</td>" in page
    assert 'http-equiv="refresh"' not in page


def test_an_upload_waits_when_the_broker_is_down_and_the_page_says_so(
    client, kartrekker_user, django_capture_on_commit_callbacks
):
    client.force_login(kartrekker_user)
    with (
        mock.patch("monitoring.tasks.run_import.delay", side_effect=OSError("broker weg")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = post_file(client)
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.WACHTEND
    page = client.get(response["Location"]).content.decode()
    assert "De opdracht staat klaar en begint zo." in page


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("cijfers.xlsx", b"PK\x03\x04", "Dit is een spreadsheet"),
        ("cijfers.zip", b"PK\x03\x04rest", "zip"),
        ("adressen.csv", b'"Naam";"Adres"\n"Jan";"Kerkstraat 1"\n', "niet de kolommen"),
        ("leeg.csv", b"", "leeg"),
        ("foto.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "geen CSV"),
    ],
)
def test_a_wrong_file_is_refused_in_the_form_and_keeps_the_typed_source(
    client, kartrekker_user, name, data, message
):
    client.force_login(kartrekker_user)
    response = post_file(client, name=name, data=data, source="Mijn bron")
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'id="foutmeldingen"' in html
    assert 'value="Mijn bron"' in html
    assert not ImportBatch.objects.exists()


def test_posting_without_a_file_asks_for_one(client, kartrekker_user):
    client.force_login(kartrekker_user)
    response = client.post(IMPORT_URL, {"source": ""})
    assert "Kies het bestand dat u wilt inlezen." in response.content.decode()


def test_a_running_import_refreshes_itself_without_javascript_unless_switched_off(
    client, kartrekker_user
):
    batch = ImportBatch.objects.create(
        file_name="groot.csv", source="x", status=ImportStatus.BEZIG, rows_read=42000
    )
    client.force_login(kartrekker_user)
    url = f"/monitoring/inlezen/{batch.pk}/"
    page = client.get(url).content.decode()
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in page
    assert "Tot nu toe zijn 42000 regels gelezen." in page
    assert f'hx-get="{url}"' in page
    assert "?verversen=uit" in page
    stopped = client.get(url + "?verversen=uit").content.decode()
    assert 'http-equiv="refresh"' not in stopped


def test_htmx_gets_the_progress_only_and_polling_stops_when_finished(client, kartrekker_user):
    batch = ImportBatch.objects.create(file_name="groot.csv", source="x", status=ImportStatus.BEZIG)
    client.force_login(kartrekker_user)
    url = f"/monitoring/inlezen/{batch.pk}/"
    running = client.get(url, headers={"HX-Request": "true"})
    assert running.status_code == 200
    assert "<h1" not in running.content.decode()
    assert "hx-trigger" in running.content.decode()
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.KLAAR)
    done = client.get(url, headers={"HX-Request": "true"})
    assert done.status_code == 286
    html = done.content.decode()
    assert "hx-trigger" not in html
    assert 'hx-swap-oob="innerHTML"' in html and "Het inlezen is afgelopen: Klaar." in html


def test_an_unknown_import_is_a_404(client, kartrekker_user):
    client.force_login(kartrekker_user)
    assert client.get("/monitoring/inlezen/999999/").status_code == 404


def test_import_page_query_count_does_not_grow_with_the_number_of_imports(
    client, kartrekker_user, django_assert_max_num_queries
):
    user = UserFactory(roles=[roles.KARTREKKER])
    for n in range(15):
        ImportBatch.objects.create(file_name=f"{n}.csv", source="x", created_by=user)
    client.force_login(kartrekker_user)
    # session, user, second-step device (django-otp), groups, batches with their users
    with django_assert_max_num_queries(5):
        response = client.get(IMPORT_URL)
    assert len(response.context["batches"]) == 15


def test_figures_list_shows_each_indicator_year_and_age_group_with_intervals(
    client, kerngroep_user
):
    seed()
    run_import(CSV_BOM)
    client.force_login(kerngroep_user)
    response = client.get(FIGURES_URL)
    html = response.content.decode()
    captions = [str(t.indicator) + f" {t.year} {t.age_group}" for t in response.context["tables"]]
    assert captions[:3] == ["Eenzaam 2022 18+", "Eenzaam 2022 18-64", "Eenzaam 2022 65+"]
    assert "Eenzaam 2020 18+" in captions
    assert "<caption" in html and "Eenzaam, 2022, 18 jaar en ouder" in html
    assert "47,9 – 50,9" in html  # Hilversum's interval, decimal comma
    # Buurten only on request.
    assert "BU04020101" not in html
    with_buurten = client.get(FIGURES_URL, {"buurten": "on"}).content.decode()
    assert "BU04020101" in with_buurten


def test_figures_list_filters_by_year_indicator_and_age_group(client, kartrekker_user):
    seed()
    client.force_login(kartrekker_user)
    response = client.get(FIGURES_URL, {"jaar": "2020", "indicator": "sterk-eenzaam"})
    tables = response.context["tables"]
    assert [(t.indicator.code, t.year, t.age_group) for t in tables] == [
        ("sterk-eenzaam", 2020, "18+")
    ]
    assert [row.regio.name for row in tables[0].rows][:2] == ["Centrum", "Noordwest"]


def test_an_unknown_filter_value_shows_everything_with_a_notice(client, kartrekker_user):
    seed()
    client.force_login(kartrekker_user)
    response = client.get(FIGURES_URL, {"jaar": "1850", "leeftijd": "<script>"})
    assert response.status_code == 200
    assert response.context["unknown_filter"]
    assert len(response.context["tables"]) > 5
    assert "<script>" not in response.content.decode()


def test_figures_list_query_count_does_not_grow_with_the_data(
    client, kartrekker_user, django_assert_max_num_queries
):
    seed()
    run_import(CSV_BOM)
    client.force_login(kartrekker_user)
    # session, user, second-step device (django-otp), groups, years, indicators,
    # observations with areas and indicators
    with django_assert_max_num_queries(7):
        client.get(FIGURES_URL, {"buurten": "on"})
