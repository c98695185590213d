# The README's commands. `make run` serves the portal with SQLite and demo data; `make test` runs
# every check against real PostgreSQL, Redis and Chromium; `make bench` prints the benchmarks.
PYTHON ?= python3
PORT ?= 8000
DEMO_PASSWORD ?= hilversum-demo
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test bench lint format clean

$(VENV)/.installed-run: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed-run

# The embedded default: SQLite under var/, tasks run in-process, mail printed to the console.
run: export DEBUG = true
run: export DEMO_PASSWORD := $(DEMO_PASSWORD)
run: $(VENV)/.installed-run
	@mkdir -p var
	env -u DATABASE_URL -u REDIS_URL -u CELERY_BROKER_URL -u EMAIL_URL $(PY) manage.py migrate --noinput
	env -u DATABASE_URL -u REDIS_URL -u CELERY_BROKER_URL -u EMAIL_URL $(PY) manage.py seed_demo
	@# The English texts (/en/…); without gettext's msgfmt the portal runs in Dutch only.
	@if command -v msgfmt >/dev/null; then \
	  env -u DATABASE_URL $(PY) manage.py compilemessages --ignore=.venv --ignore=var >/dev/null; \
	else echo "  Let op: msgfmt ontbreekt (apt-get install gettext); Engels staat uit."; fi
	@echo
	@echo "  Het portaal draait op http://127.0.0.1:$(PORT)/  (stoppen: Ctrl+C)"
	@echo
	env -u DATABASE_URL -u REDIS_URL -u CELERY_BROKER_URL -u EMAIL_URL $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed-test
	bash scripts/test.sh

bench: $(VENV)/.installed-test
	bash scripts/bench.sh

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
