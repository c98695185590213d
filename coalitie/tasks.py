"""Thin Celery task of the coalition: the e-mail about a join request."""

import logging
import smtplib

from celery import shared_task
from django.conf import settings

from . import notifications

logger = logging.getLogger(__name__)

MAX_RETRIES = 5


@shared_task(name="coalitie.tasks.aanmelding_mail", bind=True, max_retries=MAX_RETRIES)
def aanmelding_mail(self, aanmelding_id: int) -> str:
    """Send the kartrekker the e-mail about one join request; a second run sends nothing.

    On a mail-server error the task retries with growing pauses. Run eagerly (no broker) it
    gives up at once instead of making the visitor wait: the request is safe in the
    database and listed in the werkruimte either way.
    """
    try:
        return notifications.aanmelding_notify(aanmelding_id=aanmelding_id)
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Aanmelding %s niet gemaild: %s", aanmelding_id, type(error).__name__)
        if self.request.is_eager or self.request.retries >= MAX_RETRIES:
            return "failed"
        raise self.retry(exc=error, countdown=60 * 2**self.request.retries) from error


@shared_task(name="coalitie.tasks.send_unsent_aanmeldingen", ignore_result=True)
def send_unsent_aanmeldingen() -> int:
    """Periodic: mail what could not be mailed at the time; return how many went.

    Stops at the first mail-server error: the next run tries again.
    """
    if not settings.KARTREKKER_EMAIL:
        return 0
    sent = 0
    for pk in notifications.aanmeldingen_unsent():
        try:
            result = notifications.aanmelding_notify(aanmelding_id=pk)
        except (smtplib.SMTPException, OSError) as error:
            logger.warning("Achtergebleven aanmeldingen niet gemaild: %s", type(error).__name__)
            break
        sent += result == notifications.SENT
    return sent


def enqueue_aanmelding_mail(aanmelding_id: int) -> None:
    """Queue the e-mail after commit. Never raises: a broker that is down must not turn a
    stored join request into an error page."""
    try:
        aanmelding_mail.delay(aanmelding_id)
    except Exception:  # any broker trouble; the werkruimte lists the request anyway
        logger.warning(
            "Kon de mail over aanmelding %s niet inplannen", aanmelding_id, exc_info=True
        )
