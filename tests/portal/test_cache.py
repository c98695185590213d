"""The Redis cache backend: Django's, sharing one redis client per pool (a real Redis)."""

import pytest
import redis

from hilversum_eenzaamheid.cache import RedisCache


def _backend(redis_url):
    return RedisCache(redis_url, {"KEY_PREFIX": "test-cache-backend"})


@pytest.fixture
def redis_cache(redis_url):
    backend = _backend(redis_url)
    yield backend
    backend.delete_many(["a", "n", "k"])
    backend.close()


def test_every_call_uses_the_same_client(redis_url, monkeypatch):
    made = []
    original = redis.Redis.__init__

    def counting_init(self, *args, **kwargs):
        made.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counting_init)
    redis_cache = _backend(redis_url)
    redis_cache.delete_many(["a", "n"])
    redis_cache.set("a", {"wijk": "centrum"}, 60)
    assert redis_cache.get("a") == {"wijk": "centrum"}
    assert redis_cache.add("n", 0, 60) is True
    assert redis_cache.add("n", 0, 60) is False
    assert redis_cache.incr("n") == 1
    assert redis_cache.incr("n") == 2
    assert redis_cache.get_many(["a", "n", "missing"]) == {"a": {"wijk": "centrum"}, "n": 2}
    redis_cache.delete("a")
    assert redis_cache.get("a", "gone") == "gone"
    redis_cache.delete("n")
    # Django's own client would have made one per call above (eleven); this one makes one.
    assert len(made) == 1


def test_the_shared_client_keeps_working_after_redis_closed_the_connection(redis_cache):
    redis_cache.set("k", "v", 60)
    client = redis_cache._cache.get_client(write=True)
    client.client_kill_filter(_type="normal", skipme=False)
    # redis-py reconnects on the next command; no stale client stays behind.
    assert redis_cache.get("k") == "v"
    assert redis_cache._cache.get_client() is client


def test_incr_is_one_command_and_keeps_the_expiry(redis_cache, monkeypatch):
    assert redis_cache.add("n", 0, 60) is True
    client = redis_cache._cache.get_client(write=True)
    redis_cache.incr("n")  # the first call loads the script into Redis
    commands = []
    original = type(client).execute_command

    def counting(self, *args, **kwargs):
        commands.append(args[0])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(type(client), "execute_command", counting)
    assert redis_cache.incr("n", 5) == 6
    assert commands == ["EVALSHA"]  # Django's own: EXISTS, then INCRBY
    assert 0 < client.ttl(redis_cache.make_key("n")) <= 60


def test_incr_of_a_missing_key_raises_and_creates_nothing(redis_cache):
    redis_cache.delete("n")
    with pytest.raises(ValueError):
        redis_cache.incr("n")
    assert redis_cache.get("n") is None
    # A key that expired stays gone: INCRBY alone would bring it back without an expiry.
    client = redis_cache._cache.get_client(write=True)
    assert client.exists(redis_cache.make_key("n")) == 0


def test_incr_loads_the_script_again_after_redis_forgot_it(redis_cache):
    redis_cache.set("n", 1, 60)
    assert redis_cache.incr("n") == 2
    redis_cache._cache.get_client(write=True).script_flush()
    assert redis_cache.incr("n") == 3


def test_the_local_cache_keeps_the_object_itself():
    from django.core.cache import caches

    from hilversum_eenzaamheid.cache import SharedObjectsCache

    local = caches["local"]
    assert isinstance(local, SharedObjectsCache)
    value = ("centrum", object())  # not picklable: LocMemCache would fail on it
    local.set("shared", value, 60)
    assert local.get("shared") is value
    assert local.add("shared", "other", 60) is False
    assert local.get_many(["shared", "missing"]) == {"shared": value}
    local.set("n", 1, 60)
    assert local.incr("n", 2) == 3
    local.delete("shared")
    assert local.get("shared", "gone") == "gone"
    with pytest.raises(ValueError):
        local.incr("missing")


def test_the_local_cache_forgets_after_the_timeout(monkeypatch):
    from django.core.cache import caches

    local = caches["local"]
    local.set("brief", "x", 10)
    now = __import__("time").time()
    monkeypatch.setattr("django.core.cache.backends.locmem.time.time", lambda: now + 11)
    assert local.get("brief") is None
    assert local.add("brief", "y", 10) is True
