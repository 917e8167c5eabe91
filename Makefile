# GNV-portalen. `make run` and `make test` are the two commands a new user tries first;
# both start with `make install`, which installs only what is missing.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
# kaleido (chart export) must use Debian's chromium, never download a browser.
export BROWSER_PATH ?= /usr/bin/chromium

.PHONY: install install-test run test test-sqlite test-postgres lint bench loadtest messages clean

install: .stamps/system-runtime $(VENV)/.installed node_modules/.installed messages

install-test: install .stamps/system-test $(VENV)/.installed-test

.stamps/system-runtime: tools/install-system-packages.sh
	tools/install-system-packages.sh runtime
	@mkdir -p .stamps && touch $@

.stamps/system-test: tools/install-system-packages.sh
	tools/install-system-packages.sh test
	@mkdir -p .stamps && touch $@

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PIP) install -q -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt $(VENV)/.installed
	$(PIP) install -q -r requirements-test.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

messages: locale/en/LC_MESSAGES/django.mo locale/sv/LC_MESSAGES/django.mo

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po | $(VENV)/.installed
	GNV_DEBUG=true $(PY) manage.py compilemessages -v0

# Development settings with a secret key of this machine's own; manage.py reads them (see
# gnv_portal/devenv.py for when). Never committed, never overwritten.
.env: | $(VENV)/bin/python
	$(PY) -m gnv_portal.devenv

run: install .env
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_reference_data
	$(PY) manage.py load_demo_data
	@echo "GNV-portalen: http://127.0.0.1:8000 (avsluta med Ctrl+C)"
	@mkdir -p var
	@# The background worker (report PDFs, Kolada fetches) runs beside the server and stops with it.
	$(PY) manage.py db_worker > var/worker.log 2>&1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

lint: install-test
	$(VENV)/bin/ruff check .

# The whole suite twice, on SQLite and on a throw-away PostgreSQL; fails if either fails.
test: install-test
	$(VENV)/bin/ruff check .
	@status=0; \
	echo "=== Testsviten på SQLite ==="; \
	$(VENV)/bin/pytest $(PYTEST_ARGS) || status=1; \
	echo "=== Testsviten på PostgreSQL ==="; \
	$(PY) tools/throwaway_postgres.py -- $(VENV)/bin/pytest $(PYTEST_ARGS) || status=1; \
	exit $$status

test-sqlite: install-test
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test-postgres: install-test
	$(PY) tools/throwaway_postgres.py -- $(VENV)/bin/pytest $(PYTEST_ARGS)

# Benchmarks, each on a database of its own (never the user's).
bench: install-test
	$(PY) tools/bench.py
	@set -e; for b in tools/bench_report.py tools/bench_dashboards.py; do \
	  if [ -f $$b ]; then echo "=== $$b ==="; $(PY) $$b; fi; \
	done

# Load test, not part of `make test`: 50 respondents saving and submitting for 60 s against gunicorn,
# on SQLite and on a throw-away PostgreSQL (tools/loadtest.py; LOADTEST_ARGS="--seconds 30").
loadtest: install-test
	@status=0; \
	$(PY) tools/loadtest.py $(LOADTEST_ARGS) || status=1; \
	$(PY) tools/throwaway_postgres.py -- $(PY) tools/loadtest.py $(LOADTEST_ARGS) || status=1; \
	exit $$status

clean:
	rm -rf $(VENV) node_modules .stamps staticfiles
