"""docker-compose.yml cannot be started here; these tests keep it in line with the settings."""

import re

import pytest
import yaml

from .helpers import ROOT

PORTAL_SERVICES = ["web", "worker", "beat"]
REQUIRED_IN_PRODUCTION = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "HTTPS",
    "DATABASE_URL",
    "REDIS_URL",
    "EMAIL_URL",
}


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def names_read_by_settings() -> set[str]:
    source = (ROOT / "hilversum_eenzaamheid" / "settings.py").read_text()
    return set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z_]+)"', source))


@pytest.mark.sqlite
def test_compose_has_the_five_services_with_health_checks():
    services = compose()["services"]
    assert set(services) == {"web", "worker", "beat", "postgres", "redis"}
    for name, service in services.items():
        assert service.get("healthcheck", {}).get("test"), f"{name} has no health check"
    assert services["postgres"]["image"].startswith("postgres:15")


@pytest.mark.sqlite
def test_compose_keeps_database_and_media_in_volumes():
    config = compose()
    assert {"pgdata", "media"} <= set(config["volumes"])
    assert "pgdata:/var/lib/postgresql/data" in config["services"]["postgres"]["volumes"]
    for name in PORTAL_SERVICES:
        assert "media:/app/media" in config["services"][name]["volumes"]


@pytest.mark.sqlite
def test_every_compose_variable_is_a_setting_and_every_production_setting_is_set():
    known = names_read_by_settings()
    assert known >= REQUIRED_IN_PRODUCTION
    for name in PORTAL_SERVICES:
        environment = set(compose()["services"][name]["environment"])
        assert environment <= known, f"{name} sets unknown variables {environment - known}"
        assert environment >= REQUIRED_IN_PRODUCTION


@pytest.mark.sqlite
def test_compose_points_the_portal_at_its_own_postgres_and_redis():
    environment = compose()["services"]["web"]["environment"]
    assert "@postgres:5432/" in environment["DATABASE_URL"]
    assert environment["REDIS_URL"] == "redis://redis:6379/0"
    assert environment["DEBUG"] == "false"


@pytest.mark.sqlite
def test_worker_and_beat_run_the_project_celery_app():
    services = compose()["services"]
    assert services["worker"]["command"].startswith("celery -A hilversum_eenzaamheid worker")
    assert services["beat"]["command"].startswith("celery -A hilversum_eenzaamheid beat")
