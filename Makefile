# Everything runs inside the project's virtual environment, created on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The turbopuffer spec lives outside the repository; point SPEC elsewhere to use another copy.
SPEC ?= ../shared/specs/turbopuffer/openapi.yaml
CONFIG ?= specs/turbopuffer/config.yaml
OUTPUT ?= output
export TPUF_SPEC := $(abspath $(SPEC))

.PHONY: install regenerate check test golden bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

## Regenerate the vendored turbopuffer client in $(OUTPUT) from $(SPEC).
regenerate: install
	$(BIN)/python -m generator generate $(SPEC) --config $(CONFIG) --output $(OUTPUT)

## Fail if $(OUTPUT) differs from what the current spec and generator produce; writes nothing.
check: install
	$(BIN)/python -m generator generate $(SPEC) --config $(CONFIG) --output $(OUTPUT) --check

## Run the whole test suite (pytest exits non-zero, 5, when it collects no tests).
test: install
	$(BIN)/python -m pytest -q

## Rewrite the golden files under tests/golden from the fixture specs; review the diff.
golden: install
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

bench: install
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
