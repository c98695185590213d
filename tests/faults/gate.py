"""Killing a worker's pool process at a known point of a task (render_gate_worker.py)."""

import os
import signal
from contextlib import contextmanager

from tests.processes import client, start_worker, stop, wait_for

GATE_WORKER = "tests.faults.render_gate_worker"


def rendering_pid(started) -> int:
    """The pid of the process that has reached the gate in the middle of a task."""
    return int(
        wait_for(lambda: started.exists() and started.read_text(), "a task to start", seconds=30)
    )


@contextmanager
def killed_halfway(gate_env, broker: str, log, task: str, args: list, *, while_running):
    """Send `task` to a prefork worker whose pool process stops at the gate; call
    `while_running()` there, kill that process (e.g. the out-of-memory killer), and check that
    the worker hands the task to a new process, which must run it rather than take the dead
    run's BEZIG for work in progress. Then open the gate; the worker stops after the block."""
    env, started, gate = gate_env
    worker = start_worker(env, log, name="prefork", pool="prefork", module=GATE_WORKER)
    try:
        client(broker).send_task(task, args=args)
        killed = rendering_pid(started)
        assert killed != worker.pid  # a pool process, not the worker's main process
        while_running()
        started.unlink()
        os.kill(killed, signal.SIGKILL)
        assert rendering_pid(started) != killed
        gate.touch()
        yield
    finally:
        stop(worker)
