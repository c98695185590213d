import smtplib
import threading
from datetime import timedelta
from unittest.mock import patch

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.db import connection
from django.utils import timezone

from meldpunt import notifications
from meldpunt.constants import Bekend, MelderRol
from meldpunt.models import Uitbericht
from meldpunt.services import Contact, melding_create
from meldpunt.tasks import send_notification, send_pending_notifications
from wijken.models import Wijk

NOW = timezone.make_aware(timezone.datetime(2025, 3, 12, 10, 0))


def new_melding(**overrides):
    values = {
        "about_self": False,
        "urgent": False,
        "consent": True,
        "reporter_role": MelderRol.BEWONER,
        "person_knows": Bekend.NEE,
        "signals": ["somber"],
        "postcode": "1223AB",
        "huisnummer": "1",
        "reporter": Contact(email="an@example.org"),
        "now": NOW,
    }
    values.update(overrides)
    return melding_create(**values)


@pytest.mark.sqlite
@pytest.mark.django_db
def test_sending_a_notification_twice_sends_one_mail(postcodes):
    new_melding()
    row = Uitbericht.objects.get(kind="team-nieuw")
    assert send_notification.delay(row.pk).get() == notifications.SENT
    assert send_notification.delay(row.pk).get() == notifications.SKIPPED
    assert [m.to for m in mail.outbox] == [["buurtteam-noordoost@example.org"]]
    row.refresh_from_db()
    assert row.sent_at is not None
    assert row.attempts == 1


@pytest.mark.sqlite
@pytest.mark.django_db
def test_notification_that_does_not_exist_is_skipped():
    assert send_notification.delay(999_999).get() == notifications.SKIPPED


@pytest.mark.sqlite
@pytest.mark.django_db
def test_mail_server_error_is_recorded_with_a_later_next_attempt(postcodes):
    new_melding()
    row = Uitbericht.objects.get(kind="team-nieuw")
    with patch(
        "meldpunt.notifications.EmailMessage.send",
        side_effect=smtplib.SMTPServerDisconnected("weg"),
    ):
        result = notifications.uitbericht_send(uitbericht_id=row.pk, now=NOW)
    assert result == notifications.FAILED
    row.refresh_from_db()
    assert row.attempts == 1
    assert row.last_error == "SMTPServerDisconnected: weg"
    assert row.next_attempt_at == NOW + timedelta(minutes=1) + notifications.SWEEP_GRACE
    assert row.sent_at is None


@pytest.mark.sqlite
@pytest.mark.django_db
@pytest.mark.parametrize(("retries", "retried"), [(0, True), (2, True), (3, False)])
def test_worker_retries_a_failed_send_with_growing_pauses_then_leaves_it_to_the_sweep(
    postcodes, retries, retried
):
    new_melding(reporter=None)
    (row,) = Uitbericht.objects.all()
    send_notification.push_request(is_eager=False, retries=retries)
    try:
        with (
            patch("meldpunt.notifications.EmailMessage.send", side_effect=OSError("refused")),
            patch.object(send_notification, "retry", side_effect=Retry()) as retry,
        ):
            if retried:
                with pytest.raises(Retry):
                    send_notification.run(row.pk)
                assert retry.call_args.kwargs["countdown"] == 60 * 2**retries
            else:
                assert send_notification.run(row.pk) == notifications.FAILED
                retry.assert_not_called()
    finally:
        send_notification.pop_request()


@pytest.mark.sqlite
def test_backoff_doubles_and_stops_growing_at_six_hours():
    pauses = [notifications.backoff(n) for n in range(1, 12)]
    assert pauses[:4] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert pauses[-1] == timedelta(hours=6)


@pytest.mark.sqlite
@pytest.mark.django_db
def test_periodic_task_sends_what_was_left_behind_and_only_when_due(postcodes):
    new_melding()  # no on_commit here: as if the broker had been down
    assert Uitbericht.objects.filter(sent_at__isnull=True).count() == 2
    # Fresh rows wait a little: the task queued at commit normally sends them first.
    assert send_pending_notifications(now=NOW + timedelta(seconds=30)) == 0
    assert send_pending_notifications(now=(NOW + timedelta(minutes=3)).isoformat()) == 2
    assert len(mail.outbox) == 2
    assert send_pending_notifications(now=NOW + timedelta(minutes=10)) == 0
    assert len(mail.outbox) == 2


@pytest.mark.sqlite
@pytest.mark.django_db
def test_periodic_task_gives_up_after_the_maximum_attempts(postcodes):
    new_melding(reporter=None)
    Uitbericht.objects.update(attempts=notifications.MAX_ATTEMPTS)
    assert send_pending_notifications(now=NOW + timedelta(days=1)) == 0
    assert mail.outbox == []


@pytest.mark.sqlite
@pytest.mark.django_db
def test_failed_row_is_retried_by_the_periodic_task_after_its_pause(postcodes):
    new_melding(reporter=None)
    (row,) = Uitbericht.objects.all()
    with patch("meldpunt.notifications.EmailMessage.send", side_effect=OSError("refused")):
        notifications.uitbericht_send(uitbericht_id=row.pk, now=NOW)
    assert send_pending_notifications(now=NOW + timedelta(minutes=2)) == 0
    assert send_pending_notifications(now=NOW + timedelta(minutes=4)) == 1
    row.refresh_from_db()
    assert (row.attempts, row.sent_at) == (2, NOW + timedelta(minutes=4))


@pytest.mark.django_db
def test_two_workers_at_once_send_one_mail():
    """On PostgreSQL the row lock makes the second sender skip what the first is sending.

    The workers need a committed row. A transactional test would flush the whole database
    afterwards, data migrations included (groups, wijken, teams), and break later tests; so
    the row is written and removed again by a thread of its own, outside the test's
    transaction.
    """
    if not connection.features.has_select_for_update_skip_locked:
        pytest.skip("row locks need PostgreSQL")

    def create():
        with patch("meldpunt.services.enqueue_notifications"):  # no sending at commit
            wijk = Wijk.objects.get(slug="noordoost")
            return new_melding(postcode="", reporter=None, wijk=wijk)

    melding = _in_own_thread(create)
    try:
        pk = Uitbericht.objects.filter(melding=melding).values_list("pk", flat=True)
        results, sent = _send_in_two_threads(_in_own_thread(lambda: pk.get()))
    finally:
        _in_own_thread(melding.delete)
    assert sorted(results) == [notifications.SENT, notifications.SKIPPED]
    assert len(sent) == 1


def _in_own_thread(function):
    """Run function in a thread with its own (autocommitting) database connection."""
    box = []

    def run():
        try:
            box.append(function())
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(10)
    return box[0]


def _send_in_two_threads(pk: int) -> tuple[list[str], list]:
    inside, release = threading.Event(), threading.Event()
    sent, results = [], []

    def slow_send(message, *args, **kwargs):
        inside.set()
        release.wait(5)
        sent.append(message)
        return 1

    def worker():
        try:
            results.append(notifications.uitbericht_send(uitbericht_id=pk))
        finally:
            connection.close()

    with patch("meldpunt.notifications.EmailMessage.send", autospec=True, side_effect=slow_send):
        first = threading.Thread(target=worker)
        first.start()
        assert inside.wait(5)
        second = threading.Thread(target=worker)
        second.start()
        second.join(5)  # returns at once: the row is locked, so it is skipped
        release.set()
        first.join(5)
    return results, sent
