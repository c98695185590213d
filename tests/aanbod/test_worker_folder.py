"""A real Celery worker makes the wijk folder while the request waits for it.

Real parts: the Redis server of `make test` as broker and as the cache both processes share, a
worker process of the project on a queue of its own (WeasyPrint runs there), and this test's
web request. The web process is not allowed to render: it must get the worker's PDF.
"""

import time
import uuid
from datetime import time as clock
from unittest.mock import patch

import pytest
from django.core.cache import cache
from django.urls import reverse

from aanbod import folder, tasks
from tests.aanbod.factories import ActiviteitFactory, RoosterFactory
from tests.processes import client as celery_client
from tests.processes import portal_env, start_worker, stop, wait_for
from wijken.models import Wijk

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def redis_cache(settings, redis_url):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "hilversum_eenzaamheid.cache.RedisCache",
            "LOCATION": redis_url,
        },
    }
    cache.clear()
    yield
    cache.clear()


def test_the_request_gets_the_folder_a_real_worker_made(client, redis_url, redis_cache, tmp_path):
    wijk = Wijk.objects.get(slug="centrum")
    koffie = ActiviteitFactory(name="Koffie-uurtje in de werker")
    koffie.wijken.add(wijk)
    RoosterFactory(activiteit=koffie, start_time=clock(10, 0), end_time=clock(11, 30))
    queue = f"aanbod-folder-{uuid.uuid4().hex[:8]}"
    env = portal_env(REDIS_URL=redis_url, CELERY_BROKER_URL=redis_url)
    log = tmp_path / "worker.log"
    worker = start_worker(env, log, name="folder", queue=queue)
    sender = celery_client(redis_url)

    def to_the_worker(html):
        sender.send_task(tasks.render_folder.name, args=[html], queue=queue)

    try:
        wait_for(lambda: "ready" in log.read_text(), "the worker to start")
        refuse = AssertionError("the web process rendered the folder itself")
        with (
            patch.object(tasks.render_folder, "delay", side_effect=to_the_worker),
            patch.object(folder, "render_pdf", side_effect=refuse),
        ):
            started = time.monotonic()
            response = client.get(reverse("aanbod:folder", args=["centrum"]))
            waited = time.monotonic() - started
    finally:
        stop(worker)
    assert response.status_code == 200, log.read_text()[-3000:]
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-1.7")
    assert waited < folder.WAIT_SECONDS
    assert "aanbod.tasks.render_folder" in log.read_text()
