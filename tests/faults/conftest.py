"""Fixtures of the fault tests: a Redis server and an SMTP server of the test's own.

Reused from the other folders: the meldpunt's address table and clean rate limit, and the
throwaway media folder.
"""

import pytest
from django.db import connection

from tests.meldpunt.conftest import postcodes  # noqa: F401
from tests.monitoring.conftest import media_root  # noqa: F401
from tests.processes import portal_env

from .redis_server import ThrowawayRedis
from .smtp_server import SmtpServer


@pytest.fixture
def postgres_only():
    """Worker and web processes share the test's database: only PostgreSQL allows that."""
    if connection.vendor != "postgresql":
        pytest.skip("processes of the project need a database they can share: PostgreSQL")


@pytest.fixture
def redis_server():
    server = ThrowawayRedis()
    try:
        server.start()
        yield server
    finally:
        server.remove()


@pytest.fixture
def smtp_server():
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def gate_env(postgres_only, redis_server, media_root, tmp_path):  # noqa: F811
    """(environment of a gated worker, started file, gate file)."""
    started, gate = tmp_path / "render-started", tmp_path / "render-gate"
    env = portal_env(
        CELERY_BROKER_URL=redis_server.url,
        CELERY_RESULT_BACKEND=redis_server.url,
        MEDIA_ROOT=str(media_root),
        FAULTS_RENDER_STARTED=str(started),
        FAULTS_RENDER_GATE=str(gate),
    )
    return env, started, gate
