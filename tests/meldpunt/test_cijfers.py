from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.meldpunt.test_case_support import member_of, new_melding

URL = "/werkruimte/meldingen/cijfers/"

pytestmark = pytest.mark.sqlite


def test_cijfers_url_is_not_taken_for_a_melding_reference():
    assert reverse("meldpunt:werkruimte_cijfers") == URL


def test_kartrekker_sees_counts_per_wijk_without_persons(client, kartrekker_user):
    now = timezone.now() - timedelta(hours=1)
    for _ in range(6):
        new_melding(wijk="noordoost", now=now)
    new_melding(wijk="centrum", now=now)
    client.force_login(kartrekker_user)
    response = client.get(URL)
    html = response.content.decode()
    rows = {(r.wijk.slug if r.wijk else None): r for r in response.context["rows"]}
    assert rows["noordoost"].meldingen == 6
    assert rows["centrum"].meldingen is None  # one melding: hidden
    assert "minder dan 5" in html
    assert "Jan Jansen" not in html and "Piet Buur" not in html


def test_coordinator_sees_the_counts_too(client, coordinator_user):
    client.force_login(coordinator_user)
    assert client.get(URL).status_code == 200


def test_buurtteam_and_providers_may_not_see_the_counts(client, aanbieder_user, db):
    client.force_login(member_of("noordoost"))
    assert client.get(URL).status_code == 403
    client.force_login(aanbieder_user)
    assert client.get(URL).status_code == 403


def test_anonymous_visitors_go_to_the_login_page(client, db):
    assert client.get(URL)["Location"].startswith(reverse("login"))


def test_cijfers_page_query_count_does_not_grow(
    client, kartrekker_user, django_assert_max_num_queries
):
    now = timezone.now() - timedelta(hours=1)
    for _ in range(12):
        new_melding(wijk="zuid", now=now)
    client.force_login(kartrekker_user)
    # session, user, groups, and the three queries of the figures
    with django_assert_max_num_queries(6):
        client.get(URL)
