"""The coalition in a real browser: axe-core on the public page, the join form with errors,
the staff list, a partner page and the edit forms; filters and forms without JavaScript."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from coalitie.constants import Rol, Sector
from hilversum_eenzaamheid import roles
from tests.aanbod.factories import ActiviteitFactory
from tests.coalitie.factories import (
    AanwezigheidFactory,
    AmbassadeurFactory,
    ContactpersoonFactory,
    DeelnemerFactory,
    LidmaatschapFactory,
)
from tests.factories import MedewerkerFactory, UserFactory
from wijken.models import Wijk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def coalitie():
    """A kartrekker, a kerngroep partner with everything on its page, and a schilpartner."""
    LidmaatschapFactory(
        organisatie__name="Gemeente Hilversum", role=Rol.KARTREKKER, sector=Sector.GEMEENTE
    )
    senver = LidmaatschapFactory(
        organisatie__name="Senver",
        organisatie__description="Stichting voor senioren.",
        role=Rol.KERNGROEP,
        sector=Sector.ZELFORGANISATIE,
        signalling=True,
        commitment="Huisbezoek bij de oudste leden.",
    ).organisatie
    senver.wijken.add(Wijk.objects.get(slug="zuid"))
    LidmaatschapFactory(
        organisatie__name="Buurtsuper Zuid", sector=Sector.SUPERMARKT, signalling=True
    )
    ActiviteitFactory(organisatie=senver, name="Samen wandelen", slug="samen-wandelen")
    ContactpersoonFactory(organisatie=senver, name="Henk Visser")
    AanwezigheidFactory(organisatie=senver, name="Henk Visser", bijeenkomst__title="Overleg")
    AmbassadeurFactory(organisatie=senver, name="Ria", trained=True)
    DeelnemerFactory(organisatie=senver, name="Noor", training__title="Signaleren")
    return senver


def log_in(visitor, role: str):
    """Give the browser the session of a user with this role (login has its own tests)."""
    user = UserFactory(username=role, roles=[getattr(roles, role.upper())])
    if role == "kerngroep":
        MedewerkerFactory(user=user, organisatie__name="Versa Welzijn")
    client = Client()
    client.force_login(user)
    host = visitor.base_url.split("//")[1].split(":")[0]
    cookie = client.cookies["sessionid"]
    visitor.page.context.add_cookies(
        [{"name": "sessionid", "value": cookie.value, "domain": host, "path": "/"}]
    )


def submit(page):
    with page.expect_navigation(wait_until="load"):
        page.locator("main form[method=post] button[type=submit]").first.click()


def test_public_page_passes_axe_and_links_activities(visitor, coalitie):
    page = visitor.open("/coalitie/")
    expect(page.locator("h1")).to_have_text("Samen tegen eenzaamheid: de coalitie")
    expect(page.get_by_role("heading", name="Kerngroep")).to_be_visible()
    expect(page.get_by_role("link", name="Samen wandelen")).to_have_attribute(
        "href", "/aanbod/samen-wandelen/"
    )
    visitor.audit()
    visitor.check_skip_link()


def test_join_form_with_errors_passes_axe_and_keeps_what_was_typed(visitor, coalitie):
    page = visitor.open("/coalitie/")
    page.get_by_label("Naam van uw organisatie").fill("Bakkerij De Korenaar")
    page.get_by_label("Uw e-mailadres").fill("bea@")
    page.get_by_role("button", name="Aanmelding versturen").click()
    page.wait_for_load_state()
    expect(page.locator("#foutmeldingen")).to_be_visible()
    expect(page.locator("#foutmeldingen")).to_be_focused()
    expect(page.get_by_label("Naam van uw organisatie")).to_have_value("Bakkerij De Korenaar")
    visitor.audit()


def test_join_form_works_without_javascript(visitor_without_js, coalitie):
    page = visitor_without_js.open("/coalitie/aanmelden/")
    page.get_by_label("Naam van uw organisatie").fill("Bakkerij De Korenaar")
    page.get_by_label("Uw naam").fill("Bea Bakker")
    page.get_by_label("Uw e-mailadres").fill("bea@example.org")
    page.get_by_label("Wat wilt u bijdragen?").fill("Wij letten op klanten die alleen zijn.")
    page.get_by_role("button", name="Aanmelding versturen").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Bedankt voor uw aanmelding")


STAFF_PAGES = [
    ("kartrekker", "/werkruimte/coalitie/", "Partners van de coalitie"),
    ("kartrekker", "/werkruimte/coalitie/?wijk=zuid&signalling=ja", "Partners van de coalitie"),
    ("kartrekker", "/werkruimte/coalitie/partners/senver/", "Senver"),
    ("kerngroep", "/werkruimte/coalitie/", "Partners van de coalitie"),
    ("kerngroep", "/werkruimte/coalitie/partners/senver/", "Senver"),
    ("kartrekker", "/werkruimte/coalitie/bijeenkomsten/", "Bijeenkomsten van de coalitie"),
    ("kartrekker", "/werkruimte/coalitie/trainingen/", "Trainingen signaleren"),
    ("kartrekker", "/werkruimte/coalitie/ambassadeurs/", "Ambassadeurs"),
    ("kartrekker", "/werkruimte/coalitie/partners/senver/wijzigen/", "Senver wijzigen"),
    ("kartrekker", "/werkruimte/coalitie/bijeenkomsten/nieuw/", "Nieuwe bijeenkomst"),
    ("kartrekker", "/werkruimte/coalitie/aanmeldingen/", "Aanmeldingen van nieuwe organisaties"),
]


@pytest.mark.parametrize(("role", "path", "heading"), STAFF_PAGES)
def test_staff_pages_of_the_coalition_pass_axe(visitor, coalitie, role, path, heading):
    log_in(visitor, role)
    page = visitor.open(path)
    expect(page.locator("h1")).to_have_text(heading)
    visitor.audit()


def test_training_page_with_its_ambassador_button_passes_axe(visitor, coalitie):
    log_in(visitor, "kartrekker")
    page = visitor.open("/werkruimte/coalitie/trainingen/")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="Signaleren").click()
    expect(page.locator("h1")).to_have_text("Signaleren")
    visitor.audit()
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name=re.compile(r"Maak ambassadeur\s*: Noor")).click()
    expect(page.get_by_text("Noor is nu ambassadeur.")).to_be_visible()
    visitor.audit()


def test_new_partner_form_with_errors_keeps_input_and_passes_axe(visitor, coalitie):
    log_in(visitor, "kartrekker")
    page = visitor.open("/werkruimte/coalitie/partners/nieuw/")
    page.get_by_label("Wat doet de organisatie?", exact=False).fill("Bakker in het centrum.")
    submit(page)
    expect(page.locator("#foutmeldingen")).to_be_visible()
    expect(page.get_by_label("Wat doet de organisatie?", exact=False)).to_have_value(
        "Bakker in het centrum."
    )
    visitor.audit()


def test_attendance_formset_with_errors_passes_axe(visitor, coalitie):
    log_in(visitor, "kartrekker")
    page = visitor.open("/werkruimte/coalitie/bijeenkomsten/")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="Overleg").click()
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="Aanwezigen bijwerken").click()
    expect(page.locator("h1")).to_have_text("Wie waren er?")
    visitor.audit()
    page.locator("#id_aanwezig-1-name").fill("Anna")
    submit(page)
    expect(page.locator("#foutmeldingen")).to_contain_text("Kies de organisatie van deze persoon.")
    expect(page.locator("#id_aanwezig-1-name")).to_have_value("Anna")
    visitor.audit()


def test_partner_filters_work_without_javascript(visitor_without_js, coalitie):
    log_in(visitor_without_js, "kartrekker")
    page = visitor_without_js.open("/werkruimte/coalitie/")
    page.get_by_label("Sector").select_option("supermarkt")
    page.get_by_role("button", name="Toon partners").click()
    page.wait_for_load_state()
    assert "sector=supermarkt" in page.url
    expect(page.get_by_role("link", name="Buurtsuper Zuid")).to_be_visible()
    expect(page.get_by_role("link", name="Senver")).to_have_count(0)
