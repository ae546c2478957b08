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

## Regenerate the vendored turbopuffer client in $(OUTPUT) from $(SPEC), print what changed
## for callers since the last regeneration, and bump the version by it.
regenerate: install
	$(BIN)/python -m generator generate $(SPEC) --config $(CONFIG) --output $(OUTPUT)

## Fail if $(OUTPUT) differs from what the current spec and generator produce, printing the
## change report; writes nothing. `make test` runs it first, so CI does too.
check: install
	$(BIN)/python -m generator generate $(SPEC) --config $(CONFIG) --output $(OUTPUT) --check

## Check that $(OUTPUT) is up to date, then run the whole test suite (pytest exits
## non-zero, 5, when it collects no tests).
test: install check
	$(BIN)/python -m pytest -q

## Rewrite the golden files under tests/golden from the fixture specs; review the diff.
golden: install
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

## Measure the generator and the generated client against openapi-python-client and the
## official turbopuffer client (installed into bench/ on first use); writes BENCHMARKS.md
## and bench/scaling.png. Takes 15 to 30 minutes.
bench: install
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
