"""Sending the meldpunt's e-mails from the outbox (see notifications.py for the guarantees)."""

import logging
import time
from datetime import datetime

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from . import notifications

logger = logging.getLogger(__name__)

# After the broker failed once, requests skip enqueueing for this long: the periodic task sends
# what is waiting, and residents don't each wait for a connection timeout. Per process only.
BROKER_PAUSE_SECONDS = 30
_broker_down_until = 0.0


@shared_task(name="meldpunt.tasks.send_notification", bind=True, max_retries=3, ignore_result=True)
def send_notification(self, notification_id: int) -> str:
    """Send one outbox row; a second run, or a row another worker holds, sends nothing.

    On a mail-server error the row records the attempt, and the task retries with growing
    pauses; what it gives up on, the periodic task picks up later.
    """
    result = notifications.uitbericht_send(uitbericht_id=notification_id)
    # Eager runs (no broker) must not loop inside the request; the periodic task retries.
    if result == notifications.FAILED and not self.request.is_eager:
        countdown = notifications.backoff(self.request.retries + 1).total_seconds()
        if self.request.retries < self.max_retries:
            raise self.retry(countdown=countdown)
    return result


@shared_task(name="meldpunt.tasks.send_pending_notifications", ignore_result=True)
def send_pending_notifications(now=None) -> int:
    """Periodic: send every unsent outbox row whose next attempt is due; return how many went.

    Catches what was never queued (broker down at the time) and what failed before.
    """
    moment = datetime.fromisoformat(now) if isinstance(now, str) else (now or timezone.now())
    sent = 0
    for pk in notifications.uitberichten_due(now=moment):
        if notifications.uitbericht_send(uitbericht_id=pk, now=moment) == notifications.SENT:
            sent += 1
    if sent:
        logger.info("Meldpunt: %s achtergebleven berichten verstuurd", sent)
    return sent


def enqueue_notifications(ids: list[int]) -> None:
    """Queue the sending of these outbox rows; never raises, never waits long on a dead broker.

    Called after commit. The rows are safe in the database whatever happens here.
    """
    global _broker_down_until
    if not ids:
        return
    if time.monotonic() < _broker_down_until:
        logger.info("Broker recent onbereikbaar; %s bericht(en) wachten op de periodieke taak", ids)
        return
    for pk in ids:
        try:
            # declare=[]: the worker declares its queue; on Redis the message goes straight
            # into the queue's list, and declaring it again per message only costs time.
            send_notification.apply_async((pk,), declare=[])
        except Exception:  # any broker trouble: the periodic task sends the rest
            logger.warning("Kon bericht %s niet in de wachtrij zetten", pk, exc_info=True)
            if not settings.CELERY_TASK_ALWAYS_EAGER:
                _broker_down_until = time.monotonic() + BROKER_PAUSE_SECONDS
            return


def _moment(now) -> datetime:
    # Beat and `.delay()` pass JSON: a datetime arrives as an ISO string.
    return datetime.fromisoformat(now) if isinstance(now, str) else (now or timezone.now())


@shared_task(name="meldpunt.tasks.deadline_reminders", ignore_result=True)
def deadline_reminders(now=None) -> dict:
    """Daily: remind teams of overdue first contacts, escalate to the coördinator at twice the
    deadline. Each is sent once per melding, however often this runs.
    """
    from .deadlines import overdue_remind  # deadlines imports this module

    report = overdue_remind(now=_moment(now))
    if report.reminded or report.escalated:
        logger.info(
            "Meldpunt: %s herinnering(en), %s keer doorgezet", report.reminded, report.escalated
        )
    return vars(report)


@shared_task(name="meldpunt.tasks.anonymise", ignore_result=True)
def anonymise(now=None, dry_run: bool = False) -> dict:
    """Daily: remove personal data of closed meldingen past their retention periods.

    Running it twice does no harm; a dry run only counts.
    """
    from .retention import retention_apply

    report = retention_apply(now=_moment(now), dry_run=dry_run)
    return {"contact_erased": report.contact_erased, "anonymised": report.anonymised}
