"""The import task: id in, re-fetch, idempotent; waiting batches are picked up later."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.db import OperationalError
from django.utils import timezone

from monitoring import tasks
from monitoring.constants import ImportStatus
from monitoring.models import ImportBatch, Observatie
from tests.monitoring.conftest import CSV_BOM

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


def stored_batch(*, status=ImportStatus.WACHTEND, created_at=None, data=None) -> ImportBatch:
    batch = ImportBatch(
        file_name="50150NED.csv",
        source="Testbron",
        status=status,
        created_at=created_at or timezone.now(),
    )
    batch.file.save("ggd-test.csv", ContentFile(data or CSV_BOM.read_bytes()), save=True)
    return batch


def test_the_task_imports_the_stored_file():
    batch = stored_batch()
    assert tasks.run_import.delay(batch.pk).get() == ImportStatus.KLAAR_MET_FOUTEN
    batch.refresh_from_db()
    assert batch.rows_read == 15 and batch.started_at is not None
    assert Observatie.objects.filter(batch=batch).count() == batch.observations_created


def test_running_the_task_twice_does_nothing_the_second_time():
    batch = stored_batch()
    tasks.run_import(batch.pk)
    batch.refresh_from_db()
    finished_at = batch.finished_at
    with mock.patch("monitoring.services.ggd_import") as ggd_import:
        assert tasks.run_import(batch.pk) == ImportStatus.KLAAR_MET_FOUTEN
    ggd_import.assert_not_called()
    batch.refresh_from_db()
    assert batch.finished_at == finished_at


def test_a_batch_left_running_by_a_dead_worker_is_run_again_without_doubling_figures():
    batch = stored_batch()
    tasks.run_import(batch.pk)
    count = Observatie.objects.count()
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportStatus.BEZIG, started_at=timezone.now() - timedelta(hours=2)
    )
    tasks.run_import(batch.pk)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.KLAAR_MET_FOUTEN
    assert Observatie.objects.count() == count
    assert batch.observations_created == 0


def test_a_batch_another_worker_just_started_is_left_to_it():
    batch = stored_batch(status=ImportStatus.BEZIG)
    ImportBatch.objects.filter(pk=batch.pk).update(started_at=timezone.now())
    with mock.patch("monitoring.services.ggd_import") as ggd_import:
        assert tasks.run_import(batch.pk) == ImportStatus.BEZIG
    ggd_import.assert_not_called()


def test_a_redelivered_task_takes_over_the_dead_runs_batch_at_once():
    """Handed out again after its process died, the task must not wait for the sweep: the
    BEZIG it finds is the dead run's (tests/faults/test_import_worker_killed.py, for real)."""
    batch = stored_batch(status=ImportStatus.BEZIG)
    ImportBatch.objects.filter(pk=batch.pk).update(started_at=timezone.now())
    tasks.run_import.push_request(delivery_info={"redelivered": True})
    try:
        redelivered = tasks.run_import.run(batch.pk)
    finally:
        tasks.run_import.pop_request()
    assert redelivered == ImportStatus.KLAAR_MET_FOUTEN


def test_an_unknown_batch_id_is_ignored():
    assert tasks.run_import(123456) is None


def test_a_missing_file_fails_the_batch_with_a_message():
    batch = stored_batch()
    batch.file.storage.delete(batch.file.name)
    assert tasks.run_import(batch.pk) == ImportStatus.MISLUKT
    batch.refresh_from_db()
    assert "niet meer gevonden" in batch.message


def test_database_trouble_fails_the_batch_after_the_last_try():
    batch = stored_batch()
    with mock.patch("monitoring.services.ggd_import", side_effect=OperationalError("weg")):
        assert tasks.run_import.delay(batch.pk).get() == ImportStatus.MISLUKT
    batch.refresh_from_db()
    assert "database" in batch.message


def test_an_unexpected_error_does_not_leave_the_batch_running_forever():
    batch = stored_batch()
    with mock.patch("monitoring.services.ggd_import", side_effect=KeyError("bug")):
        assert tasks.run_import(batch.pk) == ImportStatus.MISLUKT
    batch.refresh_from_db()
    assert batch.finished_at is not None


def test_enqueueing_never_raises_when_the_broker_is_down():
    batch = stored_batch()
    with mock.patch.object(tasks.run_import, "delay", side_effect=OSError("broker weg")):
        tasks.enqueue_import(batch.pk)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.WACHTEND


def test_the_periodic_task_queues_batches_nobody_works_on():
    now = timezone.now()
    old = stored_batch(created_at=now - timedelta(minutes=10))
    fresh = stored_batch(created_at=now)
    dead = stored_batch(status=ImportStatus.BEZIG, created_at=now - timedelta(hours=3))
    ImportBatch.objects.filter(pk=dead.pk).update(started_at=now - timedelta(hours=2))
    busy = stored_batch(status=ImportStatus.BEZIG, created_at=now - timedelta(minutes=5))
    ImportBatch.objects.filter(pk=busy.pk).update(started_at=now - timedelta(minutes=4))
    assert tasks.run_waiting_imports() == 2  # eager Celery: they run right away
    statuses = dict(ImportBatch.objects.values_list("pk", "status"))
    assert statuses == {
        old.pk: ImportStatus.KLAAR_MET_FOUTEN,
        fresh.pk: ImportStatus.WACHTEND,
        dead.pk: ImportStatus.KLAAR_MET_FOUTEN,
        busy.pk: ImportStatus.BEZIG,
    }
