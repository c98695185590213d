"""Redis stops in the middle of a burst of 200 meldingen: every melding is stored and every
reporter sees the thank-you page; when Redis is back, each notification goes out exactly once.

Real parts: a Redis server of the test's own (the web process's cache and Celery broker, not
eager), killed after 20 meldingen and started again on its append-only file; a web process
posting through the public form with Django's test client; two Celery worker processes of the
project; an SMTP server that counts what arrives; the test's PostgreSQL database.
(tests/meldpunt/test_redis_outage.py covers a broker that is down from the start.)
"""

import json
import subprocess
import sys
from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from meldpunt.models import Melding, Uitbericht
from tests.portal.helpers import ROOT
from tests.processes import client, portal_env, start_worker, stop, wait_for

pytestmark = [
    pytest.mark.integration,
    # The wijken and buurtteams come from data migrations: keep them for the tests after this.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TOTAL, BEFORE = 200, 20
# Per ten meldingen (see meldingen_burst.melding_data): a team notice for the eight with a wijk,
# a receipt for the five with an e-mail address, the coördinator for 2 urgent and 2 without wijk.
ROWS_PER_TEN = 8 + 5 + 4
COORDINATOR = "coordinator@example.org"


def run_burst(env, redis_server, log):
    """Post TOTAL meldingen; kill Redis after BEFORE of them. Returns the per-melding answers."""
    with log.open("w") as stderr:
        web = subprocess.Popen(
            [sys.executable, "-m", "tests.faults.meldingen_burst", str(TOTAL), str(BEFORE)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    try:
        assert web.stdout.readline().strip() == "PAUSED", log.read_text()[-3000:]
        redis_server.kill()
        stdout, _ = web.communicate("go\n", timeout=240)
    finally:
        stop(web)
    assert web.returncode == 0, log.read_text()[-3000:]
    return json.loads(stdout.strip().splitlines()[-1])


def queue_is_idle(broker) -> bool:
    """Nothing queued, and nothing a worker holds unacknowledged (acks_late: until done)."""
    return broker.llen("celery") == 0 and broker.hlen("unacked") == 0


def test_meldingen_survive_redis_stopping_mid_burst_and_each_mail_goes_out_once(
    postgres_only, postcodes, redis_server, smtp_server, tmp_path
):
    env = portal_env(
        REDIS_URL=redis_server.url,
        EMAIL_URL=smtp_server.url,
        MELDPUNT_COORDINATOR_EMAIL=COORDINATOR,
        MELDPUNT_MIN_FILL_SECONDS="0",
        MELDPUNT_RATE_LIMIT="1000/h",
        ALLOWED_HOSTS="testserver",
    )
    answers = run_burst(env, redis_server, tmp_path / "web.log")

    # Every reporter got the thank-you page with their own reference: no 500, nothing lost.
    assert len(answers) == TOTAL
    assert Counter((posted, thanks) for posted, _, thanks, _, _ in answers) == {(302, 200): TOTAL}
    shown = [reference for _, _, _, reference, _ in answers]
    assert all(f"/meldpunt/bedankt/{ref}/" == loc for _, loc, _, ref, _ in answers)
    assert Melding.objects.count() == TOTAL
    assert set(Melding.objects.values_list("reference", flat=True)) == set(shown)
    # The outage costs a post no query more or less: each kind of melding makes as many
    # queries as the same kind did while Redis was up (posts 10–19; the first ten warm up).
    queries = [count for *_, count in answers]
    assert [queries[10 + n % 10] for n in range(10, TOTAL)] == queries[10:]

    rows = list(Uitbericht.objects.values_list("recipient", "subject"))
    assert len(rows) == TOTAL // 10 * ROWS_PER_TEN
    assert not Uitbericht.objects.filter(sent_at__isnull=False).exists()
    assert smtp_server.counted() == Counter()

    # Redis comes back with what was queued before it stopped: a task per row of the first 20.
    redis_server.start()
    broker = redis_server.client()
    assert (
        broker.llen("celery")
        == Uitbericht.objects.filter(melding__reference__in=shown[:BEFORE]).count()
    )
    workers = [start_worker(env, tmp_path / f"worker-{name}.log", name=name) for name in ("a", "b")]
    try:
        # What beat does every minute, dated past the two minutes' grace the sweep gives a
        # request's own sending. Each run takes at most 200 rows; two run at once, alongside
        # the queued tasks, until the outbox is empty.
        later = (timezone.now() + timedelta(minutes=3)).isoformat()
        app = client(redis_server.url)
        for _minute in range(5):
            for _ in workers:
                app.send_task("meldpunt.tasks.send_pending_notifications", kwargs={"now": later})
            wait_for(lambda: queue_is_idle(broker), "the workers to finish", seconds=120)
            if not Uitbericht.objects.filter(sent_at__isnull=True).exists():
                break
    finally:
        stop(*workers)

    assert not Uitbericht.objects.filter(sent_at__isnull=True).exists()
    arrived = smtp_server.counted()
    assert sum(arrived.values()) == len(rows)
    assert arrived == Counter(rows), "each notification exactly once: none missing, none twice"
    assert set(Uitbericht.objects.values_list("attempts", flat=True)) == {1}
    assert arrived[(COORDINATOR, f"SPOED: Nieuwe melding {shown[4]}")] == 1
