"""The wijk folder is rendered by a Celery task with a time limit, not in the web request."""

import threading
from datetime import time
from unittest.mock import patch

import pytest
from celery.signals import task_prerun
from django.conf import settings as django_settings
from django.core.cache import cache
from django.urls import reverse
from kombu.exceptions import OperationalError

from aanbod import folder, tasks
from aanbod.folder import folder_html, folder_key
from tests.aanbod.factories import ActiviteitFactory, RoosterFactory
from tests.aanbod.test_folder import CountingRenderer
from wijken.models import Wijk

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


@pytest.fixture
def centrum():
    wijk = Wijk.objects.get(slug="centrum")
    koffie = ActiviteitFactory(name="Koffie-uurtje")
    koffie.wijken.add(wijk)
    RoosterFactory(activiteit=koffie, start_time=time(10, 0), end_time=time(11, 30))
    return wijk


@pytest.fixture
def renderer():
    counting = CountingRenderer()
    with patch.object(folder, "render_pdf", counting):
        yield counting


@pytest.fixture
def tasks_run():
    """The names of the Celery tasks that ran (eagerly, as in tests and `make run`)."""
    names = []

    def record(sender=None, **kwargs):
        names.append(sender.name)

    task_prerun.connect(record, weak=False)
    yield names
    task_prerun.disconnect(record)


def url(wijk="centrum"):
    return reverse("aanbod:folder", args=[wijk])


def busy(wijk):
    """Another request has queued the folder of `wijk` (in Dutch); a worker is on it."""
    key = folder_key(folder_html(wijk))
    cache.add(f"{key}:busy", 1, 60)
    return key


def test_render_task_has_a_time_limit():
    assert tasks.render_folder.soft_time_limit == 90
    assert tasks.render_folder.time_limit == 120


def test_folder_is_rendered_by_the_task_and_then_served_from_the_cache(
    client, centrum, renderer, tasks_run
):
    first = client.get(url())
    second = client.get(url())
    assert first["Content-Type"] == "application/pdf"
    assert first.content == second.content == b"%PDF-1.7 fake 1"
    assert tasks_run == ["aanbod.tasks.render_folder"]
    assert renderer.calls == 1


def test_request_waits_for_the_folder_a_worker_is_making(client, centrum, renderer, tasks_run):
    key = busy(centrum)
    worker = threading.Timer(0.5, lambda: cache.set(key, b"%PDF-1.7 from the worker"))
    worker.start()
    try:
        response = client.get(url())
    finally:
        worker.join()
    assert response["Content-Type"] == "application/pdf"
    assert response.content == b"%PDF-1.7 from the worker"
    assert tasks_run == []  # not queued a second time
    assert renderer.calls == 0


def test_after_waiting_too_long_the_visitor_gets_a_page_that_says_so(
    client, centrum, renderer, monkeypatch
):
    monkeypatch.setattr(folder, "WAIT_SECONDS", 0.3)
    busy(centrum)
    response = client.get(url())
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "<h1>De folder van Centrum wordt gemaakt</h1>" in page
    assert f'href="{url()}">Probeer het over een minuut opnieuw</a>' in page
    assert 'href="/aanbod/?wijk=centrum">Bekijk het aanbod in Centrum op de website</a>' in page
    assert renderer.calls == 0  # the web process leaves the work to the worker


def test_with_the_broker_down_the_folder_is_rendered_in_the_request(client, centrum, renderer):
    with patch.object(tasks.render_folder, "delay", side_effect=OperationalError("redis")):
        response = client.get(url())
    assert response.content == b"%PDF-1.7 fake 1"
    # No mark is left behind that would make the next visitor wait for a task that never runs.
    assert cache.get(f"{folder_key(folder_html(centrum))}:busy") is None
    assert client.get(url()).content == b"%PDF-1.7 fake 1"  # and it was kept
    assert renderer.calls == 1


def test_nightly_task_makes_every_wijk_folder_in_every_language_once(client, centrum, renderer):
    wijken, languages = Wijk.objects.count(), len(django_settings.LANGUAGES)
    assert tasks.render_folders() == wijken * languages == 18
    assert tasks.render_folders() == 0
    client.get(url())
    client.get("/en" + url())
    assert renderer.calls == 18  # the visitors' folders were ready


def test_nightly_task_runs_after_the_nightly_reindex():
    schedule = django_settings.CELERY_BEAT_SCHEDULE
    folders = schedule["aanbod-folders"]["schedule"]
    reindex = schedule["aanbod-reindex"]["schedule"]
    assert schedule["aanbod-folders"]["task"] == tasks.render_folders.name
    assert (folders.hour, folders.minute) == ({0}, {20})
    assert (reindex.hour, reindex.minute) == ({0}, {5})


def test_folder_links_use_the_portal_address_not_the_visitors_host(client, centrum, settings):
    settings.SITE_URL = "https://eenzaamheid.hilversum.nl"
    settings.ALLOWED_HOSTS = ["*"]
    html = folder_html(centrum)
    assert "https://eenzaamheid.hilversum.nl/meldpunt/" in html
    with patch.object(folder, "render_pdf", side_effect=lambda html: html.encode()):
        served = client.get(url(), HTTP_HOST="elders.example").content.decode()
    assert "elders.example" not in served
    assert "https://eenzaamheid.hilversum.nl/meldpunt/" in served
