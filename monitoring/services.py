"""Writes of the monitoring app: starting and running GGD imports."""

import logging
import secrets
from datetime import timedelta
from functools import partial
from pathlib import PurePath
from typing import BinaryIO

from django.db import OperationalError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import DEFAULT_SOURCE, FINISHED_STATUSES, ImportStatus
from .importer import GgdImporter
from .models import ImportBatch

logger = logging.getLogger(__name__)

_KEEP_EXTENSIONS = (".csv", ".json", ".txt")
# Longer than the import task's time limit: a batch BEZIG for longer has lost its worker.
STALE_AFTER = timedelta(minutes=40)
# A queued batch normally starts within seconds; after this the periodic task queues it again.
WAITING_AFTER = timedelta(minutes=2)


def ggd_import(*, batch: ImportBatch, stream: BinaryIO, now=None) -> ImportBatch:
    """Import a StatLine file (CSV or OData JSON) into the observations of this batch's run.

    Streams the file; bad rows are counted and reported with their line numbers, good rows
    are kept. Each batch of rows is written in its own transaction, so the status page sees
    progress and a failure halfway keeps what was already right. Returns the finished batch.
    """
    now = now or timezone.now()
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.BEZIG, started_at=now)
    batch.status, batch.started_at = ImportStatus.BEZIG, now
    return GgdImporter(batch).run(stream)


def import_batch_start_cli(*, file_name: str, source: str = "", now=None) -> ImportBatch:
    """A batch for an import from the command line: the file stays where it is."""
    return ImportBatch.objects.create(
        file_name=file_name[:255],
        source=source or DEFAULT_SOURCE,
        created_at=now or timezone.now(),
    )


def _storage_name(original: str, now) -> str:
    # The original name is kept in file_name; on disk a name that cannot clash or mislead.
    suffix = PurePath(original).suffix.lower()
    suffix = suffix if suffix in _KEEP_EXTENSIONS else ""
    return f"ggd-{now:%Y%m%d-%H%M%S}-{secrets.token_hex(4)}{suffix}"


@transaction.atomic
def import_batch_create(*, upload, source: str = "", user=None, now=None) -> ImportBatch:
    """Store an uploaded file and queue its import; the batch starts as WACHTEND.

    The file goes through Django's storage (shared storage in a multi-machine setup). The task
    is queued after commit; when the broker is down the batch waits for the periodic task.
    """
    from .tasks import enqueue_import  # tasks imports this module

    now = now or timezone.now()
    batch = ImportBatch(
        file_name=PurePath(upload.name).name[:255],
        source=source or DEFAULT_SOURCE,
        created_by=user,
        created_at=now,
    )
    batch.file.save(_storage_name(upload.name, now), upload, save=False)
    batch.full_clean()
    batch.save()
    transaction.on_commit(partial(enqueue_import, batch.pk), robust=True)
    return batch


def import_batch_run(*, batch_id: int, now=None, take_over: bool = False) -> ImportBatch | None:
    """Run the import of a stored batch, unless it has already finished (tasks may run twice).

    A batch that another worker started less than STALE_AFTER ago is left to it, unless
    `take_over` (the task was handed out again because the process running it died). One left
    BEZIG longer (its worker died) is run again from the start: the import is idempotent, so
    rows written before are found unchanged. Database trouble (OperationalError) is raised
    for the task to retry.
    """
    now = now or timezone.now()
    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is None or batch.status in FINISHED_STATUSES:
        return batch
    if not take_over and _running_elsewhere(batch, now):
        return batch
    if not batch.file:
        return import_batch_fail(batch=batch, message=_("Er is geen bestand bij deze opdracht."))
    try:
        with batch.file.open("rb") as stream:
            return ggd_import(batch=batch, stream=stream, now=now)
    except FileNotFoundError:
        return import_batch_fail(batch=batch, message=_("Het bestand is niet meer gevonden."))
    except OperationalError:
        raise
    except Exception:  # a bug must not leave the page saying "bezig" forever
        logger.exception("GGD-import %s is mislukt", batch_id)
        return import_batch_fail(
            batch=batch,
            message=_("Er ging iets onverwachts mis. Probeer het later opnieuw of meld het."),
        )


def _running_elsewhere(batch: ImportBatch, now) -> bool:
    return (
        batch.status == ImportStatus.BEZIG
        and batch.started_at is not None
        and batch.started_at > now - STALE_AFTER
    )


def import_batch_fail(*, batch: ImportBatch, message: str, now=None) -> ImportBatch:
    """Mark a batch as failed with a message for the status page."""
    batch.status = ImportStatus.MISLUKT
    batch.message = message
    batch.finished_at = now or timezone.now()
    batch.save(update_fields=["status", "message", "finished_at"])
    return batch


def import_batches_waiting(*, now=None) -> list[int]:
    """Ids of batches nobody is working on: waiting for a while (never queued, or the queue
    lost them), or BEZIG for longer than STALE_AFTER (their worker died)."""
    now = now or timezone.now()
    waiting = Q(status=ImportStatus.WACHTEND, created_at__lt=now - WAITING_AFTER)
    stale = Q(status=ImportStatus.BEZIG, started_at__lt=now - STALE_AFTER)
    return list(
        ImportBatch.objects.filter(waiting | stale)
        .order_by("created_at")
        .values_list("pk", flat=True)
    )


def import_batch_fail_by_id(*, batch_id: int) -> ImportBatch | None:
    """Mark a batch as failed after the database kept failing during its import."""
    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is None:
        return None
    return import_batch_fail(
        batch=batch,
        message=_("De database was niet bereikbaar tijdens het inlezen. Probeer het opnieuw."),
    )
