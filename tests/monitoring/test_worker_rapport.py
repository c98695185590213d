"""A real Celery worker renders the evaluation PDF (WeasyPrint in the worker process) and stores
it where the web process finds it; the same task sent twice leaves the file as it was.

Real parts: the Redis server of `make test`, a worker process of the project on a queue of its
own, and the test's PostgreSQL database.
"""

import time
import uuid

import pytest
from celery import Celery
from django.db import connection

from monitoring.constants import RapportStatus
from monitoring.services_evaluatie import rapport_request
from tests.monitoring.evaluatie_support import make_evaluatie
from tests.processes import portal_env, start_worker, stop

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def wait_until_done(rapport, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        rapport.refresh_from_db()
        if not rapport.is_active:
            return rapport
        time.sleep(0.2)
    return rapport


def test_a_worker_renders_and_stores_the_pdf_once(redis_url, media_root, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs a database it can share: PostgreSQL")
    rapport = rapport_request(evaluatie=make_evaluatie("2025-H1"), queue=False)
    queue = f"monitoring-pdf-{uuid.uuid4().hex[:8]}"
    env = portal_env(
        CELERY_BROKER_URL=redis_url, CELERY_RESULT_BACKEND=redis_url, MEDIA_ROOT=str(media_root)
    )
    worker = start_worker(env, tmp_path / "worker.log", name="rapport", queue=queue)
    try:
        app = Celery(broker=redis_url, set_as_current=False)
        app.send_task("monitoring.tasks.render_rapport", args=[rapport.pk], queue=queue)
        rapport = wait_until_done(rapport)
        first = (rapport.sha256, rapport.finished_at)
        app.send_task("monitoring.tasks.render_rapport", args=[rapport.pk], queue=queue)
        time.sleep(3)
        rapport.refresh_from_db()
    finally:
        stop(worker)
    assert rapport.status == RapportStatus.KLAAR, (tmp_path / "worker.log").read_text()[-3000:]
    assert (rapport.sha256, rapport.finished_at) == first
    with rapport.file.open("rb") as stream:
        assert stream.read(5) == b"%PDF-"
