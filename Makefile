# statlint developer tasks. Everything runs from the project's own venv so a
# fresh clone (CI) and a developer machine behave the same.

PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.statlint-installed

.PHONY: .venv demo test bench fuzz clean

# `make .venv` creates the venv once and reinstalls only when the package
# metadata changes (the stamp file records the last install).
.venv: $(STAMP)

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "statlint needs Python >= 3.11, $(PYTHON) is " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(VENV)/bin/python setup.cfg pyproject.toml
	$(VENV)/bin/python -m pip install -e '.[test,bench,formats,audit,serve,browser]'
	touch $(STAMP)

# The demo article has findings on purpose: exit 1 is success here.
demo: $(STAMP)
	$(VENV)/bin/statlint check fixtures/articles/kunpeng.txt || test $$? -eq 1

test: $(STAMP)
	$(VENV)/bin/python -m pytest -q tests

bench: $(STAMP)
	$(VENV)/bin/python bench/run.py

# Coverage-guided fuzzing (atheris), not part of `make test`: each harness in fuzz/ runs
# FUZZ_RUNS inputs, seeded with our own fixtures; the working corpus and any crash
# reproducers go to .fuzz/. `make fuzz FUZZ_FLAGS=-max_total_time=1800` runs 30 minutes each.
FUZZ_RUNS ?= 100000
FUZZ_FLAGS ?=
FUZZ_HARNESSES := text numbers reader
FUZZ_STAMP := $(VENV)/.statlint-fuzz-installed

$(FUZZ_STAMP): $(STAMP)
	$(VENV)/bin/python -m pip install -e '.[test,bench,fuzz]'
	touch $(FUZZ_STAMP)

fuzz: $(FUZZ_STAMP)
	@for h in $(FUZZ_HARNESSES); do \
	  mkdir -p .fuzz/$$h .fuzz/artifacts && \
	  echo "fuzz: $$h" && \
	  $(VENV)/bin/python fuzz/fuzz_$$h.py .fuzz/$$h fixtures/rules fixtures/articles -runs=$(FUZZ_RUNS) \
	    -timeout=10 -rss_limit_mb=2048 -artifact_prefix=.fuzz/artifacts/$$h- $(FUZZ_FLAGS) || exit 1; \
	done

clean:
	rm -rf build dist *.egg-info .pytest_cache
