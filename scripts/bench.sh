#!/usr/bin/env bash
# `make bench`: the benchmarks of tests/bench/ under gunicorn against a throwaway PostgreSQL
# (and Redis), printed as one table of ratios to the /over/ baseline of the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh

ensure_packages wrk
services_start
unset DATABASE_URL REDIS_URL CELERY_BROKER_URL CELERY_RESULT_BACKEND EMAIL_URL DEBUG
DATABASE_URL="$DATABASE_URL_PG" TEST_REDIS_URL="$TEST_REDIS_URL" .venv/bin/python -m tests.bench
