"""The Celery tasks of the sociale kaart: the daily freshness check and the nightly reindex."""

import re
import smtplib
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.urls import reverse

from aanbod import tasks
from aanbod.models import Activiteit, Wijziging
from hilversum_eenzaamheid.celery import app
from tests.aanbod.factories import ActiviteitFactory
from tests.factories import OrganisatieFactory

pytestmark = pytest.mark.sqlite

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def aged(days, **fields):
    return ActiviteitFactory(assured_at=NOW - timedelta(days=days), **fields)


def test_tasks_carry_the_names_the_beat_schedule_uses(settings):
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    names = {
        "aanbod.tasks.freshness_check",
        "aanbod.tasks.reindex_all",
        "aanbod.tasks.reindex_passed",
    }
    assert names <= scheduled
    assert names <= set(app.tasks)


def test_freshness_check_mails_the_contact_a_working_one_click_link(client, db, mailoutbox):
    activiteit = aged(180, name="Koffie-ochtend", contact_email="koffie@example.org")
    aged(179, contact_email="nog-niet@example.org")
    assert tasks.freshness_check(now=NOW) == 1
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["koffie@example.org"]
    assert mail.subject == "Klopt de informatie over Koffie-ochtend nog?"
    assert "Klopt alles nog?" in mail.body
    assert "De link werkt tot en met 1 april 2026." in mail.body
    assert "3 september 2025" in mail.body  # the last check
    link = re.search(r"https?://\S+/aanbod/klopt-nog/\S+/", mail.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    page = client.get("/" + path)
    assert page.status_code == 200 and "Koffie-ochtend" in page.content.decode()
    row = activiteit.wijzigingen.get(field="herinnering")
    assert (row.new_value, row.changed_at) == ("koffie@example.org", NOW)


def test_running_the_check_twice_sends_one_mail(db, mailoutbox):
    aged(200, contact_email="a@example.org")
    tasks.freshness_check(now=NOW)
    tasks.freshness_check(now=NOW + timedelta(days=1))
    assert len(mailoutbox) == 1


def test_after_a_confirmation_the_next_cycle_gets_its_own_reminder(client, db, mailoutbox):
    activiteit = aged(200, contact_email="a@example.org")
    tasks.freshness_check(now=NOW)
    link = re.search(r"/aanbod/klopt-nog/\S+/", mailoutbox[0].body).group(0)
    with mock.patch("django.utils.timezone.now", return_value=NOW + timedelta(days=2)):
        client.post(link)
    activiteit.refresh_from_db()
    assert activiteit.assured_at == NOW + timedelta(days=2)
    tasks.freshness_check(now=NOW + timedelta(days=100))
    assert len(mailoutbox) == 1
    tasks.freshness_check(now=NOW + timedelta(days=182))
    assert len(mailoutbox) == 2


def test_without_a_contact_address_the_organisation_is_mailed(db, mailoutbox):
    aged(200, contact_email="", organisatie=OrganisatieFactory(email="info@senver.example"))
    tasks.freshness_check(now=NOW)
    assert mailoutbox[0].to == ["info@senver.example"]


def test_an_activity_without_any_address_is_skipped_and_not_marked(db, mailoutbox):
    activiteit = aged(200, contact_email="")
    assert tasks.freshness_check(now=NOW) == 0
    assert mailoutbox == []
    assert not activiteit.wijzigingen.exists()


def test_freshness_check_takes_ids(db, mailoutbox):
    first = aged(200, contact_email="a@example.org")
    aged(200, contact_email="b@example.org")
    tasks.freshness_check(ids=[first.pk], now=NOW.isoformat())
    assert [m.to for m in mailoutbox] == [["a@example.org"]]


def test_freshness_check_retries_after_a_mail_server_error(db):
    activiteit = aged(200, contact_email="a@example.org")
    with (
        mock.patch("django.utils.timezone.now", return_value=NOW),
        mock.patch(
            "aanbod.services.send_mail", side_effect=[smtplib.SMTPServerDisconnected("weg"), 1]
        ) as send,
    ):
        # throw=False: as on a worker, the retry is taken instead of raised (eagerly, at once).
        result = tasks.freshness_check.apply(throw=False)
    assert result.get() == 1
    assert send.call_count == 2
    assert Wijziging.objects.filter(activiteit=activiteit, field="herinnering").count() == 1


def test_a_failed_mail_is_not_recorded_so_the_next_run_tries_again(db):
    activiteit = aged(200, contact_email="a@example.org")
    with (
        mock.patch("aanbod.services.send_mail", side_effect=smtplib.SMTPException("kapot")),
        pytest.raises(smtplib.SMTPException),
    ):
        tasks.freshness_check(now=NOW)
    assert not activiteit.wijzigingen.filter(field="herinnering").exists()


def test_reindex_all_refreshes_search_text_and_next_occurrence(db):
    activiteit = ActiviteitFactory(name="Wandelgroep Crèche")
    Activiteit.objects.filter(pk=activiteit.pk).update(search_text="oud")
    assert tasks.reindex_all() >= 1
    activiteit.refresh_from_db()
    assert "wandelgroep creche" in activiteit.search_text


def test_the_mail_text_asks_for_the_werkruimte_when_something_changed(db, mailoutbox):
    activiteit = aged(200, contact_email="a@example.org")
    tasks.freshness_check(now=NOW)
    assert reverse("aanbod:werkruimte_edit", args=[activiteit.pk]) in mailoutbox[0].body
    assert "niet meer in de zoekresultaten" in mailoutbox[0].body
