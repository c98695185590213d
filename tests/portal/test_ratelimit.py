"""The rate limits of the public forms (hilversum_eenzaamheid/ratelimit.py), counted in a real
Redis: one round trip per post, no addresses in Redis, IPv6 per /64, odd input fails open."""

import hashlib
import logging
import uuid

import pytest
import redis
from django.test import RequestFactory

from hilversum_eenzaamheid import ratelimit
from hilversum_eenzaamheid.ratelimit import parse_rate, too_many

GROUP = "tests.ratelimit"


@pytest.fixture
def redis_limits(settings, redis_url):
    """Counts in the real Redis, under a key prefix of this test alone (the server is shared)."""
    prefix = f"test-ratelimit-{uuid.uuid4()}"
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {
            "BACKEND": "hilversum_eenzaamheid.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
        },
    }
    settings.RATELIMIT_USE_CACHE = "ratelimit"
    client = redis.Redis.from_url(redis_url)
    yield client, prefix
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def post(address="192.0.2.10", **meta):
    return RequestFactory().post("/", REMOTE_ADDR=address, **meta)


def test_the_limit_lets_the_rate_through_and_refuses_the_next(redis_limits):
    answers = [too_many(post(), group=GROUP, rate="3/h") for _ in range(4)]
    assert answers == [False, False, False, True]
    # Another address has its own count.
    assert too_many(post("192.0.2.11"), group=GROUP, rate="3/h") is False


def test_a_post_is_one_round_trip_to_redis(redis_limits, monkeypatch):
    too_many(post(), group=GROUP, rate="10/h")  # loads the script into Redis
    commands = []
    original = redis.Redis.execute_command

    def counting(self, *args, **kwargs):
        commands.append(args[0])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "execute_command", counting)
    for _ in range(3):
        too_many(post(), group=GROUP, rate="10/h")
    # django-ratelimit asked twice per post: SET NX ("add"), then the increment.
    assert commands == ["EVALSHA"] * 3


def test_redis_keeps_a_hash_of_the_address_and_forgets_it_after_the_window(redis_limits):
    client, prefix = redis_limits
    too_many(post("192.0.2.10"), group=GROUP, rate="5/h")
    (key,) = [k.decode() for k in client.scan_iter(f"{prefix}:*")]
    assert "192.0.2.10" not in key
    assert hashlib.sha256(b"192.0.2.10").hexdigest() in key
    assert 0 < client.ttl(key) <= 3600


def test_ipv6_addresses_count_per_64(redis_limits):
    home = [post(f"2001:db8:1:2::{n}") for n in (1, 2, 3)]
    assert [too_many(r, group=GROUP, rate="2/h") for r in home] == [False, False, True]
    assert too_many(post("2001:db8:1:3::1"), group=GROUP, rate="2/h") is False


def test_behind_the_proxy_the_address_it_passes_on_counts(redis_limits, settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    proxied = [post("10.0.0.1", HTTP_X_REAL_IP=f"198.51.100.{n}") for n in (1, 2)]
    assert [too_many(r, group=GROUP, rate="1/h") for r in proxied] == [False, False]
    # A request without the header counts against the connection's address; django-ratelimit
    # raised there, which switched the limits off for 30 seconds.
    direct = [post("10.0.0.1") for _ in range(2)]
    assert [too_many(r, group=GROUP, rate="1/h") for r in direct] == [False, True]


@pytest.mark.parametrize(
    "rate, amount, seconds",
    [("10/h", 10, 3600), ("5/10m", 5, 600), ("60/m", 60, 60), ("0/h", 0, 3600), ("2/d", 2, 86400)],
)
def test_rates_are_written_as_in_the_settings(rate, amount, seconds):
    item = parse_rate(rate)
    assert (item.amount, item.get_expiry()) == (amount, seconds)


def test_a_rate_of_zero_refuses_every_post():
    assert too_many(post(), group=GROUP, rate="0/h") is True


def test_a_mistyped_rate_lets_posts_through_and_says_so(caplog):
    caplog.set_level(logging.WARNING, logger="hilversum_eenzaamheid.ratelimit")
    assert too_many(post(), group=GROUP, rate="10 per uur") is False
    assert "Rate limit tests.ratelimit unavailable" in caplog.text
    ratelimit.reset()


def test_switched_off_by_the_setting(settings):
    settings.RATELIMIT_ENABLE = False
    assert [too_many(post(), group=GROUP, rate="0/h") for _ in range(2)] == [False, False]
