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
# The English texts, compiled for the suite (the .mo files are not in git). Whether every
# catalogue is complete is a test: tests/i18n/test_catalogues.py runs scripts/messages.sh --check.
log "compilemessages"
$PY manage.py compilemessages --ignore=.venv --ignore=var >/dev/null

# The PostgreSQL and SQLite parts run side by side (one core each), each with its own Redis
# database and media folder so that neither sees the other's queues or files. The PostgreSQL
# part's output follows when both are done.
log "pytest on PostgreSQL (all but browser tests) and, beside it, on SQLite (tests marked sqlite)"
REDIS_BASE=${TEST_REDIS_URL%/*}
DATABASE_URL="$DATABASE_URL_PG" TEST_REDIS_URL="$REDIS_BASE/1" MEDIA_ROOT="$RESULTS/media-pg" \
  $PY -m pytest -m "not e2e" \
  -p no:cacheprovider --junitxml="$RESULTS/postgresql.xml" "$@" >"$RESULTS/postgresql.log" 2>&1 &
pg_pid=$!
sqlite_status=0
TEST_REDIS_URL="$REDIS_BASE/2" MEDIA_ROOT="$RESULTS/media-sqlite" \
  $PY -m pytest -m "sqlite and not e2e" -p no:cacheprovider --junitxml="$RESULTS/sqlite.xml" "$@" || sqlite_status=$?
pg_status=0
wait "$pg_pid" || pg_status=$?
log "pytest on PostgreSQL: output"
cat "$RESULTS/postgresql.log"
[ "$pg_status" -eq 0 ] && [ "$sqlite_status" -eq 0 ] || die "pytest failed (PostgreSQL: $pg_status, SQLite: $sqlite_status)"

log "pytest browser tests in headless Chromium (PostgreSQL)"
DATABASE_URL="$DATABASE_URL_PG" $PY -m pytest -m e2e -p no:cacheprovider \
  --junitxml="$RESULTS/chromium.xml" "$@"

$PY scripts/test_summary.py "$RESULTS" "$(( $(date +%s) - started ))"
rm -rf "$RESULTS"
