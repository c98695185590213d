"""The pillars' pages in a real browser: axe-core (WCAG 2.1 AA) on the public information
pages, the agenda, the staff board, the timeline, an action and an edit form with errors."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from hilversum_eenzaamheid import roles
from pijlers.constants import Status
from pijlers.models import Actie
from tests.factories import MedewerkerFactory, UserFactory
from tests.pijlers.factories import TellingFactory, VerhaalFactory, VoortgangFactory

# serialized_rollback: the pillars, actions, pages and campaign dates come from migrations.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def log_in(visitor, user) -> None:
    """Give the browser the session of a logged-in user (the login form has its own tests)."""
    client = Client()
    client.force_login(user)
    host = visitor.base_url.split("//")[1].split(":")[0]
    cookie = client.cookies["sessionid"]
    visitor.page.context.add_cookies(
        [{"name": "sessionid", "value": cookie.value, "domain": host, "path": "/"}]
    )


@pytest.fixture
def actie():
    actie = Actie.objects.get(title="Trainen in signaleren, herkennen en bespreekbaar maken")
    actie.status = Status.LOPEND
    actie.save()
    VoortgangFactory(actie=actie, text="Eerste training gegeven aan de buurtteams.")
    TellingFactory(actie=actie)
    VerhaalFactory(actie=actie, title="Ik durf het nu te vragen", consent=True)
    return actie


@pytest.fixture
def kartrekker(visitor):
    log_in(visitor, UserFactory(username="kartrekker", roles=[roles.KARTREKKER]))
    return visitor


PUBLIC_PAGES = [
    ("/", "Samen tegen eenzaamheid in Hilversum"),
    ("/eenzaamheid/", "Wat is eenzaamheid?"),
    ("/agenda/", "Agenda"),
    ("/agenda/?eerder=1", "Agenda"),
    ("/verhalen/", "Verhalen van Hilversummers"),
]


@pytest.mark.parametrize(("path", "heading"), PUBLIC_PAGES, ids=[p for p, _h in PUBLIC_PAGES])
def test_public_page_passes_axe(visitor, actie, path, heading):
    page = visitor.open(path)
    expect(page.locator("h1")).to_have_text(heading)
    visitor.audit()


def test_home_doors_work_without_javascript(visitor_without_js):
    page = visitor_without_js.open("/")
    page.get_by_role("link", name="Meld uw zorg").click()
    page.wait_for_load_state()
    assert page.url.endswith("/meldpunt/")
    page = visitor_without_js.open("/")
    page.get_by_role("link", name="Wat is eenzaamheid?", exact=True).last.click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Wat is eenzaamheid?")


STAFF_PAGES = [
    ("/werkruimte/pijlers/", "Pijlers en acties"),
    ("/werkruimte/pijlers/pijler/weten/", "Pijler 1: Weten"),
    ("/werkruimte/pijlers/tijdlijn/", "Tijdlijn van de acties"),
    ("/werkruimte/pijlers/verhalen/", "Verhalen"),
    ("/werkruimte/pijlers/agenda/", "Agenda beheren"),
    ("/werkruimte/pijlers/paginas/", "Teksten op de website"),
    ("/werkruimte/pijlers/paginas/eenzaamheid/geschiedenis/", None),
]


@pytest.mark.parametrize(("path", "heading"), STAFF_PAGES, ids=[p for p, _h in STAFF_PAGES])
def test_staff_page_passes_axe(kartrekker, actie, path, heading):
    page = kartrekker.open(path)
    if heading:
        expect(page.locator("h1")).to_have_text(heading)
    kartrekker.audit()


def test_action_detail_passes_axe_for_the_kerngroep_too(visitor, actie):
    user = UserFactory(username="kerngroep", roles=[roles.KERNGROEP])
    MedewerkerFactory(user=user, organisatie__name="Versa Welzijn")
    log_in(visitor, user)
    page = visitor.open(f"/werkruimte/pijlers/acties/{actie.pk}/")
    expect(page.locator("h1")).to_have_text(actie.title)
    expect(page.get_by_text("Eerste training gegeven aan de buurtteams.")).to_be_visible()
    expect(page.get_by_role("link", name="Actie wijzigen")).to_have_count(0)
    visitor.audit()


def test_action_form_with_errors_keeps_input_and_passes_axe(kartrekker, actie):
    page = kartrekker.open(f"/werkruimte/pijlers/acties/{actie.pk}/wijzigen/")
    kartrekker.audit()
    page.get_by_label("Naam van de actie").fill("Trainingen signaleren 2027")
    page.get_by_label("Startkwartaal").select_option("2026-Q3")
    page.get_by_label("Eindkwartaal", exact=False).select_option("2026-Q1")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("#foutmeldingen")).to_be_visible()
    expect(page.locator("#foutmeldingen")).to_contain_text("Het eindkwartaal ligt vóór")
    expect(page.get_by_label("Naam van de actie")).to_have_value("Trainingen signaleren 2027")
    kartrekker.audit()


@pytest.mark.parametrize(
    "path",
    [
        "/werkruimte/pijlers/agenda/nieuw/",
        "/werkruimte/pijlers/verhalen/nieuw/",
        "/werkruimte/pijlers/paginas/eenzaamheid/wijzigen/",
    ],
)
def test_other_forms_with_errors_pass_axe(kartrekker, path):
    page = kartrekker.open(path)
    page.locator("main form textarea, main form input[type=text]").first.fill("")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("#foutmeldingen")).to_be_visible()
    kartrekker.audit()


def test_progress_and_target_forms_with_errors_pass_axe(kartrekker, actie):
    for path in [
        f"/werkruimte/pijlers/acties/{actie.pk}/voortgang/",
        f"/werkruimte/pijlers/acties/{actie.pk}/tellingen/nieuw/",
    ]:
        page = kartrekker.open(path)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        expect(page.locator("#foutmeldingen")).to_be_visible()
        kartrekker.audit()
