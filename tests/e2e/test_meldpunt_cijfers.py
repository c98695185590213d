"""The meldpunt's figures page in a real browser: axe-core, one table with a caption."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hilversum_eenzaamheid import roles
from tests.e2e.test_aanbod_pages import log_in
from tests.factories import UserFactory
from tests.meldpunt.test_case_support import new_melding

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_figures_page_passes_axe(visitor):
    for _ in range(5):
        new_melding(wijk="oost", now=timezone.now() - timedelta(hours=2))
    log_in(visitor, UserFactory(username="kartrekker", roles=[roles.KARTREKKER]))
    page = visitor.open("/werkruimte/meldingen/cijfers/")
    expect(page.locator("h1")).to_have_text("Cijfers van het meldpunt")
    expect(page.locator("caption")).to_have_text("Meldingen per wijk en per half jaar")
    visitor.audit()
