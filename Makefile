# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint migrations-check messages install install-dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

# axe-core, which the browser tests load into each page (package.json, from npm).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# Local development and tests run with DEBUG on; production never has this file.
.env:
	printf 'DJANGO_DEBUG=true\n' > .env

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev node_modules/.package-lock.json

## Set up, load the demo community and serve the site on http://127.0.0.1:8000
run: install .env
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py seed_demo
	DJANGO_DEMO=true $(BIN)/python manage.py runserver 127.0.0.1:8000

## Install what the tests need and run the whole test suite (one process per core)
test: install-dev .env
	$(BIN)/python -m pytest -n auto --dist loadgroup

## Style, formatting, Django idioms, the templates' indentation, the architecture's import
## rules and the types (pyproject.toml); pre-commit runs the same checks on each commit
lint: install-dev
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .
	git ls-files -z '*.py' ':!:*/migrations/*' | xargs -0 $(BIN)/django-upgrade --target-version 5.2
	$(BIN)/djhtml --check templates
	$(BIN)/lint-imports
	$(BIN)/mypy

migrations-check: install .env
	$(BIN)/python manage.py makemigrations --check --dry-run

## Gather the strings to translate into locale/*/django.po, then compile them
messages: install .env
	$(BIN)/python manage.py makemessages -l uk --no-obsolete --ignore=tests --ignore=bench --ignore=node_modules
	$(BIN)/python manage.py compilemessages --ignore=.venv
