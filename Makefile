# Two commands are all a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev

.PHONY: demo test test-postgres lint install bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## demo: install, then show the product on Zoom's 2023 history
demo: $(STAMP)
	$(BIN)/python scripts/demo.py

## test: install (with Debian's PostgreSQL and Chromium when missing), lint, type-check, run every test
test: $(STAMP)
	scripts/system-deps.sh
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy
	scripts/with-postgres.sh $(BIN)/pytest -q -p no:cacheprovider

## test-postgres: the storage tests against a throwaway PostgreSQL server
test-postgres: $(STAMP)
	scripts/system-deps.sh
	scripts/with-postgres.sh $(BIN)/pytest -q -p no:cacheprovider -m postgres

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy

bench: $(STAMP)
	for b in bench/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
