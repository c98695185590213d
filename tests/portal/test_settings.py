import pytest

from .helpers import manage, run_python, settings_in_process

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "p" * 20 + "-a-long-random-production-secret-of-more-than-fifty-characters",
    "ALLOWED_HOSTS": "eenzaamheid.hilversum.nl",
    "HTTPS": "true",
    "BEHIND_PROXY": "true",
    "DATABASE_URL": "postgres://portal:secret@postgres:5432/portal",
    "REDIS_URL": "redis://redis:6379/0",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.hilversum.nl:587",
}


@pytest.mark.sqlite
def test_check_deploy_reports_nothing_with_production_variables():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.sqlite
def test_check_deploy_complains_about_local_defaults():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env={})
    assert result.returncode != 0
    assert "security.W009" in result.stderr  # the built-in local-only SECRET_KEY
    assert "security.W004" in result.stderr  # no HSTS without HTTPS


@pytest.mark.sqlite
def test_local_defaults_use_sqlite_eager_tasks_and_console_mail():
    values = settings_in_process(
        {}, "DATABASES", "CELERY_TASK_ALWAYS_EAGER", "EMAIL_BACKEND", "DEBUG", "DEMO_PASSWORD"
    )
    assert values["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert values["DATABASES"]["default"]["NAME"].endswith("var/db.sqlite3")
    assert values["CELERY_TASK_ALWAYS_EAGER"] is True
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert values["DEBUG"] is False
    assert values["DEMO_PASSWORD"] == "hilversum-demo"


@pytest.mark.sqlite
def test_production_variables_reach_the_settings():
    values = settings_in_process(
        {**PRODUCTION, "DEMO_PASSWORD": "ander-wachtwoord"},
        "DATABASES",
        "CELERY_BROKER_URL",
        "CELERY_TASK_ALWAYS_EAGER",
        "CACHES",
        "EMAIL_BACKEND",
        "EMAIL_HOST",
        "EMAIL_PORT",
        "EMAIL_USE_TLS",
        "ALLOWED_HOSTS",
        "SESSION_COOKIE_SECURE",
        "SECURE_HSTS_SECONDS",
        "DEMO_PASSWORD",
    )
    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["NAME"], database["USER"]) == (
        "postgres",
        "portal",
        "portal",
    )
    assert values["CELERY_BROKER_URL"] == "redis://redis:6379/0"
    assert values["CELERY_TASK_ALWAYS_EAGER"] is False
    assert values["CACHES"]["default"]["BACKEND"] == "hilversum_eenzaamheid.cache.RedisCache"
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (values["EMAIL_HOST"], values["EMAIL_PORT"], values["EMAIL_USE_TLS"]) == (
        "smtp.hilversum.nl",
        587,
        True,
    )
    assert values["ALLOWED_HOSTS"] == ["eenzaamheid.hilversum.nl"]
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_SECONDS"] == 31536000
    assert values["DEMO_PASSWORD"] == "ander-wachtwoord"


@pytest.mark.sqlite
def test_celery_broker_url_wins_over_redis_url():
    values = settings_in_process(
        {"REDIS_URL": "redis://cache:6379/1", "CELERY_BROKER_URL": "redis://broker:6379/0"},
        "CELERY_BROKER_URL",
    )
    assert values["CELERY_BROKER_URL"] == "redis://broker:6379/0"


@pytest.mark.sqlite
def test_collectstatic_writes_a_manifest_that_the_pages_then_use(tmp_path):
    env = {"STATIC_MANIFEST": "true", "STATIC_ROOT": str(tmp_path / "static")}
    result = manage("collectstatic", "--noinput", env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "static" / "staticfiles.json").exists()
    code = (
        "import django; django.setup(); from django.templatetags.static import static; "
        "print(static('vendor/bootstrap/bootstrap.min.css'))"
    )
    url = run_python(code, env).stdout.strip()
    assert url.startswith("/static/vendor/bootstrap/bootstrap.min.") and url.endswith(".css")
    assert url != "/static/vendor/bootstrap/bootstrap.min.css"  # hashed name
