"""The Redis cache of Django, with one client object per connection pool instead of one per call.

Django's RedisCacheClient makes a new `redis.Redis` for every cache call; redis-py builds its
table of response callbacks in each one (about 45 µs here, as much as half the round trip to
Redis itself). A `redis.Redis` is safe to share: it takes a connection from its pool for each
command. The pools, and so the connections, are Django's as before.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)  # Django's choice of server and its pool
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
