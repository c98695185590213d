"""A forged session cookie is no session: no database query, no 500 (PostgreSQL refuses NUL)."""

import pytest
from django.contrib.sessions.models import Session

from hilversum_eenzaamheid.sessions import SessionStore

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


@pytest.mark.parametrize(
    "key",
    ["abcdefgh\0ijkl", "a" * 31, "a" * 33, "A" * 32, "<script>alert(1)</script>", "é" * 32],
    ids=repr,
)
def test_a_key_django_never_makes_is_no_session_and_asks_nothing(key, django_assert_num_queries):
    store = SessionStore(key)
    with django_assert_num_queries(0):
        assert store.session_key is None
        assert store.get("anything") is None


def test_sessions_django_makes_still_work():
    store = SessionStore()
    store["kleur"] = "blauw"
    store.save()
    assert Session.objects.filter(session_key=store.session_key).exists()
    assert SessionStore(store.session_key)["kleur"] == "blauw"


def test_a_logged_in_session_survives_the_check(client, django_user_model):
    user = django_user_model.objects.create_user("inwoner", password="x" * 20)
    client.force_login(user)
    response = client.get("/werkruimte/")
    # Logged in (no role): the werkruimte refuses, it does not send to the login page.
    assert response.status_code == 403
