# statlint developer tasks. Everything runs from the project's own venv so a
# fresh clone (CI) and a developer machine behave the same.

PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.statlint-installed

.PHONY: .venv demo test bench clean

# `make .venv` creates the venv once and reinstalls only when the package
# metadata changes (the stamp file records the last install).
.venv: $(STAMP)

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "statlint needs Python >= 3.11, $(PYTHON) is " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(VENV)/bin/python setup.cfg pyproject.toml
	$(VENV)/bin/python -m pip install -e '.[test,bench]'
	touch $(STAMP)

# The demo article has findings on purpose: exit 1 is success here.
demo: $(STAMP)
	$(VENV)/bin/statlint check fixtures/articles/kunpeng.txt || test $$? -eq 1

test: $(STAMP)
	$(VENV)/bin/python -m pytest -q tests

bench: $(STAMP)
	$(VENV)/bin/python bench/run.py

clean:
	rm -rf build dist *.egg-info .pytest_cache
