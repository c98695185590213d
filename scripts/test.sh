#!/usr/bin/env bash
# `make test`: lint, migrations check, the suite on PostgreSQL, the `sqlite` subset on SQLite, and
# the browser tests, against a throwaway PostgreSQL cluster and Redis server started here.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh

PY=.venv/bin/python
RESULTS=$(mktemp -d /tmp/hilversum-results.XXXXXX)
started=$(date +%s)

ensure_packages
services_start

# The suite must not pick up a developer's own settings.
unset DATABASE_URL REDIS_URL CELERY_BROKER_URL CELERY_RESULT_BACKEND EMAIL_URL DEBUG
export REQUIRE_TEST_SERVICES=1 PYTHONDONTWRITEBYTECODE=1

log "ruff check"
.venv/bin/ruff check .
log "ruff format --check"
.venv/bin/ruff format --check .
log "makemigrations --check"
$PY manage.py makemigrations --check --dry-run

log "pytest on PostgreSQL (all but browser tests)"
DATABASE_URL="$DATABASE_URL_PG" $PY -m pytest -m "not e2e" -p no:cacheprovider \
  --junitxml="$RESULTS/postgresql.xml" "$@"

log "pytest on SQLite (tests marked sqlite)"
$PY -m pytest -m "sqlite and not e2e" -p no:cacheprovider --junitxml="$RESULTS/sqlite.xml" "$@"

log "pytest browser tests in headless Chromium (PostgreSQL)"
DATABASE_URL="$DATABASE_URL_PG" $PY -m pytest -m e2e -p no:cacheprovider \
  --junitxml="$RESULTS/chromium.xml" "$@"

$PY scripts/test_summary.py "$RESULTS" "$(( $(date +%s) - started ))"
rm -rf "$RESULTS"
