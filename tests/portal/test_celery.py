import pytest
from celery import Celery
from django.conf import settings

from hilversum_eenzaamheid.celery import app
from hilversum_eenzaamheid.tasks import ping


@pytest.mark.integration
def test_task_travels_through_redis_to_a_worker_and_its_result_comes_back(
    celery_worker_process, redis_url
):
    # A separate client, so the test process's own eager configuration plays no part.
    client = Celery(
        "hilversum-test-client", broker=redis_url, backend=redis_url, set_as_current=False
    )
    result = client.send_task("hilversum_eenzaamheid.tasks.ping")
    assert result.get(timeout=60) == "pong"
    assert result.status == "SUCCESS"
    assert celery_worker_process.poll() is None, "the worker process must still be running"


@pytest.mark.sqlite
def test_without_a_broker_tasks_run_in_process():
    assert settings.CELERY_TASK_ALWAYS_EAGER is True
    assert ping.delay().get(timeout=1) == "pong"


@pytest.mark.sqlite
def test_tasks_of_the_project_are_registered_and_the_beat_schedule_names_real_tasks():
    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks, entry["task"]


@pytest.mark.sqlite
def test_clear_expired_sessions_deletes_only_expired_sessions(db):
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from hilversum_eenzaamheid.tasks import clear_expired_sessions

    now = timezone.now()
    Session.objects.create(session_key="a" * 32, session_data="", expire_date=now - timedelta(1))
    Session.objects.create(session_key="b" * 32, session_data="", expire_date=now + timedelta(1))
    clear_expired_sessions.delay()
    assert list(Session.objects.values_list("session_key", flat=True)) == ["b" * 32]
