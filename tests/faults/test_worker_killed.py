"""A Celery worker killed with SIGKILL in the middle of rendering an evaluation PDF: the render
runs again and exactly one finished version exists afterwards.

What the portal relies on: `task_acks_late` with `task_reject_on_worker_lost` (the message is
acknowledged only after the task, and handed out again when the pool process running it dies;
the new run sees `redelivered` and takes over the dead run's BEZIG), and the periodic
`run_waiting_rapporten`, which queues again a version that is BEZIG for longer than the task's
time limit (when the whole worker died, its message waits in Redis for an hour).

Real parts: a Redis server of the test's own, worker processes of the project, the test's
PostgreSQL database, WeasyPrint. The kill is deterministic: the workers run
tests/faults/render_gate_worker.py, whose render waits at a gate file.
"""

import signal
from datetime import timedelta

import pytest
from django.db.models import F
from kombu import Connection

from monitoring.constants import RapportStatus
from monitoring.models import EvaluatieRapport
from monitoring.rapport import STALE_AFTER
from monitoring.services_evaluatie import rapport_request
from tests.faults.gate import GATE_WORKER, killed_halfway, rendering_pid
from tests.monitoring.evaluatie_support import make_evaluatie
from tests.monitoring.test_worker_rapport import wait_until_done
from tests.processes import client, start_worker, stop, wait_for

pytestmark = [
    pytest.mark.integration,
    # The report's figures read the wijken of the data migrations: keep them for later tests.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def pdf_files(media_root) -> list:
    return sorted((media_root / "monitoring").rglob("*.pdf"))


def assert_one_finished_version(rapport, media_root) -> None:
    assert rapport.status == RapportStatus.KLAAR, rapport.message
    assert EvaluatieRapport.objects.filter(status=RapportStatus.KLAAR).count() == 1
    files = pdf_files(media_root)
    assert len(files) == 1, files  # no half-written or second file next to it
    assert files[0].read_bytes()[:5] == b"%PDF-"
    assert rapport.size == files[0].stat().st_size


def test_a_render_whose_process_is_killed_runs_again_at_once_in_a_new_process(
    gate_env, redis_server, media_root, tmp_path
):
    rapport = rapport_request(evaluatie=make_evaluatie("2025-H1"), queue=False)

    def bezig():
        rapport.refresh_from_db()
        assert rapport.status == RapportStatus.BEZIG

    task = "monitoring.tasks.render_rapport"
    log = tmp_path / "worker.log"
    with killed_halfway(gate_env, redis_server.url, log, task, [rapport.pk], while_running=bezig):
        rapport = wait_until_done(rapport, seconds=60)
    assert_one_finished_version(rapport, media_root)


def logged(log, text: str) -> str | None:
    """The first line of the log that holds `text`."""
    return next((line for line in log.read_text().splitlines() if text in line), None)


def restore_unacknowledged(broker: str) -> None:
    """What Redis does with a message nobody acknowledged once its visibility timeout (an hour)
    has passed: hand it out again. Done now, with a timeout of zero."""
    with Connection(broker, transport_options={"visibility_timeout": 0}) as connection:
        connection.default_channel.qos.restore_visible(num=100)


def test_a_killed_worker_leaves_its_message_and_the_sweep_renders_the_stale_version_once(
    gate_env, redis_server, media_root, tmp_path
):
    env, started, gate = gate_env
    app = client(redis_server.url)
    broker = redis_server.client()
    rapport = rapport_request(evaluatie=make_evaluatie("2025-H1"), queue=False)
    # Two workers; the one that takes the render is killed, the other carries on.
    workers = {
        name: start_worker(env, tmp_path / f"{name}.log", name=name, module=GATE_WORKER)
        for name in ("a", "b")
    }
    try:
        task = app.send_task("monitoring.tasks.render_rapport", args=[rapport.pk])
        killed = rendering_pid(started)  # solo pool: the worker process renders itself
        doomed = next(w for w in workers.values() if w.pid == killed)
        survivor_log = next(tmp_path / f"{n}.log" for n, w in workers.items() if w is not doomed)
        doomed.send_signal(signal.SIGKILL)
        doomed.wait(timeout=10)
        rapport.refresh_from_db()
        assert rapport.status == RapportStatus.BEZIG and not pdf_files(media_root)
        assert broker.hlen("unacked") == 1, "acks_late: the message is kept, not lost"

        gate.touch()  # from here on a render goes straight through
        # Right after the kill the sweep cannot tell a dead render from a slow one: it waits.
        app.send_task("monitoring.tasks.run_waiting_rapporten")
        assert app.send_task("hilversum_eenzaamheid.tasks.ping").get(timeout=60) == "pong"
        rapport.refresh_from_db()
        assert rapport.status == RapportStatus.BEZIG and not pdf_files(media_root)

        # A quarter of an hour on, longer than the task's time limit: its worker is gone.
        EvaluatieRapport.objects.filter(pk=rapport.pk).update(
            started_at=F("started_at") - STALE_AFTER - timedelta(minutes=1)
        )
        app.send_task("monitoring.tasks.run_waiting_rapporten")
        rapport = wait_until_done(rapport, seconds=60)
        finished = (rapport.sha256, rapport.finished_at)

        # An hour after the kill Redis hands out the dead worker's message once more; the
        # other worker runs it, and it leaves the finished version alone.
        restore_unacknowledged(redis_server.url)
        done = f"render_rapport[{task.id}] succeeded"
        line = wait_for(lambda: logged(survivor_log, done), "the restored task to run")
        assert line.endswith("'klaar'")  # found KLAAR and returned: nothing rendered
    finally:
        stop(*workers.values())
    rapport.refresh_from_db()
    assert (rapport.sha256, rapport.finished_at) == finished, "a finished PDF never changes"
    assert_one_finished_version(rapport, media_root)
