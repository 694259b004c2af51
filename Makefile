# Two commands do everything: `make run` (set up and serve) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000
# psycopg2 is built against libpq-dev; without pg_config (no libpq-dev) the site runs on SQLite.
comma := ,
EXTRAS := test$(if $(shell command -v pg_config),$(comma)postgres)

.PHONY: run test install migrate messages demo lint format clean node-tools

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[$(EXTRAS)]"
	touch $@

install: $(VENV)/.installed

# Compiled catalogues are committed; with gettext installed they are rebuilt from the .po files.
messages: install
	@if command -v msgfmt >/dev/null; then \
		$(PY) manage.py compilemessages --ignore=$(VENV) -v0; \
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

test: messages node-tools
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache node_modules
