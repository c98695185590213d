"""The public forms' rate limits fail open when the cache (Redis) is down, and then leave the
cache alone for a while instead of waiting for it on every post (hilversum_eenzaamheid/ratelimit).
"""

import logging

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.test import override_settings

from hilversum_eenzaamheid import ratelimit
from meldpunt.models import Melding
from tests.meldpunt.conftest import form_data

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


class Clock:
    def __init__(self):
        self.now = 1000.0

    def monotonic(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(ratelimit, "time", fake)
    return fake


@pytest.fixture
def redis_down():
    """A Redis cache nobody listens on: every call is refused, for real. Restored before the
    other fixtures empty the cache."""
    dead = {
        "BACKEND": "hilversum_eenzaamheid.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
    }
    with override_settings(CACHES={**django_settings.CACHES, "default": dead}):
        yield


class Counting:
    def __init__(self):
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        raise ConnectionError("redis")


def send(client):
    return client.post("/meldpunt/", form_data(), REMOTE_ADDR="192.0.2.10")


def test_with_redis_down_meldingen_go_through_and_the_log_says_so_once(
    client, postcodes, redis_down, caplog
):
    caplog.set_level(logging.WARNING, logger="hilversum_eenzaamheid.ratelimit")
    assert [send(client).status_code for _ in range(3)] == [302, 302, 302]
    assert Melding.objects.count() == 3
    warnings = [r for r in caplog.records if r.name == "hilversum_eenzaamheid.ratelimit"]
    assert len(warnings) == 1
    assert warnings[0].getMessage() == (
        "Rate limit meldpunt.melding unavailable; posts let through for 30 s"
    )
    assert warnings[0].exc_info is not None


def test_after_a_failure_the_cache_is_asked_again_only_after_a_while(
    client, postcodes, clock, monkeypatch
):
    counting = Counting()
    monkeypatch.setattr(ratelimit, "_limiter", counting)
    send(client)
    clock.now += 29
    send(client)
    assert counting.calls == 1
    clock.now += 2
    send(client)
    assert counting.calls == 2
    assert Melding.objects.count() == 3


def test_once_the_cache_is_back_the_limit_counts_again(client, postcodes, clock, settings):
    settings.MELDPUNT_RATE_LIMIT = "2/h"
    caches["default"].clear()
    ratelimit._skip_until = clock.now + ratelimit.SKIP_SECONDS  # a failure just now
    assert [send(client).status_code for _ in range(3)] == [302, 302, 302]
    clock.now += ratelimit.SKIP_SECONDS
    assert [send(client).status_code for _ in range(3)] == [302, 302, 429]
