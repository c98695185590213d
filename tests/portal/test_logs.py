"""Structured logs: JSON lines with a request or task id, and no personal data in them."""

import io
import json
import logging
import os
import re
import time

import pytest
from django.http import HttpResponse, HttpResponseForbidden
from django.urls import path

from hilversum_eenzaamheid import urls as portal_urls
from hilversum_eenzaamheid.celery import app as celery_app
from hilversum_eenzaamheid.logs import JsonFormatter, TextFormatter, mask_personal_data
from meldpunt.forms import started_token

from .helpers import run_python, settings_in_process

logger = logging.getLogger("tests.portal.test_logs")
UUID_HEX = re.compile(r"[0-9a-f]{32}")


def logs_inside_a_request(request):
    logger.info("Melding %s bekeken", 42)
    return HttpResponse("ok")


def refuses(request):
    return HttpResponseForbidden("nee")


urlpatterns = [
    path("test/logs/", logs_inside_a_request),
    path("test/refused/", refuses),
    # i18n_patterns may not be include()d: the portal's patterns are taken as they are.
    *portal_urls.urlpatterns,
]


@celery_app.task(name="tests.portal.test_logs.log_from_a_task")
def log_from_a_task() -> None:
    logger.info("Taak draait")


@pytest.fixture
def log_lines():
    """The JSON lines written while the test runs, through the configured console filters."""
    console = next(h for h in logging.getLogger().handlers if h.name == "console")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    for log_filter in console.filters:
        handler.addFilter(log_filter)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)


def access_lines(lines: list[dict]) -> list[dict]:
    return [line for line in lines if line["logger"] == "hilversum_eenzaamheid.requests"]


@pytest.mark.sqlite
@pytest.mark.urls(__name__)
def test_each_line_has_time_level_logger_message_and_the_request_id(client, log_lines):
    response = client.get("/test/logs/", headers={"X-Request-ID": "proxy-id-1234"})
    assert response["X-Request-ID"] == "proxy-id-1234"
    view_line, access_line = log_lines()
    assert view_line["message"] == "Melding 42 bekeken"
    assert view_line["level"] == "INFO"
    assert view_line["logger"] == "tests.portal.test_logs"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", view_line["time"])
    assert view_line["request_id"] == access_line["request_id"] == "proxy-id-1234"
    assert "task_id" not in view_line


@pytest.mark.sqlite
@pytest.mark.urls(__name__)
@pytest.mark.parametrize(
    "incoming",
    ["short", "x" * 65, "has space in it", "<script>alert(1)</script>", "ïdentiteit-123", ""],
)
def test_an_invalid_or_missing_request_id_is_replaced_by_a_new_one(client, log_lines, incoming):
    response = client.get("/test/logs/", headers={"X-Request-ID": incoming})
    request_id = response["X-Request-ID"]
    assert UUID_HEX.fullmatch(request_id)
    assert {line["request_id"] for line in log_lines()} == {request_id}


@pytest.mark.sqlite
@pytest.mark.urls(__name__)
def test_djangos_own_line_about_an_error_response_carries_the_request_id_too(client, log_lines):
    # Django logs it after the whole middleware chain has returned the response.
    response = client.get("/test/refused/")
    (line,) = [line for line in log_lines() if line["logger"] == "django.request"]
    assert line["message"] == "Forbidden: /test/refused/"
    assert line["request_id"] == response["X-Request-ID"]


@pytest.mark.sqlite
@pytest.mark.urls(__name__)
def test_every_request_gets_its_own_id_and_none_is_left_behind_afterwards(client, log_lines):
    first = client.get("/test/logs/")["X-Request-ID"]
    second = client.get("/test/logs/")["X-Request-ID"]
    assert first != second
    logger.info("Na het verzoek")
    assert "request_id" not in log_lines()[-1]


@pytest.mark.sqlite
def test_the_access_line_has_method_path_status_and_duration_but_no_query_string(
    client, db, log_lines
):
    response = client.get("/meldpunt/?over=zelf&naam=Jansen&email=jan@example.nl")
    (line,) = access_lines(log_lines())
    assert line["message"] == f"GET /meldpunt/ {response.status_code}"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/meldpunt/", 200)
    assert isinstance(line["duration_ms"], float)
    assert "Jansen" not in json.dumps(log_lines())


@pytest.mark.sqlite
def test_what_someone_posts_never_reaches_the_log(client, db, log_lines, settings):
    settings.MELDPUNT_COORDINATOR_EMAIL = "coordinator@example.nl"
    typed = {
        "person_name": "Geertruida Zonnebloem",
        "person_phone": "06-12345678",
        "person_email": "geertruida@example.nl",
        "reporter_name": "Wilhelmina Jansen",
        "reporter_email": "wilhelmina@example.nl",
        "text": "Mijn buurvrouw komt sinds de zomer haar huis niet meer uit.",
    }
    data = {
        "about": "ander",
        "reporter_role": "bewoner",
        "urgent": "nee",
        "postcode": "1223 AB",
        "huisnummer": "12",
        "wijk": "noordoost",
        "signals": ["weinig-contact"],
        "person_knows": "nee",
        "consent": "on",
        "website": "",
        "started": started_token(time.time() - 60),
        **typed,
    }
    response = client.post("/meldpunt/", data)
    assert response.status_code == 302, "the melding must be stored, with all its side effects"
    written = json.dumps(log_lines())
    assert [line["method"] for line in access_lines(log_lines())] == ["POST"]
    for value in typed.values():
        assert value not in written
    for word in ("Geertruida", "Wilhelmina", "example.nl", "12345678"):
        assert word not in written


@pytest.mark.sqlite
def test_a_task_logs_its_task_id_instead_of_a_request_id(log_lines):
    result = log_from_a_task.delay()
    (line,) = [line for line in log_lines() if line["message"] == "Taak draait"]
    assert line["task_id"] == result.id
    assert line["task_name"] == "tests.portal.test_logs.log_from_a_task"
    assert "request_id" not in line


@pytest.mark.parametrize(
    "text",
    [
        "jan.de.vries@example.nl",
        "J.Jansen+meldpunt@sub.hilversum.nl",
        "06-12345678",
        "0612345678",
        "06 1234 5678",
        "035-6292929",
        "035 629 29 29",
        "(035) 629 29 29",
        "+31 6 12345678",
        "+31612345678",
        "+31 (0)35 629 2929",
        "0031 6 12345678",
    ],
)
@pytest.mark.sqlite
def test_email_addresses_and_dutch_phone_numbers_are_masked(text):
    masked = mask_personal_data(f"Bericht aan {text} niet verstuurd.")
    assert text not in masked
    assert masked in {
        "Bericht aan [email] niet verstuurd.",
        "Bericht aan [phone] niet verstuurd.",
    }


@pytest.mark.parametrize(
    "text",
    [
        "Uitbericht 1234 niet verstuurd (poging 3)",
        "request 0612345678abcdef0612345678abcdef",
        "3f2b9c0612345678e4a1d2c3b4a5f6e7",
        "06123456789012",
        "Bewaartermijn: 2024-01-15, 12 meldingen",
        "Melding MP-2024-00123 wacht op triage",
        "duur 0.612345678 s",
    ],
)
@pytest.mark.sqlite
def test_ids_dates_and_counts_are_left_alone(text):
    assert mask_personal_data(text) == text


@pytest.mark.sqlite
def test_masking_reaches_arguments_tracebacks_and_extras(log_lines):
    try:
        raise ValueError("recipient refused: piet@example.nl")
    except ValueError:
        logger.exception(
            "Uitbericht %s niet verstuurd: %s",
            7,
            "{'piet@example.nl': (550, b'no such user')}",
            extra={"recipient": "bel 06-98765432", "request": object()},
        )
    (line,) = log_lines()
    assert line["message"] == "Uitbericht 7 niet verstuurd: {'[email]': (550, b'no such user')}"
    assert "recipient refused: [email]" in line["exception"]
    assert line["recipient"] == "bel [phone]"
    assert "request" not in line  # objects are left out: Django's request carries the query
    assert "example.nl" not in json.dumps(line)


@pytest.mark.sqlite
def test_text_lines_show_the_request_or_task_id_in_brackets():
    record = logging.LogRecord("meldpunt", logging.WARNING, __file__, 1, "Hallo %s", (1,), None)
    record.context_id = "abcdef123456"
    assert TextFormatter().format(record).endswith("WARNING meldpunt [abcdef123456] Hallo 1")


@pytest.mark.sqlite
@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "json"),
        ({"DEBUG": "true"}, "text"),
        ({"DEBUG": "true", "LOG_FORMAT": "json"}, "json"),
        ({"LOG_FORMAT": "text"}, "text"),
    ],
)
def test_log_format_is_json_in_production_and_text_with_debug(env, expected):
    # An empty LOG_FORMAT means "the default", like an unset one.
    values = settings_in_process({"LOG_FORMAT": "", **env}, "LOG_FORMAT", "LOGGING")
    assert values["LOG_FORMAT"] == expected
    assert values["LOGGING"]["handlers"]["console"]["formatter"] == expected


@pytest.mark.sqlite
def test_an_unknown_log_format_stops_the_start_with_a_clear_message():
    result = run_python("import django; django.setup()", {"LOG_FORMAT": "xml"})
    assert result.returncode != 0
    assert "LOG_FORMAT must be json or text, not 'xml'" in result.stderr


@pytest.mark.sqlite
def test_a_fresh_process_writes_one_json_object_per_line_to_stderr():
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('meldpunt.tasks').warning('Bericht aan %s mislukt', 'a@b.nl')"
    )
    result = run_python(code, {"LOG_FORMAT": "json"})
    assert result.returncode == 0, result.stderr
    (line,) = [json.loads(x) for x in result.stderr.splitlines() if x.startswith("{")]
    assert line["message"] == "Bericht aan [email] mislukt"
    assert (line["level"], line["logger"]) == ("WARNING", "meldpunt.tasks")


def lines_with_task_id(log, task_id: str, seconds: float = 5) -> list[dict]:
    """The worker's JSON lines about the task; it may write them just after the result."""
    deadline = time.monotonic() + seconds
    while True:
        lines = [json.loads(x) for x in log.read_text().splitlines() if x.startswith("{")]
        done = [line for line in lines if line.get("task_id") == task_id]
        if done or time.monotonic() > deadline:
            return done
        time.sleep(0.1)


@pytest.mark.integration
def test_the_real_worker_logs_json_lines_with_the_task_id(
    celery_worker_process, redis_url, tmp_path_factory
):
    from celery import Celery

    debug = os.environ.get("DEBUG", "").lower() in {"1", "true", "yes", "on"}
    if (os.environ.get("LOG_FORMAT") or ("text" if debug else "json")) != "json":
        pytest.skip("the worker runs with text logs here (LOG_FORMAT or DEBUG is set)")
    client = Celery(
        "hilversum-test-client", broker=redis_url, backend=redis_url, set_as_current=False
    )
    # The worker fixture (tests/conftest.py) writes its output to celery<n>/worker.log.
    logs = tmp_path_factory.getbasetemp().glob("celery[0-9]*/worker.log")
    log = max(logs, key=lambda path: path.stat().st_mtime)
    # On a Redis shared with other test runs their workers may take a task too: a few tries.
    for _ in range(5):
        result = client.send_task("hilversum_eenzaamheid.tasks.ping")
        assert result.get(timeout=60) == "pong"
        done = lines_with_task_id(log, result.id)
        if done:
            break
    assert done, "the worker wrote no JSON line with the task id"
    assert {line["task_name"] for line in done} == {"hilversum_eenzaamheid.tasks.ping"}
    assert all("request_id" not in line for line in done)
