"""The sociale kaart in a real browser: axe-core on search, detail, correction and staff forms."""

from datetime import date, time

import pytest
from django.test import Client
from playwright.sync_api import expect

from aanbod.constants import Herhaling
from aanbod.indexing import activiteit_reindex
from aanbod.models import Term
from hilversum_eenzaamheid import roles
from tests.aanbod.factories import ActiviteitFactory, RoosterFactory
from tests.factories import MedewerkerFactory, UserFactory
from wijken.models import Wijk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def activiteit():
    activiteit = ActiviteitFactory(
        name="Koffieochtend Lopes Dias",
        slug="koffieochtend-lopes-dias",
        short_description="Elke dinsdag koffie en een praatje in het wijkcentrum.",
        description="Iedereen is welkom. U hoeft zich niet aan te melden.",
        organisatie__name="Versa Welzijn",
    )
    activiteit.wijken.add(Wijk.objects.get(slug="noordoost"))
    activiteit.terms.add(*Term.objects.filter(code__in=["senioren", "ontmoeting", "sociaal"]))
    RoosterFactory(
        activiteit=activiteit,
        herhaling=Herhaling.WEKELIJKS,
        dinsdag=True,
        start_date=date(2026, 1, 6),
        start_time=time(10),
        end_time=time(12),
        locatie__name="Wijkcentrum Lopes Dias",
    )
    activiteit_reindex(ids=[activiteit.pk])
    return activiteit


def log_in(visitor, user) -> None:
    """Give the browser the session of a logged-in user (the login form has its own tests)."""
    client = Client()
    client.force_login(user)
    host = visitor.base_url.split("//")[1].split(":")[0]
    cookie = client.cookies["sessionid"]
    visitor.page.context.add_cookies(
        [{"name": "sessionid", "value": cookie.value, "domain": host, "path": "/"}]
    )


@pytest.mark.parametrize(
    "query", ["", "?wijk=noordoost&dag=di&doelgroep=senioren", "?q=koffie&dagdeel=ochtend"]
)
def test_search_page_passes_axe_with_and_without_filters(visitor, activiteit, query):
    page = visitor.open(f"/aanbod/{query}")
    expect(page.locator("h1")).to_have_text("Activiteiten in Hilversum")
    expect(page.get_by_role("link", name="Koffieochtend Lopes Dias")).to_be_visible()
    visitor.audit()


def test_search_filters_work_without_javascript(visitor_without_js, activiteit):
    page = visitor_without_js.open("/aanbod/")
    page.get_by_label("Noordoost", exact=False).first.check()
    page.get_by_role("button", name="Toon resultaten").first.click()
    page.wait_for_load_state()
    assert "wijk=noordoost" in page.url
    expect(page.get_by_role("link", name="Koffieochtend Lopes Dias")).to_be_visible()


def test_detail_page_passes_axe_and_links_its_calendar(visitor, activiteit):
    page = visitor.open(f"/aanbod/{activiteit.slug}/")
    expect(page.locator("h1")).to_have_text("Koffieochtend Lopes Dias")
    expect(page.locator(f'a[href$="/aanbod/{activiteit.slug}/agenda.ics"]')).to_have_count(1)
    visitor.audit()
    visitor.check_skip_link()


def test_correction_form_with_errors_passes_axe(visitor, activiteit):
    page = visitor.open(f"/aanbod/{activiteit.slug}/klopt-er-iets-niet/")
    expect(page.locator("h1")).to_have_text("Klopt er iets niet?")
    visitor.audit()
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    expect(page.locator("#foutmeldingen")).to_be_visible()
    visitor.audit()


STAFF_PAGES = [
    ("aanbieder", "/werkruimte/aanbod/", "De activiteiten van uw organisatie"),
    ("aanbieder", "/werkruimte/aanbod/nieuw/", "Nieuwe activiteit"),
    ("kartrekker", "/werkruimte/aanbod/", "Alle activiteiten"),
    ("kartrekker", "/werkruimte/aanbod/beoordelen/", "Voorstellen beoordelen"),
    ("kartrekker", "/werkruimte/aanbod/dekking/", "Dekking per wijk"),
    ("kartrekker", "/werkruimte/aanbod/correcties/", "Correcties van inwoners"),
    ("kartrekker", "/werkruimte/aanbod/synoniemen/", "Synoniemen voor het zoeken"),
]


@pytest.mark.parametrize(("role", "path", "heading"), STAFF_PAGES)
def test_staff_pages_of_the_sociale_kaart_pass_axe(visitor, activiteit, role, path, heading):
    user = UserFactory(username=role, roles=[getattr(roles, role.upper())])
    if role == "aanbieder":
        MedewerkerFactory(user=user, organisatie=activiteit.organisatie)
    log_in(visitor, user)
    page = visitor.open(path)
    expect(page.locator("h1")).to_have_text(heading)
    visitor.audit()


def test_new_activity_form_with_errors_keeps_input_and_passes_axe(visitor, activiteit):
    user = UserFactory(username="aanbieder", roles=[roles.AANBIEDER])
    MedewerkerFactory(user=user, organisatie=activiteit.organisatie)
    log_in(visitor, user)
    page = visitor.open("/werkruimte/aanbod/nieuw/")
    page.get_by_label("Naam", exact=False).first.fill("Samen wandelen")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    expect(page.locator("#foutmeldingen")).to_be_visible()
    expect(page.get_by_label("Naam", exact=False).first).to_have_value("Samen wandelen")
    visitor.audit()


def test_folder_still_being_made_gives_a_page_that_passes_axe(visitor, activiteit, monkeypatch):
    from django.core.cache import cache

    from aanbod import folder

    wijk = Wijk.objects.get(slug="noordoost")
    monkeypatch.setattr(folder, "WAIT_SECONDS", 0.2)
    key = folder.folder_key(folder.folder_html(wijk))
    cache.add(f"{key}:busy", 1, 60)  # a worker is on it
    try:
        page = visitor.open("/aanbod/wijk/noordoost/folder.pdf")
        expect(page.locator("h1")).to_have_text("De folder van Noordoost wordt gemaakt")
        # The 503 (with Retry-After) is the answer asked for here, not a broken request.
        assert visitor.failed == [visitor.url("/aanbod/wijk/noordoost/folder.pdf (HTTP 503)")]
        visitor.failed.clear()
        visitor.audit()
        page.get_by_role("link", name="Bekijk het aanbod in Noordoost op de website").click()
        page.wait_for_load_state()
        expect(page.get_by_role("link", name="Koffieochtend Lopes Dias")).to_be_visible()
    finally:
        cache.delete(f"{key}:busy")
