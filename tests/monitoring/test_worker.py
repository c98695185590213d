"""A real Celery worker imports an uploaded file, and the progress shows from another process.

Real parts: the Redis server of `make test`, a worker process of the project on a queue of its
own (other tests' workers must not take this task), and the test's PostgreSQL database.
"""

import time
import uuid

import pytest
from celery import Celery
from django.core.files.base import ContentFile
from django.db import connection

from monitoring.constants import ImportStatus
from monitoring.models import ImportBatch, Observatie
from tests.monitoring.test_import_large import national_file
from tests.processes import portal_env, start_worker, stop

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

# Test-only: every update of an import batch, with its transaction, in a table of its own.
_LOG_UPDATES = [
    "CREATE TABLE test_batch_updates (rows_read integer, status text, tx bigint)",
    "CREATE FUNCTION test_batch_updates() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " INSERT INTO test_batch_updates VALUES (NEW.rows_read, NEW.status, txid_current());"
    " RETURN NEW; END $$",
    "CREATE TRIGGER test_batch_updates AFTER UPDATE ON monitoring_importbatch"
    " FOR EACH ROW EXECUTE FUNCTION test_batch_updates()",
]
_STOP_LOGGING = [
    "DROP TRIGGER IF EXISTS test_batch_updates ON monitoring_importbatch",
    "DROP FUNCTION IF EXISTS test_batch_updates()",
    "DROP TABLE IF EXISTS test_batch_updates",
]


def _log_batch_updates() -> None:
    with connection.cursor() as cursor:
        for sql in [*_STOP_LOGGING, *_LOG_UPDATES]:  # a left-over of a killed run goes first
            cursor.execute(sql)


def _logged_batch_updates() -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT rows_read, status, tx FROM test_batch_updates")
        return cursor.fetchall()


def _stop_logging_batch_updates() -> None:
    with connection.cursor() as cursor:
        for sql in _STOP_LOGGING:
            cursor.execute(sql)


def test_a_worker_imports_a_stored_file_and_reports_progress_on_the_way(
    redis_url, media_root, tmp_path
):
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs a database it can share: PostgreSQL")
    path = tmp_path / "nationaal.csv"
    national_file(path)
    batch = ImportBatch(file_name="nationaal.csv", source="Testbron")
    batch.file.save("ggd-worker.csv", ContentFile(path.read_bytes()), save=True)

    queue = f"monitoring-test-{uuid.uuid4().hex[:8]}"
    env = portal_env(
        CELERY_BROKER_URL=redis_url, CELERY_RESULT_BACKEND=redis_url, MEDIA_ROOT=str(media_root)
    )
    worker = start_worker(env, tmp_path / "worker.log", name="import", queue=queue)
    _log_batch_updates()
    try:
        Celery(broker=redis_url, set_as_current=False).send_task(
            "monitoring.tasks.run_import", args=[batch.pk], queue=queue
        )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            batch.refresh_from_db()
            if not batch.is_active:
                break
            time.sleep(0.2)
        progress = _logged_batch_updates()
    finally:
        stop(worker)
        _stop_logging_batch_updates()
    assert batch.status == ImportStatus.KLAAR, (tmp_path / "worker.log").read_text()[-3000:]
    assert batch.rows_read == 300_000
    # The counters moved while it ran, each step in a transaction of its own (committed, so the
    # status page in another process can show it). A trigger records them: polling could miss
    # a fast import on a busy machine.
    running = [(rows, tx) for rows, status, tx in progress if status == ImportStatus.BEZIG]
    assert any(0 < rows < 300_000 for rows, _tx in running), progress
    assert len({tx for _rows, tx in running}) > 1, progress
    assert Observatie.objects.filter(batch=batch).count() == batch.observations_created > 0
