"""Meldingen survive a broker outage: all are stored and acknowledged while Redis is down, and
after it returns every notification goes out exactly once, sent by a real Celery worker.

Real parts only: a Redis server of this test's own (so it can be down), a web process and a
worker process of the project, and the test's PostgreSQL database, which both can see.
"""

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from celery import Celery
from django.db import connection
from django.utils import timezone

from meldpunt.models import Melding, Uitbericht
from tests.portal.helpers import ROOT
from tests.processes import database_url

# serialized_rollback: the wijken and buurtteams come from data migrations, and a transactional
# test that ran before this one (tests/faults/) flushed them.
pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MELDINGEN = 30

# Posts meldingen through the real form in a fresh process configured with the dead broker.
WEB_SCRIPT = """
import json, sys, time
import django
django.setup()
from django.test import Client
from tests.meldpunt.conftest import form_data
client = Client()
answers = []
started = time.monotonic()
for i in range(int(sys.argv[1])):
    email = f"melder{i}@example.org" if i % 2 else ""
    response = client.post("/meldpunt/", form_data(huisnummer=str(i + 1), reporter_email=email))
    answers.append([response.status_code, response.get("Location", "")])
print(json.dumps({"answers": answers, "seconds": time.monotonic() - started}))
"""


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def process_env(broker: str, mail_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DEBUG"}}
    env.update(
        CELERY_BROKER_URL=broker,
        CELERY_RESULT_BACKEND=broker,
        DATABASE_URL=database_url(),
        EMAIL_URL="filemail://",
        EMAIL_FILE_PATH=str(mail_dir),
        MELDPUNT_MIN_FILL_SECONDS="0",
        MELDPUNT_RATE_LIMIT="1000/h",
        ALLOWED_HOSTS="testserver",
        DJANGO_SETTINGS_MODULE="hilversum_eenzaamheid.settings",
    )
    return env


def sent_messages(mail_dir: Path) -> list[str]:
    """Subjects of every message the file backend wrote, one entry per message."""
    subjects = []
    for path in mail_dir.glob("*.log"):
        subjects += [line for line in path.read_text().splitlines() if line.startswith("Subject:")]
    return subjects


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs a database it can share: PostgreSQL")


def test_meldingen_are_kept_while_redis_is_down_and_sent_once_when_it_returns(
    postgres_only, postcodes, tmp_path, redis_url
):
    port = free_port()
    broker = f"redis://127.0.0.1:{port}/0"  # nothing listens here yet: the broker is down
    mail_dir = tmp_path / "mail"
    env = process_env(broker, mail_dir)

    web = subprocess.run(
        [sys.executable, "-c", WEB_SCRIPT, str(MELDINGEN)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert web.returncode == 0, web.stderr[-3000:]
    result = json.loads(web.stdout.strip().splitlines()[-1])
    assert [status for status, _ in result["answers"]] == [302] * MELDINGEN
    assert all("/meldpunt/bedankt/" in location for _, location in result["answers"])
    assert Melding.objects.count() == MELDINGEN
    expected = Uitbericht.objects.count()
    assert expected >= MELDINGEN + MELDINGEN // 2  # a team notice each, a receipt for half
    assert not Uitbericht.objects.filter(sent_at__isnull=False).exists()
    assert not mail_dir.exists() or not sent_messages(mail_dir)
    # Residents did not wait on the dead broker for each melding.
    assert result["seconds"] < 60

    redis = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "hilversum_eenzaamheid",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        client = Celery("outage-test", broker=broker, backend=broker, set_as_current=False)
        # What beat does every minute, twice: the second run must find nothing left to send.
        # The sweep leaves rows alone for two minutes (the request's own send may still run),
        # so the runs are dated a few minutes on, as beat's would be.
        later = (timezone.now() + timedelta(minutes=3)).isoformat()
        for _ in range(2):
            client.send_task("meldpunt.tasks.send_pending_notifications", kwargs={"now": later})
        # The solo worker takes tasks in order: when this answers, both runs have finished.
        assert client.send_task("hilversum_eenzaamheid.tasks.ping").get(timeout=180) == "pong"
    finally:
        for process in (worker, redis):
            process.terminate()
            process.wait(timeout=30)

    assert not Uitbericht.objects.filter(sent_at__isnull=True).exists()
    subjects = sent_messages(mail_dir)
    assert len(subjects) == expected  # every notification exactly once
    assert set(Uitbericht.objects.values_list("attempts", flat=True)) == {1}
