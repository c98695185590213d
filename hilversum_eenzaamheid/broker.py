"""kombu's Redis transport, publishing every task through one redis client per channel.

kombu makes a new `redis.Redis` for each message it publishes, and redis-py builds its table
of some 150 response callbacks in each one. The client is only a front for the channel's
connection pool, so one client per pool does the same work. The worker's own reading
(BRPOP, on the asynchronous client) is kombu's as before. Settings: CELERY_BROKER_TRANSPORT.
"""

from kombu.transport import redis


class Channel(redis.Channel):
    _publish_client = None

    def _create_client(self, asynchronous=False):
        if asynchronous:
            return super()._create_client(asynchronous=True)
        client = self._publish_client
        if client is None or client.connection_pool is not self.pool:  # a new pool after a reset
            client = self._publish_client = super()._create_client()
        return client


class Transport(redis.Transport):
    Channel = Channel
