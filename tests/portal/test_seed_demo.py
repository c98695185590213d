import pytest
from django.contrib.auth import authenticate
from django.core import serializers
from django.core.management import call_command

from coalitie.models import Organisatie

SNAPSHOT_MODELS = ["auth.user", "auth.group", "coalitie.organisatie", "coalitie.medewerker"]


def snapshot() -> str:
    from django.apps import apps

    objects = []
    for label in SNAPSHOT_MODELS:
        objects.extend(apps.get_model(label).objects.order_by("pk"))
    return serializers.serialize("json", objects)


@pytest.mark.sqlite
def test_seed_demo_twice_changes_nothing(db, capsys):
    call_command("seed_demo")
    first = snapshot()
    call_command("seed_demo")
    assert snapshot() == first
    assert "0 nieuw of bijgewerkt" in capsys.readouterr().out.split("Demo-accounts")[-2]


@pytest.mark.sqlite
def test_demo_users_log_in_with_the_demo_password(db, settings):
    settings.DEMO_PASSWORD = "een-ander-demo-wachtwoord"
    call_command("seed_demo")
    for username in ["kartrekker", "coordinator", "kerngroep", "aanbieder"]:
        assert authenticate(username=username, password="een-ander-demo-wachtwoord"), username
        assert authenticate(username=username, password="hilversum-demo") is None


@pytest.mark.sqlite
def test_changed_demo_password_is_applied_on_the_next_run(db, settings):
    call_command("seed_demo")
    settings.DEMO_PASSWORD = "nieuw-demo-wachtwoord"
    call_command("seed_demo")
    assert authenticate(username="kartrekker", password="nieuw-demo-wachtwoord")


@pytest.mark.sqlite
def test_demo_accounts_have_their_roles_and_organisations(db, django_user_model):
    call_command("seed_demo")
    users = {u.username: u for u in django_user_model.objects.prefetch_related("groups")}
    assert [g.name for g in users["coordinator"].groups.all()] == ["meldpunt-coordinator"]
    assert users["aanbieder"].medewerker.organisatie.name == "Senver"
    assert users["kerngroep"].medewerker.organisatie.name == "Versa Welzijn"
    assert not any(u.is_superuser or u.is_staff for u in users.values())


@pytest.mark.sqlite
def test_seed_demo_loads_the_partners_named_in_the_programme(db):
    call_command("seed_demo")
    from coalitie.demo import PARTNERS

    names = set(Organisatie.objects.values_list("name", flat=True))
    assert {"Gemeente Hilversum", "Senver", "Present Hilversum", "MEE"} <= names
    assert {name for name, _description in PARTNERS} <= names


@pytest.mark.sqlite
def test_seed_demo_prints_the_logins(db, capsys, settings):
    settings.DEBUG = True
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "kartrekker" in out and "aanbieder" in out
    assert settings.DEMO_PASSWORD in out
