"""docker-compose.yml cannot be started here; these tests keep it in line with the settings.

The backup service's script is run for real, outside Docker, against a PostgreSQL cluster of
the test's own: only its folder (/backups) and its `sleep` are swapped.
"""

import os
import re
import subprocess
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import yaml

from .helpers import ROOT
from .throwaway_postgres import new_cluster

PORTAL_SERVICES = ["web", "worker", "beat"]
AMSTERDAM = ZoneInfo("Europe/Amsterdam")  # the backup service's TZ
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
def test_compose_has_the_six_services_with_health_checks():
    services = compose()["services"]
    assert set(services) == {"web", "worker", "beat", "postgres", "redis", "backup"}
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


@pytest.mark.sqlite
def test_web_leaves_access_logging_to_the_portal_and_logs_json():
    config = compose()
    web = config["services"]["web"]
    # gunicorn's access log prints query strings; RequestIdMiddleware logs requests without.
    assert "--access-logfile" not in web["command"]
    for name in PORTAL_SERVICES:
        assert config["services"][name]["environment"]["LOG_FORMAT"] == "${LOG_FORMAT:-json}"


@pytest.mark.sqlite
def test_backup_service_dumps_the_portal_database_nightly_into_its_own_volume():
    config = compose()
    backup = config["services"]["backup"]
    assert backup["image"] == config["services"]["postgres"]["image"] == "postgres:15"
    assert backup["volumes"] == ["backups:/backups"]
    assert "backups" in config["volumes"]
    assert backup["depends_on"]["postgres"]["condition"] == "service_healthy"
    environment = backup["environment"]
    assert environment["PGHOST"] == "postgres"
    postgres = config["services"]["postgres"]["environment"]
    assert environment["PGUSER"] == postgres["POSTGRES_USER"]
    assert environment["PGPASSWORD"] == postgres["POSTGRES_PASSWORD"]
    assert environment["PGDATABASE"] == postgres["POSTGRES_DB"]
    assert environment["BACKUP_KEEP"] == "${BACKUP_KEEP:-14}"
    assert environment["BACKUP_TIME"] == "${BACKUP_TIME:-02:00}"
    script = backup_script()
    assert 'pg_dump -Fc -f "$name.partial"' in script
    assert "tail -n +$((BACKUP_KEEP + 1))" in script
    assert "tomorrow $BACKUP_TIME" in script
    assert "-mmin -1560" in " ".join(backup["healthcheck"]["test"])


def backup_script() -> str:
    """The service's shell script as the container's bash sees it ($$ is compose's escape)."""
    (script,) = compose()["services"]["backup"]["command"]
    return script.replace("$$", "$")


@pytest.fixture(scope="module")
def cluster():
    cluster = new_cluster()
    try:
        yield cluster
    finally:
        cluster.remove()


def psql(cluster, sql: str) -> str:
    result = subprocess.run(
        [str(cluster.bin_dir / "psql"), cluster.url, "-XAtqc", sql],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def run_backup_service(cluster, folder, **env) -> subprocess.CompletedProcess:
    """Run the service's script until it would first sleep, which prints the seconds and ends."""
    script = backup_script().replace("/backups", str(folder))
    shim = 'sleep() { echo "SLEEP $1"; exit 0; }\n'
    return subprocess.run(
        ["bash", "-c", shim + script],
        env={
            "PATH": f"{cluster.bin_dir}:{os.environ['PATH']}",
            "PGHOST": "127.0.0.1",
            "PGPORT": str(cluster.port),
            "PGUSER": "postgres",
            "PGDATABASE": "postgres",
            "TZ": "Europe/Amsterdam",
            "BACKUP_TIME": "02:00",
            "BACKUP_KEEP": "14",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_backup_script_dumps_at_once_keeps_the_newest_14_and_then_waits_for_the_night(
    cluster, tmp_path
):
    two_days_ago = time.time() - 2 * 86400
    for day in range(1, 17):
        old = tmp_path / f"portal-202401{day:02}-020000.dump"
        old.write_bytes(b"old")
        os.utime(old, (two_days_ago, two_days_ago))
    (tmp_path / "portal-20240117-020000.dump.partial").write_bytes(b"interrupted")

    result = run_backup_service(cluster, tmp_path)

    assert result.returncode == 0, result.stderr
    dumps = sorted(p.name for p in tmp_path.glob("portal-*.dump"))
    assert len(dumps) == 14
    newest = tmp_path / dumps[-1]
    assert newest.name.startswith(f"portal-{datetime.now(AMSTERDAM):%Y%m%d}")
    assert dumps[0] == "portal-20240104-020000.dump"  # the three oldest were removed
    listing = subprocess.run(
        [str(cluster.bin_dir / "pg_restore"), "--list", str(newest)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert listing.returncode == 0, "the dump is a valid custom-format archive"
    assert newest.stat().st_mode & 0o077 == 0, "only its owner may read a dump"
    seconds = int(result.stdout.split("SLEEP ")[-1])
    assert 0 < seconds <= 86400, "it sleeps until the next BACKUP_TIME"
    healthy = subprocess.run(
        ["bash", "-c", f"find {tmp_path} -name 'portal-*.dump' -mmin -1560 | grep -q ."],
        check=False,
    )
    assert healthy.returncode == 0


def test_backup_script_skips_the_start_dump_when_last_nights_dump_is_there(cluster, tmp_path):
    (tmp_path / "portal-20240101-020000.dump").write_bytes(b"recent")
    soon = (datetime.now(AMSTERDAM) + timedelta(hours=1)).strftime("%H:%M")
    result = run_backup_service(cluster, tmp_path, BACKUP_TIME=soon)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["portal-20240101-020000.dump"]
    assert 3000 < int(result.stdout.split("SLEEP ")[-1]) <= 3600


def test_a_dump_restores_with_the_readme_command(cluster, tmp_path):
    psql(cluster, "CREATE TABLE melding (id serial PRIMARY KEY, kenmerk text NOT NULL)")
    psql(cluster, "INSERT INTO melding (kenmerk) VALUES ('MP-1'), ('MP-2')")
    run_backup_service(cluster, tmp_path)
    (dump,) = tmp_path.glob("portal-*.dump")
    psql(cluster, "DELETE FROM melding WHERE kenmerk = 'MP-1'; ALTER TABLE melding ADD x int")

    readme = (ROOT / "README.md").read_text()
    assert "pg_restore --clean --if-exists --single-transaction" in readme
    subprocess.run(
        [
            *(str(cluster.bin_dir / "pg_restore"), "--clean", "--if-exists"),
            *("--single-transaction", "-d", cluster.url, str(dump)),
        ],
        check=True,
        timeout=120,
    )
    assert psql(cluster, "SELECT string_agg(kenmerk, ',' ORDER BY id) FROM melding") == "MP-1,MP-2"
    assert (
        psql(cluster, "SELECT count(*) FROM information_schema.columns WHERE column_name='x'")
        == "0"
    )
