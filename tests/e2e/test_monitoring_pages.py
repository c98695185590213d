"""GGD figures in a real browser: axe-core on the upload form, the status page and the figures.

The status page refreshes itself: with JavaScript through htmx, without it through a <meta>
refresh inside <noscript>. Both are driven here by finishing an import behind the page's back.
"""

import pytest
from playwright.sync_api import expect

from hilversum_eenzaamheid import roles
from monitoring.constants import ImportStatus
from monitoring.demo import seed
from monitoring.models import ImportBatch
from tests.e2e.test_aanbod_pages import log_in
from tests.factories import MedewerkerFactory, UserFactory
from tests.monitoring.conftest import CSV_BOM, run_import

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def kartrekker(visitor):
    user = UserFactory(username="kartrekker", roles=[roles.KARTREKKER])
    log_in(visitor, user)
    return user


def test_upload_form_empty_and_with_an_error_passes_axe(visitor, kartrekker):
    page = visitor.open("/monitoring/inlezen/")
    expect(page.locator("h1")).to_have_text("GGD-cijfers inlezen")
    visitor.audit()
    page.get_by_label("Bron (niet verplicht)").fill("StatLine juli 2024")
    page.get_by_role("button", name="Bestand inlezen").click()
    page.wait_for_load_state()
    expect(page.locator("#foutmeldingen")).to_be_visible()
    expect(page.locator("#foutmeldingen")).to_contain_text("Kies het bestand dat u wilt inlezen.")
    expect(page.get_by_label("Bron (niet verplicht)")).to_have_value("StatLine juli 2024")
    visitor.audit()


def test_uploading_a_file_shows_its_finished_status_page_which_passes_axe(visitor, kartrekker):
    page = visitor.open("/monitoring/inlezen/")
    page.get_by_label("Bestand van StatLine").set_input_files(str(CSV_BOM))
    page.get_by_role("button", name="Bestand inlezen").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text(f"Inlezen van {CSV_BOM.name}")
    expect(page.locator("#voortgang")).to_contain_text("Klaar, met foute regels")
    expect(page.locator("#fouten-titel")).to_have_text("Foute regels")
    visitor.audit()


def test_a_running_import_updates_itself_with_javascript_and_passes_axe(visitor, kartrekker):
    batch = ImportBatch.objects.create(
        file_name="groot.csv", source="x", status=ImportStatus.BEZIG, rows_read=2000
    )
    page = visitor.open(f"/monitoring/inlezen/{batch.pk}/")
    expect(page.locator("#voortgang")).to_contain_text("Tot nu toe zijn 2000 regels gelezen.")
    visitor.audit()
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.KLAAR, rows_read=9000)
    expect(page.locator("#voortgang")).to_contain_text("Status: Klaar", timeout=15_000)
    expect(page.locator("#import-aankondiging")).to_have_text("Het inlezen is afgelopen: Klaar.")
    visitor.audit()


def test_a_running_import_refreshes_itself_without_javascript(visitor_without_js):
    log_in(visitor_without_js, UserFactory(username="kartrekker", roles=[roles.KARTREKKER]))
    batch = ImportBatch.objects.create(file_name="groot.csv", source="x", status=ImportStatus.BEZIG)
    page = visitor_without_js.open(f"/monitoring/inlezen/{batch.pk}/")
    expect(page.get_by_role("link", name="Stop met automatisch verversen")).to_be_visible()
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.KLAAR)
    expect(page.locator("#voortgang")).to_contain_text("Status: Klaar", timeout=15_000)


def test_figures_list_passes_axe_with_and_without_buurten(visitor, kartrekker):
    seed()
    run_import(CSV_BOM)
    page = visitor.open("/monitoring/cijfers/")
    expect(page.locator("h1")).to_have_text("GGD-cijfers over eenzaamheid")
    expect(page.locator("caption").first).to_have_text("Eenzaam, 2022, 18 jaar en ouder")
    visitor.audit()
    page.get_by_label("Ook de buurten tonen").check()
    page.get_by_role("button", name="Toon cijfers").click()
    page.wait_for_load_state()
    expect(page.get_by_role("rowheader", name="BU04020101").first).to_be_visible()
    visitor.audit()


def test_kerngroep_sees_the_import_list_without_a_form_and_it_passes_axe(visitor):
    user = UserFactory(username="kerngroep", roles=[roles.KERNGROEP])
    MedewerkerFactory(user=user, organisatie__name="Versa Welzijn")
    run_import(CSV_BOM)
    log_in(visitor, user)
    page = visitor.open("/monitoring/inlezen/")
    expect(page.locator('input[type="file"]')).to_have_count(0)
    expect(page.get_by_role("link", name=CSV_BOM.name)).to_be_visible()
    visitor.audit()
