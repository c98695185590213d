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
