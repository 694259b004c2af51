# Two commands do everything: `make run` (set up and serve) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000
# psycopg2 is built against libpq-dev; without pg_config (no libpq-dev) the site runs on SQLite.
SITE_EXTRAS := $(if $(shell command -v pg_config),[postgres])

.PHONY: run test install test-tools migrate messages demo lint format clean node-tools

# What the site needs (make run); the test tools come on top for make test and make lint.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".$(SITE_EXTRAS)"
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(PY) -m pip install --quiet ".[test]"
	touch $@

install: $(VENV)/.installed
test-tools: $(VENV)/.test-installed

# Compiled catalogues are committed; with gettext installed they are rebuilt from the .po files.
messages: install
	@if command -v msgfmt >/dev/null; then \
		$(PY) manage.py compilemessages --ignore=$(VENV) --ignore=node_modules -v0; \
	else echo "gettext (msgfmt) not installed: using the committed .mo files."; fi

migrate: install
	DEBUG=1 $(PY) manage.py migrate --no-input

demo: migrate
	DEBUG=1 $(PY) manage.py load_demo

run: messages demo
	@echo "Serving on http://$(HOST)/ (Ctrl+C to stop)"
	DEBUG=1 $(PY) manage.py runserver $(HOST)

# Test tools from npm, pinned in package-lock.json: axe-core for the accessibility checks and
# vnu-jar (the W3C Nu HTML checker, run with Java) for the HTML validity test. Without npm the
# tests say how to get them (and skip; CI, with REQUIRE_BROWSER=1, fails).
node-tools:
	@if { [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; } \
		&& command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent; fi

# The whole suite, with line and branch coverage; under the floor in pyproject.toml it fails.
test: messages node-tools test-tools
	$(PY) -m pytest -n auto --cov --cov-report=term

lint: test-tools
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: test-tools
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache node_modules .coverage
