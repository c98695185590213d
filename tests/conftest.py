import os
import subprocess
import sys

import pytest

from hilversum_eenzaamheid import roles
from tests.factories import MedewerkerFactory, UserFactory


@pytest.fixture(autouse=True)
def fresh_caches():
    """Each test starts with empty caches: the per-process one would carry one test's wijken
    and forms into the next, the default one its rate-limit counts and rendered pages."""
    from django.core.cache import caches

    for alias in ("default", "local"):
        caches[alias].clear()
    yield
    for alias in ("default", "local"):
        caches[alias].clear()


@pytest.fixture(autouse=True)
def rate_limits_ask_the_cache():
    """A test that took the cache down must not leave the next one's limits switched off."""
    from hilversum_eenzaamheid import ratelimit

    ratelimit.reset()
    yield
    ratelimit.reset()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing costs half a second per password; tests check logic, not key stretching."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def kartrekker_user(db):
    return UserFactory(username="kartrekker", roles=[roles.KARTREKKER])


@pytest.fixture
def coordinator_user(db):
    return UserFactory(username="coordinator", roles=[roles.MELDPUNT_COORDINATOR])


@pytest.fixture
def buurtteam_user(db):
    return UserFactory(username="buurtteam", roles=[roles.BUURTTEAM])


@pytest.fixture
def kerngroep_user(db):
    user = UserFactory(username="kerngroep", roles=[roles.KERNGROEP])
    MedewerkerFactory(user=user, organisatie__name="Versa Welzijn")
    return user


@pytest.fixture
def aanbieder_user(db):
    user = UserFactory(username="aanbieder", roles=[roles.AANBIEDER])
    MedewerkerFactory(user=user, organisatie__name="Senver")
    return user


@pytest.fixture
def resident_user(db):
    """An account without any role: logged in, but not staff."""
    return UserFactory(username="inwoner")


@pytest.fixture(
    params=["kartrekker", "coordinator", "buurtteam", "kerngroep", "aanbieder"],
)
def staff_user(request, db):
    """Each staff role in turn."""
    return request.getfixturevalue(f"{request.param}_user")


def _require_services() -> bool:
    """`make test` sets REQUIRE_TEST_SERVICES: a missing service is then a failure, not a skip."""
    return os.environ.get("REQUIRE_TEST_SERVICES") == "1"


@pytest.fixture(scope="session")
def redis_url():
    """URL of the real Redis server that `make test` started."""
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        if _require_services():
            pytest.fail("TEST_REDIS_URL is not set, but make test requires Redis")
        pytest.skip("no TEST_REDIS_URL: start Redis or run make test")
    return url


@pytest.fixture(scope="session")
def celery_worker_process(redis_url, tmp_path_factory):
    """A real `celery worker` process of the project, taking tasks from the real Redis."""
    log = tmp_path_factory.mktemp("celery") / "worker.log"
    env = {
        **os.environ,
        "CELERY_BROKER_URL": redis_url,
        "CELERY_RESULT_BACKEND": redis_url,
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{log.parent / 'worker.db'}"),
    }
    with open(log, "w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "hilversum_eenzaamheid",
                "worker",
                "--pool=solo",
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "no_otp: force_login gives a session without the second login step"
    )
    from tests import snapshot

    snapshot.install()  # serialized_rollback by SQL on PostgreSQL (tests/snapshot.py)


def give_session_the_second_step(client, user) -> None:
    """Mark the client's session as past the second login step, exactly as django_otp.login()
    does after a right code: the id of a confirmed device of the user in the session."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hilversum_eenzaamheid.access_middleware import (
        LAST_SEEN_SESSION_KEY,
        clock,
        mark_device_checked,
    )

    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    # As after a real login: without these the first request would read the device and write
    # the session, two queries that a page's query budget does not count.
    mark_device_checked(session)
    session[LAST_SEEN_SESSION_KEY] = int(clock())
    session.save()


@pytest.fixture(autouse=True)
def force_login_passes_the_second_step(request, monkeypatch):
    """Staff must pass two login steps (issue #7). Tests of everything else log in with
    `client.force_login(user)`; for staff that now also does the second step, so their
    session (and a browser test's copy of its cookie) reaches the werkruimte.
    Tests of the login steps themselves opt out with `@pytest.mark.no_otp`."""
    if request.node.get_closest_marker("no_otp"):
        return
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        # Asked of the database, not roles.is_staff_user: that caches the roles on the
        # test's own user object, which the test may still change.
        if user.is_superuser or user.groups.filter(name__in=roles.ALL_ROLES).exists():
            give_session_the_second_step(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)
