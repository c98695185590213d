"""The coördinator's case pages in a real browser: the stand of a team's melding with the
reassign form, the cancel form on a triage melding, the list with the team filter (axe-core)."""

import pytest
from playwright.sync_api import expect

from meldpunt.constants import Status
from meldpunt.models import Buurtteam, Melding
from tests.e2e.test_aanbod_pages import log_in
from tests.meldpunt.test_case_support import force_status, new_melding

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_coordinator_reassigns_a_team_melding_and_every_step_passes_axe(visitor, coordinator_user):
    melding = new_melding()
    log_in(visitor, coordinator_user)
    page = visitor.open(f"/werkruimte/meldingen/{melding.reference}/")
    expect(page.locator("h1")).to_have_text(f"Melding {melding.reference}")
    expect(page.get_by_text("Jan Jansen")).to_have_count(0)
    visitor.audit()
    # Without a reason: the error summary, and the chosen team is kept.
    page.get_by_label("Buurtteam", exact=True).select_option(label="Buurtteam Zuid")
    page.get_by_role("button", name="Naar dit team sturen").click()
    page.wait_for_load_state()
    expect(page.locator("#foutmeldingen")).to_contain_text("Schrijf op waarom")
    zuid = Buurtteam.objects.get(slug="zuid")
    expect(page.get_by_label("Buurtteam", exact=True)).to_have_value(str(zuid.pk))
    visitor.audit()
    page.get_by_label("Waarom dit team?").fill("Woont sinds kort in Zuid")
    page.get_by_role("button", name="Naar dit team sturen").click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("is naar Buurtteam Zuid gestuurd")
    assert Melding.objects.get(pk=melding.pk).buurtteam.slug == "zuid"
    visitor.audit()


def test_stand_of_a_closed_melding_passes_axe(visitor, coordinator_user):
    melding = new_melding()
    force_status(melding, Status.GEANNULEERD)
    log_in(visitor, coordinator_user)
    page = visitor.open(f"/werkruimte/meldingen/{melding.reference}/")
    expect(page.get_by_text("Deze melding is gesloten.")).to_be_visible()
    visitor.audit()


def test_coordinator_cancels_a_triage_melding_and_the_pages_pass_axe(visitor, coordinator_user):
    melding = new_melding(wijk=None)
    log_in(visitor, coordinator_user)
    page = visitor.open(f"/werkruimte/meldingen/{melding.reference}/")
    visitor.audit()
    page.get_by_role("button", name="Melding laten vervallen").click()
    page.wait_for_load_state()
    expect(page.locator("#foutmeldingen")).to_contain_text("Kies waarom de melding vervalt.")
    visitor.audit()
    page.get_by_label("Dubbele melding").check()
    page.get_by_label("Toelichting").fill("Zelfde persoon als een melding van gisteren")
    page.get_by_role("button", name="Melding laten vervallen").click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("is vervallen: dubbele melding")
    assert Melding.objects.get(pk=melding.pk).status == Status.GEANNULEERD
    visitor.audit()


def test_list_with_the_team_filter_passes_axe(visitor, coordinator_user):
    new_melding()
    new_melding(wijk="zuid")
    log_in(visitor, coordinator_user)
    page = visitor.open("/werkruimte/meldingen/?team=zuid")
    expect(page.get_by_label("Buurtteam")).to_have_value("zuid")
    visitor.audit()
