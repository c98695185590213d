"""The mail server refuses: notifications stay in the outbox, each try is counted, the next try
follows the backoff schedule, and once the server accepts each one goes out exactly once.

Real parts: an SMTP server on a loopback port (tests/faults/smtp_server.py) that answers 451
or 550, or is not listening at all, reached through Django's SMTP backend; the public form.
The outbox's logic with a mocked send is in tests/meldpunt/test_tasks.py; this is the same
path against a server that really says no.
"""

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from meldpunt import notifications
from meldpunt.models import Uitbericht
from meldpunt.tasks import send_notification, send_pending_notifications
from tests.meldpunt.conftest import form_data
from tests.monitoring.evaluatie_support import frozen

from .smtp_server import ACCEPT, REFUSE, TEMPFAIL

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

MELDINGEN = 3
# The server's answer, and the error each outbox row records for it.
REFUSALS = {
    "451 after the message": (TEMPFAIL, "SMTPDataError: (451"),
    "550 to the recipient": (REFUSE, "SMTPRecipientsRefused:"),
    "connection refused": (None, "ConnectionRefusedError:"),
}
# Minutes after the melding at which each try is due: two minutes' grace after a failure,
# plus a pause of 1, 2, 4 … minutes (meldpunt.notifications.backoff).
SCHEDULE = [3, 3 + 2 + 2, 3 + 2 + 2 + 4 + 2]


@pytest.fixture
def smtp_mail(settings, smtp_server):
    """Django's SMTP backend, as EMAIL_URL=smtp://… gives in production, to the test's server."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_server.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    return smtp_server


def refuse(smtp_server, mode) -> None:
    if mode is None:
        smtp_server.stop()
    else:
        smtp_server.mode = mode


@pytest.mark.parametrize("refusal", REFUSALS, ids=list(REFUSALS))
def test_refused_mail_waits_in_the_outbox_and_goes_out_once_when_the_server_accepts(
    refusal,
    smtp_mail,
    client,
    postcodes,
    django_capture_on_commit_callbacks,
    django_assert_num_queries,
):
    mode, error = REFUSALS[refusal]
    refuse(smtp_mail, mode)
    start = timezone.now().replace(microsecond=0)
    # The request sends at once (eager Celery, the local default): refused, but each reporter
    # still gets the thank-you page.
    with frozen(start), django_capture_on_commit_callbacks(execute=True):
        for number in range(MELDINGEN):
            data = form_data(huisnummer=str(number + 1), reporter_email=f"m{number}@example.org")
            response = client.post("/meldpunt/", data)
            assert response.status_code == 302
            assert response["Location"].startswith("/meldpunt/bedankt/")
    rows = Uitbericht.objects.order_by("pk")
    assert len(rows) == 2 * MELDINGEN  # the team's notice and the reporter's receipt
    assert {(r.attempts, r.sent_at) for r in rows} == {(1, None)}
    assert all(r.last_error.startswith(error) for r in rows), rows[0].last_error
    assert smtp_mail.connections == (0 if mode is None else len(rows))  # really asked
    assert smtp_mail.counted() == Counter()

    for attempt, minutes in enumerate(SCHEDULE, start=2):
        due = start + timedelta(minutes=minutes)
        assert {r.next_attempt_at for r in rows.all()} == {due}
        asked = smtp_mail.connections
        # A minute early the periodic task tries nothing: one query, no mail server.
        with django_assert_num_queries(1):
            assert send_pending_notifications(now=due - timedelta(minutes=1)) == 0
        assert smtp_mail.connections == asked
        if attempt == len(SCHEDULE) + 1:
            break
        assert send_pending_notifications(now=due) == 0
        assert {(r.attempts, r.sent_at) for r in rows.all()} == {(attempt, None)}

    # The server takes mail again: at the next due time every row goes, once.
    if mode is None:
        smtp_mail.start()
    smtp_mail.mode = ACCEPT
    assert send_pending_notifications(now=due) == len(rows)
    assert send_pending_notifications(now=due + timedelta(hours=1)) == 0
    for row in rows:  # a queued task that arrives after the periodic task sent its row
        assert send_notification.delay(row.pk).get() == notifications.SKIPPED
    expected = Counter(rows.values_list("recipient", "subject"))
    assert smtp_mail.counted() == expected and max(expected.values()) == 1
    assert {(r.attempts, r.sent_at) for r in rows.all()} == {(len(SCHEDULE) + 1, due)}
