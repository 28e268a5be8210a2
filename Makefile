# Chokepoints: every target creates .venv and installs the kit when needed.
# Needs only Python >= 3.11 on the PATH (PYTHON=python3.12 make ... to choose another).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export MPLBACKEND ?= Agg
export PIP_DISABLE_PIP_VERSION_CHECK = 1

.PHONY: help setup lab test lint handouts slides student clean

help:
	@echo "make handouts   execute every notebook and write build/handouts/ (the main job)"
	@echo "make test       run every test: helpers, data, notebooks (nbval), lint, handouts"
	@echo "make student    the student edition's notebooks (no model answers) in build/student/"
	@echo "make slides     a reveal.js deck per notebook in build/slides/ (offline)"
	@echo "make lab        open JupyterLab on notebooks/"
	@echo "make lint       ruff on helpers/ and tests/"
	@echo "make setup      only create .venv and install the kit"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; v = sys.version_info; sys.exit(0 if v >= (3, 11) else "Python >= 3.11 is needed, found %d.%d (set PYTHON=...)" % v[:2])'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test,browser]"
	touch $(STAMP)

setup: $(STAMP)

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

lint: $(STAMP)
	$(VENV)/bin/ruff check helpers tests conftest.py

NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

test: $(STAMP) $(NODE_STAMP) lint
	$(PY) -m pytest -n 2 --dist loadfile

handouts: $(STAMP)
	$(PY) -m helpers.handouts --out build/handouts

student: $(STAMP)
	$(PY) -m helpers.handouts --student-notebooks build/student

slides: $(STAMP) $(NODE_STAMP)
	$(PY) -m helpers.slides --out build/slides

clean:
	rm -rf build
