"""Fixtures of the fault tests: a Redis server and an SMTP server of the test's own.

Reused from the other folders: the meldpunt's address table and clean rate limit, and the
throwaway media folder.
"""

import pytest
from django.db import connection

from tests.meldpunt.conftest import empty_rate_limit_cache, postcodes  # noqa: F401
from tests.monitoring.conftest import media_root  # noqa: F401

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
