"""kombu's Redis transport with one publishing client (hilversum_eenzaamheid/broker.py), against
a real Redis: the messages arrive as kombu's own would, and a dropped connection heals."""

import json

import pytest
import redis
from celery import Celery

from hilversum_eenzaamheid.broker import Transport


@pytest.fixture
def app(redis_url):
    app = Celery("broker-test", set_as_current=False)
    app.conf.update(
        broker_url=redis_url,
        broker_transport="hilversum_eenzaamheid.broker:Transport",
        task_default_queue="test-broker",
    )
    client = redis.Redis.from_url(redis_url)
    client.delete("test-broker")
    yield app
    client.delete("test-broker")
    app.close()


def _queued(redis_url) -> list[dict]:
    client = redis.Redis.from_url(redis_url)
    return [json.loads(raw) for raw in reversed(client.lrange("test-broker", 0, -1))]


def test_the_setting_chooses_this_transport_for_a_redis_broker():
    from django.conf import settings

    if settings.CELERY_BROKER_URL.startswith("redis://"):
        assert settings.CELERY_BROKER_TRANSPORT == "hilversum_eenzaamheid.broker:Transport"


def test_tasks_are_published_through_one_client(app, redis_url, monkeypatch):
    made = []
    original = redis.Redis.__init__

    def counting_init(self, *args, **kwargs):
        made.append(self)
        original(self, *args, **kwargs)

    with app.connection_for_write() as connection:
        assert isinstance(connection.transport, Transport)
    app.send_task("tests.noop", args=[0])  # connects, declares the queue
    monkeypatch.setattr(redis.Redis, "__init__", counting_init)
    for number in range(1, 6):
        app.send_task("tests.noop", args=[number])
    # kombu's own transport makes one client per message: five here.
    assert made == []
    queued = _queued(redis_url)
    assert [message["headers"]["argsrepr"] for message in queued] == [f"[{n}]" for n in range(6)]
    assert all(message["headers"]["task"] == "tests.noop" for message in queued)


def test_publishing_works_again_after_redis_dropped_the_connection(app, redis_url):
    app.send_task("tests.noop", args=[1])
    redis.Redis.from_url(redis_url).client_kill_filter(_type="normal", skipme=True)
    app.send_task("tests.noop", args=[2])
    assert [m["headers"]["argsrepr"] for m in _queued(redis_url)] == ["[1]", "[2]"]
