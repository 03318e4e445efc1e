# Embrace — `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export EMBRACE_DATA_DIR ?= $(CURDIR)/var

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/embrace: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.dev: $(BIN)/embrace requirements-dev.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	touch $@

install: $(BIN)/embrace ## Create .venv and install the pinned runtime dependencies

run: $(BIN)/embrace ## Migrate, seed the demo and serve on 127.0.0.1:$(PORT)
	$(BIN)/embrace migrate --no-input
	$(BIN)/embrace demo
	$(BIN)/embrace serve --bind 127.0.0.1:$(PORT)

lint: $(VENV)/.dev ## ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy embrace

test: lint ## Lint, then the whole suite (Django checks included)
	EMBRACE_TESTING=1 $(BIN)/embrace makemigrations --check --dry-run
	$(BIN)/pytest -n 2 -p no:cacheprovider

# Under a throwaway PostgreSQL 15 cluster when pg_virtualenv can start one (as root), so the crash bench also
# kills a PostgreSQL-backed server; every other bench still uses its own SQLite data folder.
bench: $(VENV)/.dev ## Run the benchmarks and rewrite docs/benchmarks.md (crash safety on PostgreSQL too, as root)
	if command -v pg_virtualenv >/dev/null && [ "$$(id -u)" = 0 ]; then \
		pg_virtualenv -t -v 15 $(BIN)/python -m embrace.bench; \
	else \
		$(BIN)/python -m embrace.bench; \
	fi

lock: ## Re-resolve requirements*.lock from pyproject.toml (needs network to the package index)
	uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements.lock
	uv pip compile pyproject.toml --python-version 3.11 --generate-hashes --extra dev -o requirements-dev.lock

messages: $(VENV)/.dev ## Regenerate the translation catalogs and fill Burmese from tools/translations/*.py
	cd embrace && EMBRACE_DATA_DIR=../var ../$(BIN)/embrace makemessages -l my -l en --ignore "*/tests/*" --ignore "bench/*" --no-location
	$(BIN)/pip install --quiet --disable-pip-version-check 'polib==1.2.0'
	$(BIN)/python tools/fill_translations.py
	cd embrace && EMBRACE_DATA_DIR=../var ../$(BIN)/embrace compilemessages -l my -l en

clean: ## Remove the virtualenv (keeps the data folder)
	rm -rf $(VENV)

.PHONY: help install run lint test bench lock messages clean
