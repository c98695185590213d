"""When PostgreSQL stops, public pages answer a friendly Dutch 503 page, /healthz says so, and the
site recovers by itself when the database is back.

The first test does it for real: its own PostgreSQL cluster, migrated, a gunicorn server of the
project against it, and `pg_ctl stop`/`start` underneath the running server. The others check
the middleware's paths in-process.
"""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import suppress
from unittest import mock

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import get_user
from django.contrib.sessions.backends.db import SessionStore
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.test import Client
from django.urls import path
from django.utils.functional import SimpleLazyObject

from hilversum_eenzaamheid import middleware
from hilversum_eenzaamheid import urls as portal_urls

from .helpers import PORTAL_VARIABLES, ROOT, run_python
from .throwaway_postgres import free_port, new_cluster

DUTCH_503 = "Deze website werkt even niet"
PUBLIC_PAGES = ["/", "/aanbod/", "/meldpunt/"]


def fetch(url: str) -> tuple[int, dict[str, str], str]:
    """Status, headers and body, also for error statuses; (0, {}, "") when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()
    except OSError:
        return 0, {}, ""


def server_env(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in PORTAL_VARIABLES}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "hilversum_eenzaamheid.settings",
            "DATABASE_URL": database_url,
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECRET_KEY": "database-down-test-only-secret-key-0123456789abcdefghijklmnop",
            # Persistent connections, as in production: the hardest case for recovery.
            "CONN_MAX_AGE": "60",
            "LOG_FORMAT": "json",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def wait_for(url: str, status: int, seconds: float) -> float:
    """Seconds until `url` answered `status`; fails after `seconds`."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if fetch(url)[0] == status:
            return time.monotonic() - started
        time.sleep(0.2)
    pytest.fail(f"{url} did not answer {status} within {seconds} s (last: {fetch(url)[0]})")


@pytest.fixture(scope="module")
def portal_on_own_postgres(tmp_path_factory):
    """(cluster, base URL, gunicorn process, its log file): the portal on a cluster of its own."""
    cluster = new_cluster()
    log_path = tmp_path_factory.mktemp("database-down") / "gunicorn.log"
    env = server_env(cluster.url)
    process = None
    try:
        migrate = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert migrate.returncode == 0, migrate.stdout + migrate.stderr
        port = free_port()
        with open(log_path, "w") as log:
            process = subprocess.Popen(
                [
                    *(sys.executable, "-m", "gunicorn", "hilversum_eenzaamheid.wsgi"),
                    *("--workers", "1", "--bind", f"127.0.0.1:{port}"),
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        base_url = f"http://127.0.0.1:{port}"
        wait_for(f"{base_url}/healthz", 200, 60)
        yield cluster, base_url, process, log_path
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # a worker of our own session, if any
        cluster.remove()


def json_lines(log_path) -> list[dict]:
    lines = []
    for line in log_path.read_text(errors="replace").splitlines():
        with suppress(ValueError):
            lines.append(json.loads(line))
    return lines


def test_pages_answer_the_dutch_503_while_postgresql_is_stopped_and_recover_without_restart(
    portal_on_own_postgres,
):
    cluster, base_url, process, log_path = portal_on_own_postgres
    # /over/ needs no database. The pages below are not visited before the stop: what they read
    # would then sit in the per-process cache (wijken, the blank meldpunt form), and a page that
    # can be built from the cache alone is still served during an outage.
    status, _headers, body = fetch(f"{base_url}/over/")
    assert status == 200 and DUTCH_503 not in body

    cluster.stop("fast")
    try:
        assert fetch(f"{base_url}/over/")[0] == 200, "a page without queries stays up"
        for page in PUBLIC_PAGES:
            status, headers, body = fetch(f"{base_url}{page}")
            assert status == 503, page
            assert DUTCH_503 in body, page
            assert '<html lang="nl">' in body
            assert headers["Retry-After"].isdigit()
            assert headers["Content-Type"].startswith("text/html")
            assert "Traceback" not in body and "OperationalError" not in body
            assert headers["X-Request-ID"]
        status, _headers, body = fetch(f"{base_url}/healthz")
        assert status == 503
        assert json.loads(body)["database"] == "unavailable"
    finally:
        cluster.start()

    # The same server process, not restarted: it must find the database again by itself.
    seconds = wait_for(f"{base_url}/", 200, 10)
    for page in [*PUBLIC_PAGES, "/healthz"]:
        status, _headers, body = fetch(f"{base_url}{page}")
        assert status == 200, page
        assert DUTCH_503 not in body
    assert process.poll() is None, "gunicorn must have kept running"
    assert seconds < 10

    lines = json_lines(log_path)
    failures = [line for line in lines if line["logger"] == "hilversum_eenzaamheid.database"]
    assert len(failures) == 1, "the outage is logged once, not once per request"
    assert failures[0]["level"] == "ERROR" and failures[0]["request_id"]
    answered_503 = [
        line
        for line in lines
        if line["logger"] == "hilversum_eenzaamheid.requests" and line["status"] == 503
    ]
    assert len(answered_503) == len(PUBLIC_PAGES) + 1  # the pages and /healthz
    assert not [line for line in lines if "Internal Server Error" in line["message"]]
    assert all(line.get("request_id") for line in lines), "every line of a request has its id"
    text = log_path.read_text(errors="replace")
    assert not [line for line in text.splitlines() if line.startswith("Traceback")]


# In-process checks of the middleware: a view and the middleware below it that fail.


def database_fails(request):
    raise OperationalError("connection refused")


def connection_closed(request):
    raise InterfaceError("connection already closed")


def other_error(request):
    raise ValueError("not a database problem")


def touches_session(request):
    request.session["seen"] = True
    return HttpResponse("ok")


urlpatterns = [
    path("test/database-fails/", database_fails),
    path("test/connection-closed/", connection_closed),
    path("test/other-error/", other_error),
    path("test/session/", touches_session),
    # i18n_patterns may not be include()d: the portal's patterns are taken as they are.
    *portal_urls.urlpatterns,
    *i18n_patterns(path("test/database-fails/", database_fails), prefix_default_language=False),
]


@pytest.mark.sqlite
@pytest.mark.urls(__name__)
@pytest.mark.parametrize("url", ["/test/database-fails/", "/test/connection-closed/"])
def test_a_database_error_in_the_view_gives_the_503_page_without_a_query(
    client, db, django_assert_num_queries, url
):
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == str(middleware.RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert DUTCH_503 in html
    assert "088 0767 000" in html  # the Luisterlijn, also when the site is down


@pytest.mark.sqlite
def test_the_503_page_never_looks_up_the_session_or_the_user(
    client, kartrekker_user, rf, django_assert_num_queries
):
    client.force_login(kartrekker_user)
    request = rf.get("/")
    request.session = SessionStore(session_key=client.session.session_key)
    request.user = SimpleLazyObject(lambda: get_user(request))
    with django_assert_num_queries(0):
        response = middleware.database_unavailable_response(request)
    assert response.status_code == 503
    assert "kartrekker" not in response.content.decode()  # no "logged in as"


@pytest.mark.sqlite
def test_a_staff_session_that_cannot_be_read_gives_the_503_page(client, kartrekker_user):
    # The session and the user are read by middleware below DatabaseUnavailableMiddleware
    # (idle timeout, second factor) before any view runs.
    client.force_login(kartrekker_user)
    client.raise_request_exception = False
    with mock.patch.object(
        SessionStore, "load", side_effect=OperationalError("server closed the connection")
    ):
        response = client.get("/werkruimte/")
    assert response.status_code == 503
    assert DUTCH_503 in response.content.decode()


@pytest.mark.sqlite
@pytest.mark.urls(__name__)
def test_a_database_error_in_the_session_middleware_gives_the_503_page_too(db):
    client = Client(raise_request_exception=False)
    with mock.patch.object(
        SessionStore, "save", side_effect=OperationalError("the server closed the connection")
    ):
        response = client.get("/test/session/")
    assert response.status_code == 503
    assert DUTCH_503 in response.content.decode()


@pytest.mark.sqlite
@pytest.mark.urls(__name__)
def test_other_errors_stay_errors_and_are_not_hidden_behind_the_503_page(db):
    client = Client(raise_request_exception=False)
    response = client.get("/test/other-error/")
    assert response.status_code == 500
    assert DUTCH_503 not in response.content.decode()


@pytest.mark.sqlite
@pytest.mark.urls(__name__)
def test_the_503_page_follows_the_chosen_language(client):
    response = client.get("/en/test/database-fails/")
    assert response.status_code == 503
    assert '<html lang="en">' in response.content.decode()


@pytest.mark.sqlite
@pytest.mark.urls(__name__)
def test_an_outage_is_logged_once_a_minute_with_a_count_of_the_other_failures(client, caplog):
    clock = [1000.0]
    with mock.patch.object(middleware.time, "monotonic", side_effect=lambda: clock[0]):
        for _ in range(3):
            assert client.get("/test/database-fails/").status_code == 503
        clock[0] += middleware.LOG_EVERY_SECONDS + 1
        assert client.get("/test/database-fails/").status_code == 503
    lines = [r for r in caplog.records if r.name == "hilversum_eenzaamheid.database"]
    assert [r.levelname for r in lines] == ["ERROR", "ERROR"]
    assert "(0 more" in lines[0].getMessage()
    assert "(2 more" in lines[1].getMessage()
    assert not [r for r in caplog.records if r.name == "django.request"]


PAGES_WITHOUT_DATABASE = (
    "import json, django; django.setup(); from django.test import Client; "
    "c = Client(raise_request_exception=False); "
    "print(json.dumps({p: [c.get(p).status_code, c.get(p).content.decode()] for p in %r}))"
)


@pytest.mark.sqlite
def test_public_pages_answer_503_when_postgresql_cannot_be_reached():
    # Port 1 on loopback: nothing listens there, so the connection is refused at once.
    result = run_python(
        PAGES_WITHOUT_DATABASE % (PUBLIC_PAGES,),
        {
            "DATABASE_URL": "postgres://postgres@127.0.0.1:1/portal",
            "ALLOWED_HOSTS": "testserver",
            "LOG_FORMAT": "json",
        },
    )
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    for page in PUBLIC_PAGES:
        status, html = answers[page]
        assert status == 503, page
        assert DUTCH_503 in html
    # The error is logged once, as one JSON line; no bare traceback from Django's error page.
    assert not [line for line in result.stderr.splitlines() if line.startswith("Traceback")]
    logged = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert [line["logger"] for line in logged if line["level"] == "ERROR"] == [
        "hilversum_eenzaamheid.database"
    ]
