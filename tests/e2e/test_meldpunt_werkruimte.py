"""The case pages in a real browser: axe-core on list, triage and detail; status by keyboard."""

import pytest
from playwright.sync_api import expect

from meldpunt.constants import Status
from meldpunt.models import Melding, StatusWijziging
from tests.e2e.test_aanbod_pages import log_in
from tests.meldpunt.test_case_support import force_status, member_of, new_melding

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def lid():
    return member_of("noordoost", username="lid-noordoost")


def test_list_passes_axe_for_a_team_member(visitor, lid):
    melding = new_melding()
    log_in(visitor, lid)
    page = visitor.open("/werkruimte/meldingen/")
    expect(page.get_by_role("link", name=melding.reference)).to_be_visible()
    visitor.audit()
    page = visitor.open("/werkruimte/meldingen/?status=nieuw&overdue=on")
    visitor.audit()


def test_detail_passes_axe_in_each_stage(visitor, lid):
    melding = new_melding()
    log_in(visitor, lid)
    page = visitor.open(f"/werkruimte/meldingen/{melding.reference}/")
    expect(page.locator("h1")).to_have_text(f"Melding {melding.reference}")
    visitor.audit()
    force_status(melding, Status.CONTACT_GELEGD, user=lid)
    visitor.open(f"/werkruimte/meldingen/{melding.reference}/?zoek=koffie")
    visitor.audit()


def test_detail_with_errors_passes_axe(visitor, lid):
    melding = new_melding()
    force_status(melding, Status.OPGEPAKT, user=lid)
    log_in(visitor, lid)
    page = visitor.open(f"/werkruimte/meldingen/{melding.reference}/")
    page.get_by_role("button", name="Status opslaan").click()
    page.wait_for_load_state()
    expect(page.locator("#foutmeldingen")).to_contain_text("Kies de nieuwe status.")
    visitor.audit()


def test_triage_page_passes_axe(visitor, coordinator_user):
    new_melding(wijk=None)
    log_in(visitor, coordinator_user)
    visitor.open("/werkruimte/meldingen/triage/")
    visitor.audit()


def test_status_change_works_by_keyboard(visitor, lid):
    melding = new_melding()
    log_in(visitor, lid)
    page = visitor.open(f"/werkruimte/meldingen/{melding.reference}/")
    page.get_by_label("Opgepakt").focus()
    page.keyboard.press("Space")
    # Tab through the outcome group and the reason to the button, then press Enter.
    for _ in range(10):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent")
        if "Status opslaan" in focused:
            break
    expect(page.get_by_role("button", name="Status opslaan")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("De status is gewijzigd.")
    assert Melding.objects.get(pk=melding.pk).status == Status.OPGEPAKT
    assert StatusWijziging.objects.filter(melding=melding, user=lid).count() == 1
    visitor.audit()
