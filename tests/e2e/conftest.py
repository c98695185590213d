"""Fixtures for the browser tests: one headless Chromium per session, a fresh context per test.

Playwright cannot download its own browser on these machines, so the tests drive Debian's
Chromium (see ../shared/PITFALLS.md).
"""

import shutil

import pytest

from aanbod.indexing import activiteit_reindex
from aanbod.models import Term
from tests.aanbod.factories import ActiviteitFactory
from tests.e2e.browser import PageVisitor
from wijken.models import Wijk

CHROMIUM = "/usr/bin/chromium"
# Without these Chromium tries to reach Google at start; those requests are refused here.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Allow database queries next to Playwright, for the browser tests only.

    Playwright's sync API leaves an event loop marked as running in the test thread, and Django
    then refuses every query from it (SynchronousOnlyOperation), including the factories' and
    the test database's own setup. Set process-wide, the variable would leak into subprocesses
    of other tests: `check --deploy` rightly fails on it (async.E001).
    """
    if item.get_closest_marker("e2e") is None:
        return (yield)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        return (yield)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    serialized = _serialized_contents()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        _keep_serialized_contents(serialized)
        yield browser
        browser.close()


def _serialized_contents() -> dict[str, str]:
    from django.db import connections

    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


def _keep_serialized_contents(serialized: dict[str, str]) -> None:
    """Let `serialized_rollback` restore the migrations' data while Playwright runs.

    Between its calls Playwright's sync API leaves its event loop marked as running in this
    thread. Django then hands out other connection objects (asgiref keeps them per context, not
    per thread), and those lack the copy of the data migrations' rows (the role groups, the
    vocabularies) that the test database setup took. Without it, the flush after each
    transactional test deletes those rows for good.
    """
    from django.db import connections

    for alias, contents in serialized.items():
        connections[alias]._test_serialized_contents = contents


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The live server serves /static/ from the source folders (staticfiles finders), so pages
    # must link to plain names even where an old `collectstatic` manifest sits in var/static/:
    # hashed names from it would 404 or, worse, test stale copies of the CSS.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def _new_visitor(browser, live_server, request, *, javascript: bool) -> PageVisitor:
    # bypass_csp: axe-core is injected as an inline script, which a strict CSP would block.
    context = browser.new_context(
        bypass_csp=True,
        java_script_enabled=javascript,
        locale="nl-NL",
        viewport={"width": 1280, "height": 800},
    )
    request.addfinalizer(context.close)
    return PageVisitor(context.new_page(), live_server.url, name=request.node.name)


@pytest.fixture
def visitor(browser, live_server, request) -> PageVisitor:
    """A fresh browser tab, with JavaScript on, that audits every page it opens."""
    return _new_visitor(browser, live_server, request, javascript=True)


@pytest.fixture
def visitor_without_js(browser, live_server, request) -> PageVisitor:
    """A fresh browser tab with JavaScript switched off."""
    return _new_visitor(browser, live_server, request, javascript=False)


@pytest.fixture
def wandelclub():
    """An activity in Oost for seniors against social loneliness: what the self-check suggests."""
    activiteit = ActiviteitFactory(
        name="Wandelclub Oost",
        slug="wandelclub-oost",
        short_description="Elke week samen wandelen en daarna koffie.",
        heel_hilversum=False,
    )
    activiteit.terms.set(Term.objects.filter(code__in=["sociaal", "senioren"]))
    activiteit.wijken.set(Wijk.objects.filter(slug="oost"))
    activiteit_reindex(ids=[activiteit.pk])  # as the services do after every change
    return activiteit


def pytest_collection_modifyitems(config, items):
    """Browser tests need a live server, so they flush the database after each test. Without
    serialized_rollback the flush re-creates content types, and the next test that restores
    the serialized database then fails on duplicates: refuse such a test at collection."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if item.get_closest_marker("e2e") is None or marker is None:
            continue
        if marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(
                f"{item.nodeid}: use pytest.mark.django_db(transaction=True, "
                "serialized_rollback=True) in browser tests"
            )
