"""Cache backends: Django's Redis cache with one client per pool; a local cache without pickling.

Django's RedisCacheClient makes a new `redis.Redis` for every cache call; redis-py builds its
table of response callbacks in each one (about 45 µs here, as much as half the round trip to
Redis itself). A `redis.Redis` is safe to share: it takes a connection from its pool for each
command. The pools, and so the connections, are Django's as before.

`incr` is one atomic command. Django's asks EXISTS and then INCRBY: two round trips, and a key
that expires between the two comes back as a new key without an expiry time.
"""

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient

# INCRBY only when the key exists: a missing key stays missing (Django's incr raises then).
_INCR_EXISTING = """
if redis.call('EXISTS', KEYS[1]) == 1 then
    return redis.call('INCRBY', KEYS[1], ARGV[1])
end
return false
"""


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self._incr_scripts = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)  # Django's choice of server and its pool
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client

    def incr(self, key, delta):
        client = self.get_client(key, write=True)
        script = self._incr_scripts.get(client)
        if script is None:  # EVALSHA, and EVAL once when Redis does not know the script yet
            script = self._incr_scripts[client] = client.register_script(_INCR_EXISTING)
        value = script(keys=[key], args=[delta])
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def connection_pool(self):
        """The pool of the server that takes writes: the rate limits count there too."""
        return self._cache._get_connection_pool(write=True)


class SharedObjectsCache(LocMemCache):
    """Django's local-memory cache, keeping the objects themselves instead of pickled copies.

    For the per-process "local" cache of things that almost never change (the wijken, which
    team covers which wijk, rendered fragments). LocMemCache pickles every value on `set` and
    unpickles it on every `get`; for a list of model instances that costs more than the query
    it saves. Here `get` returns the object that was stored, shared by every request of the
    process: treat what comes out as read-only, and store tuples rather than lists.
    """

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._set(key, value, timeout)
                return True
            return False

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._delete(key)
                return default
            self._cache.move_to_end(key, last=False)
            return self._cache[key]

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            self._set(key, value, timeout)

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._has_expired(key):
                self._delete(key)
                raise ValueError(f"Key '{key}' not found")
            value = self._cache[key] + delta
            self._cache[key] = value
            self._cache.move_to_end(key, last=False)
        return value
