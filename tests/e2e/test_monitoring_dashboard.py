"""The dashboard, an evaluation, the score form and the PDF status page in a real browser:
axe-core finds nothing, no request leaves the portal, and the filters work without JavaScript.
"""

from pathlib import Path
from unittest import mock

import pytest
from playwright.sync_api import expect

from hilversum_eenzaamheid import roles
from monitoring.demo import seed_figures
from monitoring.models import EvaluatieRapport
from monitoring.services_evaluatie import beoordeling_save
from tests.aanbod.factories import ActiviteitFactory
from tests.e2e.test_aanbod_pages import log_in
from tests.factories import MedewerkerFactory, UserFactory
from tests.monitoring.evaluatie_support import make_evaluatie, member, vaststellen
from tests.pijlers.factories import TellingFactory, VerhaalFactory
from wijken.models import Wijk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def data(db):
    """Figures, activities, a reach target and a story: every block has something to show."""
    seed_figures()
    oost = Wijk.objects.get(slug="oost")
    ActiviteitFactory(name="Koffieochtend").wijken.add(oost)
    ActiviteitFactory(name="Wandelgroep", heel_hilversum=True)
    TellingFactory(metric="Deelnemers aan de training", target=120, achieved=86)
    VerhaalFactory(title="Weer onder de mensen", consent=True)


@pytest.fixture
def kartrekker(visitor):
    user = UserFactory(username="kartrekker", roles=[roles.KARTREKKER])
    log_in(visitor, user)
    return user


@pytest.fixture
def kerngroep(visitor):
    user = UserFactory(username="kerngroep", roles=[roles.KERNGROEP])
    MedewerkerFactory(user=user, organisatie__name="Versa Welzijn")
    log_in(visitor, user)
    return user


@pytest.mark.parametrize(
    "query", ["", "?indicator=sterk-eenzaam&jaar=2020&leeftijd=18%2B", "?indicator=onbekend"]
)
def test_dashboard_passes_axe_with_and_without_filters(visitor, kartrekker, data, query):
    page = visitor.open(f"/monitoring/{query}")
    expect(page.locator("h1")).to_have_text("Dashboard eenzaamheid")
    expect(page.locator("svg[role=img]").first).to_be_visible()
    # The charts are styled by the portal's own stylesheet, not by inline styles.
    fill = page.locator("svg.chart-svg .plot > .background").first.evaluate(
        "element => getComputedStyle(element).fill"
    )
    assert fill == "rgb(255, 255, 255)"
    visitor.audit()


def test_dashboard_filters_work_without_javascript(visitor_without_js, data):
    user = UserFactory(username="kerngroep", roles=[roles.KERNGROEP])
    log_in(visitor_without_js, user)
    page = visitor_without_js.open("/monitoring/")
    page.get_by_label("Indicator").select_option("sterk-eenzaam")
    page.get_by_role("button", name="Toon").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Sterk eenzaam per wijk, 2020, 18 jaar en ouder"))
    assert "indicator=sterk-eenzaam" in page.url
    assert visitor_without_js.foreign_requests() == []


def test_the_csv_link_downloads_the_data_of_a_chart(visitor, kartrekker, data):
    page = visitor.open("/monitoring/")
    with page.expect_download() as download:
        page.get_by_role(
            "link", name="Download de cijfers van ‘Nood en aanbod per wijk’ (CSV)"
        ).click()
    content = Path(download.value.path()).read_bytes()
    assert content.startswith(b"\xef\xbb\xbf") and b"Centrum;13;" in content


def test_an_evaluation_page_passes_axe(visitor, kartrekker, data):
    evaluatie = make_evaluatie("2025-H1")
    beoordeling_save(
        evaluatie=evaluatie, user=member("lid", "Senver"), resultaten=8, proces=7, samenwerking=7
    )
    page = visitor.open("/monitoring/evaluaties/2025-H1/")
    expect(page.locator("h1")).to_have_text("Halfjaarlijkse evaluatie 2025-H1")
    expect(page.get_by_role("button", name="Naar de kerngroep: in bespreking")).to_be_visible()
    visitor.audit()
    vaststellen(evaluatie, kartrekker)
    page = visitor.open("/monitoring/evaluaties/2025-H1/")
    expect(page.get_by_text("De cijfers op deze pagina zijn van die dag")).to_be_visible()
    visitor.audit()
    page = visitor.open("/monitoring/evaluaties/")
    visitor.audit()


def test_the_score_form_with_an_error_passes_axe_and_keeps_what_was_typed(visitor, kerngroep):
    make_evaluatie("2026-H2", with_texts=False)
    page = visitor.open("/monitoring/evaluaties/2026-H2/beoordeling/")
    visitor.audit()
    page.get_by_label("Resultaten").fill("11")
    page.get_by_label("Proces").fill("8")
    page.get_by_label("Toelichting (niet verplicht)").fill("Goed op weg")
    page.get_by_role("button", name="Cijfers opslaan").click()
    page.wait_for_load_state()
    summary = page.locator("#foutmeldingen")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Geef een cijfer van 1 tot en met 10.")
    expect(page.get_by_label("Proces")).to_have_value("8")
    expect(page.get_by_label("Toelichting (niet verplicht)")).to_have_value("Goed op weg")
    visitor.audit()


def test_the_pdf_status_page_passes_axe_while_waiting_and_when_ready(visitor, kerngroep):
    evaluatie = make_evaluatie("2025-H1")
    rapport = EvaluatieRapport.objects.create(evaluatie=evaluatie, version=1)
    page = visitor.open("/monitoring/evaluaties/2025-H1/pdf/1/")
    expect(page.locator("#voortgang")).to_contain_text("De pdf staat in de wachtrij")
    visitor.audit()
    with mock.patch("monitoring.rapport.render_pdf", return_value=b"%PDF-1.7 proef"):
        from monitoring.rapport import rapport_render

        rapport_render(rapport_id=rapport.pk)
    expect(page.locator("#voortgang")).to_contain_text("Status: Klaar", timeout=15_000)
    expect(page.locator("#rapport-aankondiging")).to_have_text("De pdf is afgerond: Klaar.")
    expect(page.get_by_role("link", name="Download de pdf")).to_be_visible()
    visitor.audit()
