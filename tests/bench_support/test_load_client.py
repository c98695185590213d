"""The measuring code of the load benchmark (tests/bench/load_client.py), which `make test`
checks because `make bench` is not run on every change: a wrong percentile or a 404 that is
not counted as an error would quietly make every load figure wrong."""

import random
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.bench.bench_aanbod_search import DOELGROEPEN, WIJKEN
from tests.bench.bench_load import DAG_CODES, DAGDELEN, TYPES, search_path
from tests.bench.load_client import (
    ALL,
    Sample,
    form_value,
    is_success,
    percentile,
    reference_from,
    run_users,
    summarise,
)


def test_percentile_is_the_nearest_rank_whatever_the_order():
    values = [v / 1000 for v in range(20, 0, -1)]  # 0.020 … 0.001, reversed
    assert percentile(values, 50) == 0.010
    assert percentile(values, 95) == 0.019
    assert percentile(values, 100) == 0.020
    assert percentile([0.3], 95) == 0.3
    # Never an interpolation: with two values the median is the lower one.
    assert percentile([1.0, 3.0], 50) == 1.0


def test_percentile_refuses_no_values_and_impossible_ranks():
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        percentile([1.0], 0)
    with pytest.raises(ValueError):
        percentile([1.0], 101)


def test_summarise_gives_each_kind_its_own_figures_and_a_total():
    samples = [Sample("search", s, True) for s in (0.1, 0.2, 0.3, 0.4)] + [
        Sample("folder", 2.0, True),
        Sample("folder", 4.0, False),
    ]
    stats = summarise(samples, duration=2.0)
    assert list(stats) == ["search", "folder", ALL]
    assert (stats["search"].requests, stats["search"].errors) == (4, 0)
    assert stats["search"].rps == 2.0
    assert stats["search"].median_ms == pytest.approx(200)
    assert stats["search"].p95_ms == pytest.approx(400)
    assert (stats["folder"].requests, stats["folder"].errors) == (2, 1)
    assert stats["folder"].median_ms == pytest.approx(2000)
    assert (stats[ALL].requests, stats[ALL].errors, stats[ALL].rps) == (6, 1, 3.0)
    assert stats[ALL].p95_ms == pytest.approx(4000)


def test_only_2xx_and_3xx_count_as_success():
    assert [is_success(s) for s in (200, 204, 302, 399)] == [True] * 4
    assert [is_success(s) for s in (101, 400, 403, 404, 429, 500, 502)] == [False] * 7


def test_form_value_and_reference_read_what_django_renders():
    page = (
        '<input type="hidden" name="csrfmiddlewaretoken" value="abc&amp;123">'
        '<input type="hidden" name="started" value="1700000000.0:x-Y_z" id="id_started">'
    )
    assert form_value(page, "csrfmiddlewaretoken") == "abc&123"
    assert form_value(page, "started") == "1700000000.0:x-Y_z"
    assert form_value(page, "missing") is None
    assert reference_from("/meldpunt/bedankt/M-2026-00042/") == "M-2026-00042"
    assert reference_from("http://127.0.0.1:1/meldpunt/bedankt/AB12/?x=1") == "AB12"
    assert reference_from("/meldpunt/") is None
    assert reference_from(None) is None


def test_search_paths_vary_and_use_only_real_filter_values():
    allowed = {
        "wijk": set(WIJKEN),
        "dag": set(DAG_CODES),
        "doelgroep": set(DOELGROEPEN),
        "type": set(TYPES),
        "dagdeel": set(DAGDELEN),
        "kosten": {"gratis"},
        "toegankelijk": {"rolstoel", "ringleiding"},
        "wanneer": {"vandaag", "deze-week"},
        "pagina": {"2"},
    }
    rng = random.Random(1)
    paths = [search_path(rng) for _ in range(500)]
    assert len(set(paths)) > 250  # most searches are new, so most are computed
    for path in paths:
        parts = urlsplit(path)
        assert parts.path == "/aanbod/"
        for name, value in parse_qsl(parts.query):
            assert name == "q" or value in allowed[name], path


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/cookie":
            self.send_response(200)
            self.send_header("Set-Cookie", "csrftoken=tok123; Path=/; SameSite=Lax")
        elif self.path == "/echo":
            self.send_response(200 if self.headers.get("Cookie") == "csrftoken=tok123" else 403)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def test_users_keep_their_cookies_and_every_404_counts_as_an_error(server):
    def step(session, rng):
        session.request("cookie", "GET", "/cookie")
        session.request("echo", "GET", "/echo")  # 403 unless the cookie came back
        session.request("missing", "GET", "/missing")

    samples, duration = run_users(host="127.0.0.1", port=server, users=3, seconds=0.3, step=step)
    stats = summarise(samples, duration)
    assert duration >= 0.3
    assert stats["cookie"].requests >= 3  # every user went round at least once
    assert stats["cookie"].errors == 0
    assert stats["echo"].errors == 0
    assert stats["missing"].errors == stats["missing"].requests > 0
    assert stats[ALL].errors == stats["missing"].requests


def test_a_refused_connection_is_an_error_not_a_crash():
    def step(session, rng):
        session.request("gone", "GET", "/")

    # Port 9 (discard) on loopback: nothing listens there on a test machine.
    samples, _duration = run_users(host="127.0.0.1", port=9, users=2, seconds=0.1, step=step)
    assert samples and all(not s.ok for s in samples)
