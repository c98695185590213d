"""Freshness: reminder at 180 days, the kartrekker's list at 210, out of search at 365; and the
signed one-click "klopt nog" link. The clock is frozen at each threshold."""

from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.urls import reverse

from aanbod.models import Activiteit, Voorstel
from aanbod.permissions import KLOPT_NOG_MAX_AGE, klopt_nog_check, klopt_nog_token
from aanbod.selectors import activiteiten_due_for_reminder, werkruimte_activiteiten
from tests.aanbod.factories import ActiviteitFactory

pytestmark = pytest.mark.sqlite

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def aged(days, **fields):
    return ActiviteitFactory(assured_at=NOW - timedelta(days=days), **fields)


@pytest.mark.parametrize("days,due", [(179, False), (180, True), (300, True)])
def test_reminder_is_due_from_180_days_after_the_last_check(db, days, due):
    activiteit = aged(days)
    assert (activiteit in activiteiten_due_for_reminder(now=NOW)) is due


def test_no_reminder_while_a_proposal_waits_or_for_an_ended_activity(db):
    waiting = aged(200)
    Voorstel.objects.create(activiteit=waiting, data={"name": "x"})
    aged(200, status="beeindigd")
    aged(200, moderatie="wacht")
    assert list(activiteiten_due_for_reminder(now=NOW)) == []


def test_a_reminder_counts_for_one_cycle_only(db):
    activiteit = aged(200)
    activiteit.wijzigingen.create(field="herinnering", new_value="a@example.org")
    activiteit.wijzigingen.filter(field="herinnering").update(changed_at=NOW - timedelta(days=15))
    assert list(activiteiten_due_for_reminder(now=NOW)) == []
    # Confirmed since, and unconfirmed again for 180 days: a new cycle, a new reminder.
    Activiteit.objects.filter(pk=activiteit.pk).update(assured_at=NOW - timedelta(days=10))
    later = NOW + timedelta(days=171)
    assert list(activiteiten_due_for_reminder(now=later)) == [activiteit]


@pytest.mark.parametrize("days,listed", [(209, False), (210, True)])
def test_kartrekker_list_shows_an_activity_from_210_days(kartrekker_user, days, listed):
    activiteit = aged(days)
    rows = werkruimte_activiteiten(user=kartrekker_user, filter="controleren", now=NOW)
    assert (activiteit in rows) is listed
    everything = werkruimte_activiteiten(user=kartrekker_user, now=NOW)
    assert everything.get(pk=activiteit.pk).opnieuw_controleren is listed


def test_kartrekker_list_page_uses_the_clock(client, kartrekker_user):
    aged(210, name="Oud")
    aged(209, name="Bijna")
    client.force_login(kartrekker_user)
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        response = client.get(reverse("aanbod:werkruimte_list"), {"filter": "controleren"})
    assert [a.name for a in response.context["page"]] == ["Oud"]


def test_an_activity_drops_out_of_public_search_after_365_days_and_is_kept(db):
    fresh = aged(364)
    # STALE_AFTER compares with >=: at exactly 365 days it is still in; one second later out.
    stale = ActiviteitFactory(assured_at=NOW - timedelta(days=365, seconds=1))
    public = Activiteit.objects.public(now=NOW)
    assert fresh in public and stale not in public
    assert Activiteit.objects.filter(pk=stale.pk).exists()


def test_confirming_brings_a_stale_activity_back(client, db):
    stale = aged(400)
    token = klopt_nog_token(stale)
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        client.post(reverse("aanbod:klopt_nog", args=[token]))
    assert stale in Activiteit.objects.public(now=NOW)


def test_klopt_nog_link_shows_a_confirm_page_and_get_changes_nothing(client, db):
    activiteit = aged(190, name="Koffie-ochtend")
    url = reverse("aanbod:klopt_nog", args=[klopt_nog_token(activiteit)])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Koffie-ochtend" in html and "Ja, dit klopt nog" in html
    assert response["X-Robots-Tag"] == "noindex"
    activiteit.refresh_from_db()
    assert activiteit.assured_at == NOW - timedelta(days=190)


def test_klopt_nog_button_confirms_without_login(client, db):
    activiteit = aged(190)
    url = reverse("aanbod:klopt_nog", args=[klopt_nog_token(activiteit)])
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        response = client.post(url)
    assert "Bedankt" in response.content.decode()
    activiteit.refresh_from_db()
    assert activiteit.assured_at == NOW
    assert activiteit.assured_by is None
    assert activiteit.assured_by_name == "via e-maillink"
    row = activiteit.wijzigingen.get(field="gecontroleerd")
    assert "via e-maillink" in row.new_value
    # The link belongs to the cycle that just ended: using it again changes nothing.
    again = client.post(url)
    assert "al gecontroleerd" in again.content.decode()
    activiteit.refresh_from_db()
    assert activiteit.assured_at == NOW


def test_klopt_nog_link_expires_after_30_days(client, db):
    activiteit = aged(190)
    with mock.patch("django.core.signing.time") as clock:
        clock.time.return_value = NOW.timestamp()
        token = klopt_nog_token(activiteit)
        clock.time.return_value = (NOW + KLOPT_NOG_MAX_AGE - timedelta(minutes=1)).timestamp()
        assert klopt_nog_check(token).state == "geldig"
        clock.time.return_value = (NOW + KLOPT_NOG_MAX_AGE + timedelta(minutes=1)).timestamp()
        assert klopt_nog_check(token).state == "verlopen"
        response = client.post(reverse("aanbod:klopt_nog", args=[token]))
    assert response.status_code == 410
    assert "Deze link werkt niet meer" in response.content.decode()
    activiteit.refresh_from_db()
    assert activiteit.assured_at == NOW - timedelta(days=190)


@pytest.mark.parametrize("token", ["onzin", "1-0:abc:def", "x" * 500, "99999-0"])
def test_a_forged_or_broken_link_is_not_found(client, db, token):
    response = client.post(reverse("aanbod:klopt_nog", args=[token]))
    assert response.status_code == 404
    assert "Deze link kennen we niet" in response.content.decode()


def test_a_token_for_one_activity_cannot_be_edited_into_another(db):
    first, second = aged(190), aged(190)
    value, _, signature = klopt_nog_token(first).partition(":")
    forged = f"{second.pk}-{value.split('-')[1]}:{signature}"
    assert klopt_nog_check(forged).state == "ongeldig"
