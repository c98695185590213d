"""Fixtures of the security tests: a public activity, a resident's account, no rate limits."""

import pytest

from tests.aanbod.factories import ActiviteitFactory
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    """Hundreds of hostile posts from one address: the rate limits would answer most of them.
    The tests that want the limit's own page turn it back on for themselves."""
    settings.RATELIMIT_ENABLE = False


@pytest.fixture
def activiteit(db):
    return ActiviteitFactory(name="Koffieochtend", slug="koffieochtend")


@pytest.fixture
def inwoner(db):
    """The account the login form's good post uses (tests.factories.PASSWORD)."""
    return UserFactory(username="inwoner", email="inwoner@example.org")
