"""Periodic work of the sociale kaart (the beat schedule in settings names these tasks)."""

import logging
import smtplib
from datetime import datetime

from celery import shared_task
from django.utils import timezone

from . import selectors, services
from .indexing import activiteit_reindex, passed_reindex

logger = logging.getLogger(__name__)


def _moment(now) -> datetime:
    # Beat passes nothing; tests and reruns may pass a moment (a datetime, or ISO text via JSON).
    if now is None:
        return timezone.now()
    moment = datetime.fromisoformat(now) if isinstance(now, str) else now
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


@shared_task(
    name="aanbod.tasks.freshness_check",
    autoretry_for=(smtplib.SMTPException, ConnectionError, TimeoutError),
    retry_backoff=60,
    retry_backoff_max=3600,
    max_retries=6,
)
def freshness_check(ids=None, now=None) -> int:
    """Send the "klopt nog" reminder for activities unconfirmed for 180 days; return how many.

    Idempotent: each reminder is recorded as it goes out, and an activity reminded in this
    freshness cycle is not selected again, so a rerun or a retry after a mail server error
    sends no second mail. The 210-day list and the 365-day cut-off need no task: they are
    computed from assured_at when read.
    """
    moment = _moment(now)
    sent = 0
    for activiteit in selectors.activiteiten_due_for_reminder(now=moment, ids=ids):
        if services.herinnering_send(activiteit=activiteit, now=moment):
            sent += 1
    logger.info("Klopt-nog-herinneringen verstuurd: %s", sent)
    return sent


@shared_task(name="aanbod.tasks.reindex_all")
def reindex_all(ids=None) -> int:
    """Recompute search text and next occurrence of all activities (or these ids) nightly,
    so "volgende keer" moves on with the calendar."""
    return activiteit_reindex(ids=ids)


@shared_task(name="aanbod.tasks.reindex_passed", ignore_result=True)
def reindex_passed(now=None) -> int:
    """Every 10 minutes: move "volgende keer" on for activities whose next time has passed."""
    return passed_reindex(now=_moment(now))


# A folder of a thousand activities takes about 20 seconds; the limits keep a runaway render
# from holding a worker.
@shared_task(
    name="aanbod.tasks.render_folder",
    ignore_result=True,
    soft_time_limit=90,
    time_limit=120,
)
def render_folder(html: str) -> None:
    """Render one wijk folder (its HTML, made by the request) into the cache."""
    from .folder import folder_store

    folder_store(html)


@shared_task(name="aanbod.tasks.render_folders", ignore_result=True, time_limit=30 * 60)
def render_folders(now=None) -> int:
    """Nightly, after reindex_all: have every wijk's folder ready, so nobody waits for one."""
    from .folder import folders_render

    made = folders_render(now=_moment(now))
    logger.info("Wijkfolders gemaakt: %s", made)
    return made
