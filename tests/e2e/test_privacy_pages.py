"""Privacy pages in a real browser: axe-core on the statement, the register and every step of a
request of a data subject (search, hits, data and download, erase confirmation, access log)."""

import pytest
from playwright.sync_api import expect

from meldpunt.constants import Status, Uitkomst
from meldpunt.models import Melding, Notitie
from tests.e2e.test_aanbod_pages import log_in
from tests.meldpunt.test_case_support import force_status, member_of, new_melding

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def closed(melding):
    force_status(melding, Status.AFGESLOTEN)
    Melding.objects.filter(pk=melding.pk).update(
        closed_at=melding.created_at, outcome=Uitkomst.HULP_NIET_GEWENST
    )
    return melding


def test_privacy_statement_passes_axe(visitor):
    page = visitor.open("/privacy/")
    expect(page.locator("h1")).to_have_text("Privacyverklaring")
    expect(page.get_by_role("heading", name="Als u een melding doet")).to_be_visible()
    visitor.audit()


def test_register_passes_axe(visitor, kerngroep_user):
    log_in(visitor, kerngroep_user)
    page = visitor.open("/werkruimte/pijlers/verwerkingsregister/")
    expect(page.locator("h1")).to_have_text("Verwerkingsregister")
    visitor.audit()


def test_search_with_errors_passes_axe_and_the_summary_links_the_field(visitor, coordinator_user):
    log_in(visitor, coordinator_user)
    page = visitor.open("/werkruimte/privacy/")
    visitor.audit()
    page.get_by_label("Postcode").fill("abc")
    page.get_by_label("Huisnummer").fill("1")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_load_state()
    expect(page.locator("#foutmeldingen")).to_contain_text("Vul een postcode in zoals")
    expect(page.get_by_label("Postcode")).to_have_value("abc")
    visitor.audit()


def test_a_whole_request_passes_axe_at_every_step(visitor, coordinator_user):
    melding = closed(new_melding())
    Notitie.objects.create(melding=melding, text="Jan Jansen belde terug.")
    open_one = new_melding(wijk="zuid")
    log_in(visitor, coordinator_user)
    page = visitor.open("/werkruimte/privacy/")
    page.get_by_label("Naam").fill("Jansen")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_contain_text("Verzoek")
    visitor.audit()  # the hits

    page.get_by_label(melding.reference).check()
    page.get_by_label(open_one.reference).check()
    page.get_by_role("button", name="Gegevens bekijken en downloaden").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name=f"Melding {melding.reference}")).to_be_visible()
    visitor.audit()  # the data, with the download form

    with page.expect_download() as download:
        page.get_by_role("button", name="Bestand downloaden").click()
    assert download.value.suggested_filename.endswith(".txt")

    page.get_by_role("button", name="Naar wissen").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Gegevens wissen")
    visitor.audit()  # the confirmation

    page.get_by_role("button", name="1 melding definitief wissen").click()
    page.wait_for_load_state()
    expect(page.locator("#foutmeldingen")).to_contain_text("Typ WISSEN om te bevestigen.")
    visitor.audit()  # the confirmation with its error
    page.get_by_label("Typ WISSEN om te bevestigen").fill("WISSEN")
    page.get_by_role("button", name="1 melding definitief wissen").click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("zijn gewist")
    assert Melding.objects.get(pk=melding.pk).anonymised_at is not None
    assert Melding.objects.get(pk=open_one.pk).anonymised_at is None
    visitor.audit()  # the request after erasure


def test_access_log_passes_axe_for_coordinator_and_team(visitor, coordinator_user):
    melding = new_melding()
    member = member_of("noordoost", username="lid-noordoost")
    log_in(visitor, member)
    visitor.open(f"/werkruimte/meldingen/{melding.reference}/")
    page = visitor.open("/werkruimte/inzage-log/")
    expect(page.get_by_role("cell", name=melding.reference)).to_be_visible()
    visitor.audit()
    log_in(visitor, coordinator_user)
    visitor.open(f"/werkruimte/inzage-log/?melding={melding.reference}&medewerker=x")
    visitor.audit()


def test_search_works_without_javascript(visitor_without_js, coordinator_user):
    melding = new_melding()
    log_in(visitor_without_js, coordinator_user)
    page = visitor_without_js.open("/werkruimte/privacy/")
    page.get_by_label("Telefoonnummer").fill("035 123 45 67")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_load_state()
    expect(page.get_by_label(melding.reference)).to_be_visible()
