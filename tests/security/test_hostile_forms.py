"""Every public form against the hostile-input corpus: no 500, nothing reflected unescaped,
a Dutch error summary whenever the form comes back, and no redirect away from the portal.

Each input is sent twice per form: in every field at once (the form refuses it and shows it
again), and in one field of a post that is otherwise good, so it also reaches the service and
the database. The field turns with each input, so every field gets its share of the corpus
and the run stays short; the corpus grows by adding lines to hostile_inputs.yaml.
"""

import pytest
from axes.utils import reset as axes_reset

from .corpus import describe, hostile_inputs
from .send import FORM_TYPE, body_with, client, form_answer_problems
from .targets import form_targets

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

TARGETS = form_targets()
# The honeypot stays empty when "every field" is hostile, or the form would pretend to accept
# the post without looking at the rest (that path is covered by the one-field posts).
HONEYPOT = "website"


# Where a form shows what was typed on a page of its own (over the rate limit, or an expired
# CSRF token), the inputs that test escaping and decoding; the rest adds nothing there.
ECHO_KINDS = {"html", "rtl", "control", "encoding", "repeated"}


def _post(url: str, body: str, **kwargs):
    response = client(**kwargs).post(url, body, content_type=FORM_TYPE)
    if url.startswith("/inloggen/"):
        axes_reset()  # a lock-out after five bad logins would answer every later post alike
    return response


def _echo_inputs():
    return [hostile for hostile in hostile_inputs() if hostile.kind in ECHO_KINDS]


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_hostile_input_in_every_field_is_refused_calmly(target, activiteit, inwoner):
    url = target.url(activiteit.slug)
    fields = [name for name in target.fields if name != HONEYPOT]
    failures = []
    for hostile in hostile_inputs():
        response = _post(url, body_with(target.valid, hostile, fields))
        found = form_answer_problems(response, hostile, target.fields[0])
        if found:
            failures.append(describe(target.name, hostile.id, found))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_hostile_input_in_one_field_of_a_good_post_is_handled(target, activiteit, inwoner):
    url = target.url(activiteit.slug)
    good = _post(url, body_with(target.valid, None, ()))
    assert good.status_code == target.good_status, "the good post must pass"
    failures = []
    for number, hostile in enumerate(hostile_inputs()):
        name = target.fields[number % len(target.fields)]
        response = _post(url, body_with(target.valid, hostile, [name]))
        found = form_answer_problems(response, hostile, target.fields[0])
        if found:
            failures.append(describe(f"{target.name} field {name}", hostile.id, found))
    assert not failures, "\n".join(failures)


RATE_LIMITED = [target for target in TARGETS if target.rate_limit]


@pytest.mark.parametrize("target", RATE_LIMITED, ids=lambda t: t.name)
def test_rate_limit_page_shows_hostile_input_escaped(target, activiteit, settings, monkeypatch):
    """Over the limit, the form comes back with what was typed: escaped, and in Dutch."""
    settings.RATELIMIT_ENABLE = True
    if target.rate_limit.isupper():
        setattr(settings, target.rate_limit, "0/h")
    else:
        monkeypatch.setattr(target.rate_limit, "0/h")
    url = target.url(activiteit.slug)
    failures = []
    for hostile in _echo_inputs():
        response = _post(url, body_with(target.valid, hostile, target.fields))
        found = form_answer_problems(response, hostile, "-")
        # 400: a body too big to read is refused before the limit is counted.
        if response.status_code not in (429, 400):
            found.append(f"HTTP {response.status_code} instead of 429")
        if found:
            failures.append(describe(target.name, hostile.id, found))
    assert not failures, "\n".join(failures)


def test_melding_without_csrf_token_comes_back_with_the_input_escaped():
    """The meldpunt form is shown again with what was typed when its token is missing or
    old (meldpunt.views.csrf_failure). The other forms' token failures: test_hostile_requests."""
    (target,) = [t for t in TARGETS if t.name == "meldpunt"]
    url = target.url()
    failures = []
    for hostile in _echo_inputs():
        body = body_with(target.valid, hostile, target.fields)
        response = _post(url, body, enforce_csrf_checks=True)
        found = form_answer_problems(response, hostile, "-")
        if response.status_code not in (403, 400):
            found.append(f"HTTP {response.status_code} instead of 403")
        if found:
            failures.append(describe(target.name, hostile.id, found))
    assert not failures, "\n".join(failures)
