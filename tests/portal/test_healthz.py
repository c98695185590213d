import json

import pytest

from .helpers import run_python

CLIENT_GET_HEALTHZ = (
    "import json, django; django.setup(); from django.test import Client; "
    "r = Client().get('/healthz'); print(json.dumps({'status': r.status_code, 'body': r.json()}))"
)


def healthz_in_process(env: dict[str, str]) -> dict:
    result = run_python(CLIENT_GET_HEALTHZ, {"ALLOWED_HOSTS": "testserver", **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.sqlite
def test_healthz_is_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "eager"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.sqlite
def test_healthz_answers_503_when_the_database_is_unreachable():
    # Port 1 on loopback: nothing listens there, so the connection is refused at once.
    answer = healthz_in_process({"DATABASE_URL": "postgres://postgres@127.0.0.1:1/portal"})
    assert answer["status"] == 503
    assert answer["body"]["database"] == "unavailable"
    assert answer["body"]["status"] == "unavailable"


@pytest.mark.sqlite
def test_healthz_reports_a_broker_that_is_down_without_failing(tmp_path):
    answer = healthz_in_process(
        {"DATABASE_URL": f"sqlite:///{tmp_path / 'h.db'}", "REDIS_URL": "redis://127.0.0.1:1/0"}
    )
    assert answer["status"] == 200
    assert answer["body"] == {"status": "ok", "database": "ok", "broker": "unavailable"}


@pytest.mark.integration
def test_healthz_sees_the_real_redis_broker(redis_url, tmp_path):
    answer = healthz_in_process(
        {"DATABASE_URL": f"sqlite:///{tmp_path / 'h.db'}", "REDIS_URL": redis_url}
    )
    assert answer["body"]["broker"] == "ok"


@pytest.mark.sqlite
def test_healthz_refuses_other_methods(client, db):
    assert client.post("/healthz").status_code == 405
