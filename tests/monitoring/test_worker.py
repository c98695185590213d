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
    try:
        Celery(broker=redis_url).send_task(
            "monitoring.tasks.run_import", args=[batch.pk], queue=queue
        )
        seen_running = set()
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            batch.refresh_from_db()
            if batch.status == ImportStatus.BEZIG:
                seen_running.add(batch.rows_read)
            if not batch.is_active:
                break
            time.sleep(0.2)
    finally:
        stop(worker)
    assert batch.status == ImportStatus.KLAAR, (tmp_path / "worker.log").read_text()[-3000:]
    assert batch.rows_read == 300_000
    # The counters moved while it ran: the status page can show progress.
    assert any(0 < rows < 300_000 for rows in seen_running), seen_running
    assert Observatie.objects.filter(batch=batch).count() == batch.observations_created > 0
