"""Every query parameter and every changeable part of a public address against the corpus,
and the portal's own cookies with hostile values: no 500, nothing reflected unescaped, and
the open-data API answers JSON (a 400 with a message for a bad parameter) whatever it gets."""

import pytest

from .corpus import describe, hostile_cookies, hostile_inputs, problems_with
from .send import client, location_problems, query_with
from .targets import COOKIE_PAGES, PATH_TARGETS, QUERY_TARGETS

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

# What a traversal must never reach (the first line of /etc/passwd; the settings module's
# line, not the bare word: the header's language link repeats the address that was asked for).
LEAKS = (b"root:x:0:0", b'SECRET_KEY = env.str("SECRET_KEY"')


def _content(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def _query_problems(target, response, hostile) -> list[str]:
    found = problems_with(response, hostile) + location_problems(response)
    if target.json:
        if not response.get("Content-Type", "").startswith("application/json"):
            found.append(f"answered {response.get('Content-Type')!r}, not JSON")
        if response.status_code not in (200, 400, 404):
            found.append(f"HTTP {response.status_code}")
    return found


@pytest.mark.parametrize("target", QUERY_TARGETS, ids=lambda t: t.name)
def test_hostile_query_parameters_get_a_calm_answer(target, activiteit):
    """Each input in every parameter together; where the view stops at the first bad
    parameter, also in one parameter alone, so that refusal does not hide the others."""
    failures = []
    for number, hostile in enumerate(hostile_inputs()):
        if not hostile.fits_in_a_query_string:
            continue
        tries = [target.parameters]
        if target.one_by_one:
            tries.append((target.parameters[number % len(target.parameters)],))
        for parameters in tries:
            url = target.path + query_with(parameters, hostile)
            response = client().get(url, **target.headers)
            found = _query_problems(target, response, hostile)
            if found:
                label = f"{target.name} {','.join(parameters)}"
                failures.append(describe(label, hostile.id, found))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(("name", "pattern"), PATH_TARGETS, ids=[n for n, _p in PATH_TARGETS])
def test_hostile_path_segments_get_a_calm_answer(name, pattern, activiteit):
    failures = []
    for hostile in hostile_inputs():
        if not hostile.fits_in_a_query_string:
            continue
        response = client().get(pattern.replace("{}", hostile.segment))
        found = problems_with(response, hostile)
        if response.status_code == 200 and any(leak in _content(response) for leak in LEAKS):
            found.append("served a file from outside the static folders")
        if found:
            failures.append(describe(name, hostile.id, found))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("path", COOKIE_PAGES)
def test_hostile_cookie_values_get_a_calm_answer(path):
    names, values = hostile_cookies()
    failures = []
    for name in names:
        for hostile in values:
            browser = client()
            # WSGI hands header bytes over as Latin-1: what a browser sends as UTF-8 arrives so.
            browser.cookies[name] = hostile.values[0].encode("utf-8").decode("latin-1")
            response = browser.get(path)
            found = problems_with(response, hostile)
            if found:
                failures.append(describe(f"{path} cookie {name}", hostile.id, found))
    assert not failures, "\n".join(failures)
