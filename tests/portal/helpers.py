import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Variables a developer or `make test` may have set that would leak into a fresh process.
PORTAL_VARIABLES = [
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "CELERY_RESULT_BACKEND",
    "EMAIL_URL",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "HTTPS",
    "DEMO_PASSWORD",
    "BEHIND_PROXY",
]


def run_python(code: str, env: dict[str, str], timeout: int = 60) -> subprocess.CompletedProcess:
    """Run Python code in a fresh process with the project settings and only these variables."""
    clean = {k: v for k, v in os.environ.items() if k not in PORTAL_VARIABLES}
    clean.update(env)
    clean["DJANGO_SETTINGS_MODULE"] = "hilversum_eenzaamheid.settings"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def settings_in_process(env: dict[str, str], *names: str) -> dict:
    """The values of the named settings as a fresh process with this environment sees them."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {list(names)!r}}}, default=str))"
    )
    result = run_python(code, env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    code = (
        "import sys; from django.core.management import execute_from_command_line; "
        f"execute_from_command_line(['manage.py', *{list(args)!r}])"
    )
    return run_python(code, env)
