"""Background work of the monitoring app: running GGD imports."""

import logging

from celery import shared_task
from django.db import OperationalError

logger = logging.getLogger(__name__)


def _redelivered(task) -> bool:
    """Whether the task was handed out again because the process running it died (acks_late
    with reject_on_worker_lost, or Redis's visibility timeout). The BEZIG it finds is then the
    dead run's; leaving it to the periodic sweep would take 15 to 40 minutes."""
    return bool((task.request.delivery_info or {}).get("redelivered"))


def _retry_in_a_worker(task, error) -> None:
    """Retry later on database trouble. Only in a worker: in-process runs (eager, or called
    directly) must not wait and retry inside a request."""
    in_worker = not (task.request.is_eager or task.request.called_directly)
    if in_worker and task.request.retries < task.max_retries:
        raise task.retry(exc=error, countdown=30 * (task.request.retries + 1)) from error


# A national file takes under a minute; the limits leave room for slow disks and databases
# and stay below services.STALE_AFTER.
@shared_task(
    name="monitoring.tasks.run_import",
    bind=True,
    max_retries=3,
    ignore_result=True,
    time_limit=30 * 60,
    soft_time_limit=29 * 60,
)
def run_import(self, batch_id: int) -> str | None:
    """Import the stored file of one batch; a batch that has finished is left alone.

    Retries on database trouble; after the last try the batch is marked as failed.
    """
    from . import services

    try:
        batch = services.import_batch_run(batch_id=batch_id, take_over=_redelivered(self))
    except OperationalError as error:
        _retry_in_a_worker(self, error)
        try:
            batch = services.import_batch_fail_by_id(batch_id=batch_id)
        except OperationalError:
            logger.exception("GGD-import %s: database onbereikbaar", batch_id)
            return None
    return batch.status if batch else None


@shared_task(name="monitoring.tasks.run_waiting_imports", ignore_result=True)
def run_waiting_imports() -> int:
    """Periodic: queue the batches nobody works on (never queued, or their worker died)."""
    from . import services

    ids = services.import_batches_waiting()
    for pk in ids:
        enqueue_import(pk)
    return len(ids)


def enqueue_import(batch_id: int) -> None:
    """Queue the import of a batch; never raises. Called after commit.

    With eager Celery (no broker, the local default) the import runs right here, inside the
    request that uploaded the file.
    """
    try:
        run_import.delay(batch_id)
    except Exception:  # broker trouble: run_waiting_imports picks the batch up later
        logger.warning("Kon GGD-import %s niet in de wachtrij zetten", batch_id, exc_info=True)


@shared_task(
    name="monitoring.tasks.render_rapport",
    bind=True,
    max_retries=3,
    ignore_result=True,
    time_limit=10 * 60,
    soft_time_limit=9 * 60,
)
def render_rapport(self, rapport_id: int) -> str | None:
    """Render and store one PDF version of an evaluation; a finished version is left alone.

    Retries on database trouble; after the last try the version is marked as failed.
    """
    from . import rapport

    try:
        result = rapport.rapport_render(rapport_id=rapport_id, take_over=_redelivered(self))
    except OperationalError as error:
        _retry_in_a_worker(self, error)
        logger.exception("Evaluatierapport %s: database onbereikbaar", rapport_id)
        return None
    return result.status if result else None


@shared_task(name="monitoring.tasks.run_waiting_rapporten", ignore_result=True)
def run_waiting_rapporten() -> int:
    """Periodic: queue the PDF versions nobody works on (never queued, or worker died)."""
    from . import rapport

    ids = rapport.rapporten_waiting()
    for pk in ids:
        enqueue_rapport(pk)
    return len(ids)


def enqueue_rapport(rapport_id: int) -> None:
    """Queue the rendering of a PDF version; never raises. Called after commit.

    With eager Celery (no broker, the local default) the PDF is made right here, inside the
    request that asked for it.
    """
    try:
        render_rapport.delay(rapport_id)
    except Exception:  # broker trouble: run_waiting_rapporten picks it up later
        logger.warning(
            "Kon evaluatierapport %s niet in de wachtrij zetten", rapport_id, exc_info=True
        )
