"""A Celery worker process killed with SIGKILL in the middle of a GGD import: the task is handed
out again and the new run imports at once, instead of taking the dead run's BEZIG for an import
still in progress and leaving the batch to the sweep (40 minutes or more).

Real parts: a Redis server of the test's own, a prefork worker of the project (its import waits
at a gate file, tests/faults/render_gate_worker.py, so the kill lands at a known point), and the
test's PostgreSQL database.
"""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from monitoring.constants import ImportStatus
from monitoring.models import ImportBatch, Observatie
from tests.faults.gate import killed_halfway
from tests.monitoring.conftest import csv_bytes, csv_row
from tests.processes import wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

CSV = csv_bytes(
    csv_row(0, "GM0402", "2022JJ00", "20300", "MW00000", "48,9", "13,4", "30,0", "34,9"),
    csv_row(1, "WK040205", "2022JJ00", "20300", "MW00000", "46,1", "10", "28", "33"),
)


def stored_batch() -> ImportBatch:
    batch = ImportBatch(file_name="ggd.csv", source="Testbron")
    batch.file.save("ggd-killed.csv", ContentFile(CSV), save=True)
    return batch


def test_an_import_whose_process_is_killed_runs_again_at_once_in_a_new_process(
    gate_env, redis_server, tmp_path
):
    batch = stored_batch()

    def bezig_and_recent():
        batch.refresh_from_db()
        assert batch.status == ImportStatus.BEZIG
        assert batch.started_at > timezone.now() - timedelta(minutes=1)  # not stale: "running"

    def finished():
        batch.refresh_from_db()
        return not batch.is_active

    task, log = "monitoring.tasks.run_import", tmp_path / "worker.log"
    with killed_halfway(
        gate_env, redis_server.url, log, task, [batch.pk], while_running=bezig_and_recent
    ):
        wait_for(finished, "the import to finish", seconds=60)
    assert batch.status == ImportStatus.KLAAR, (tmp_path / "worker.log").read_text()[-3000:]
    assert batch.rows_read == 2
    assert Observatie.objects.filter(batch=batch).count() == batch.observations_created
