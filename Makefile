# Chokepoints: every target creates .venv and installs the kit when needed.
# Needs only Python >= 3.11 on the PATH (PYTHON=python3.12 make ... to choose another).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
CLASSROOM_STAMP := $(VENV)/.installed-classroom
PROXY  := classroom/node_modules/.bin/configurable-http-proxy
STUDENTS ?= 10
export MPLBACKEND ?= Agg
export PIP_DISABLE_PIP_VERSION_CHECK = 1

.PHONY: help setup lab check test nbval lint handouts slides student student-repo bench new-article classroom classroom-test grades collect grade clean

help:
	@echo "make handouts   execute every notebook and write build/handouts/ (the main job)"
	@echo "make check      the quick check while editing: ruff, unit and data tests, doctests (under a minute)"
	@echo "make test       every test: the above, each notebook run once, handouts, slides, browser, class server"
	@echo "make nbval NB=notebooks/03-iranian-oil-flows.ipynb   run one notebook's cells under nbval"
	@echo "make student    the student edition's notebooks (no model answers) in build/student/"
	@echo "make student-repo  the student edition as its own repository in build/student-repo/ (Binder, nbgitpuller)"
	@echo "make slides     a reveal.js deck per notebook in build/slides/ (offline; WITH_CODE=1 for the code walkthrough)"
	@echo "make lab        open JupyterLab on notebooks/ (the kit's settings: no news pop-up, no kernel dialog)"
	@echo "make bench      measure the kit against its budgets; writes BENCHMARKS.md"
	@echo "make lint       ruff on helpers/, classroom/, tests/ and benchmarks/"
	@echo "make new-article NAME=... TEXT=... OUTLET=... HEADLINE=... DATE=...  scaffold a new article"
	@echo "make setup      only create .venv and install the kit"
	@echo "make classroom  a JupyterHub for a class on 127.0.0.1:8000 (as root: a system user per student;"
	@echo "                otherwise ARGS=--shared-user; Ctrl-C stops it). Homes: classroom-homes/"
	@echo "make collect    copy each student's notebooks from the homes -> build/grades/collected/<UTC time>/ (read-only)"
	@echo "make grade      re-run the newest collection, grade every exercise -> build/grades/grades.csv and"
	@echo "                a feedback page per student in build/grades/feedback/ (GRADE_LIMIT=120 s per notebook)"
	@echo "make grades     every student's self-check attempts -> build/grades/attempts.csv"
	@echo "make classroom-test  $(STUDENTS) simulated students at once (STUDENTS=20 make classroom-test)"
	@echo "Without make (Windows, conda): python -m helpers --help lists the same commands"

$(STAMP): pyproject.toml setup.py
	@$(PYTHON) -c 'import sys; v = sys.version_info; sys.exit(0 if v >= (3, 11) else "Python >= 3.11 is needed, found %d.%d (set PYTHON=...)" % v[:2])'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test,browser]"
	touch $(STAMP)

setup: $(STAMP)

# The class server: JupyterHub from PyPI (the `classroom` extra), its proxy from npm (pinned, locked).
$(CLASSROOM_STAMP): $(STAMP)
	$(PY) -m pip install -q -e ".[test,browser,classroom]"
	touch $(CLASSROOM_STAMP)

$(PROXY): classroom/package.json classroom/package-lock.json
	@command -v npm >/dev/null || { echo "the class server needs Node.js >= 20 and npm (apt-get install nodejs npm)"; exit 1; }
	@node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' || { echo "the class server needs Node.js >= 20, found $$(node --version)"; exit 1; }
	cd classroom && npm ci --no-audit --no-fund --loglevel=error
	touch $(PROXY)

lab: $(STAMP)
	$(PY) -m helpers lab

lint: $(STAMP)
	$(VENV)/bin/ruff check helpers tests classroom benchmarks grading conftest.py setup.py

NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

# The quick check: no notebook is executed, no server started, nothing built (tests marked slow are left out).
check: $(STAMP) lint
	@start=$$(date +%s); \
	$(PY) -m pytest -q -m "not slow" helpers tests/unit tests/data tests/notebooks && \
	echo "make check: $$(( $$(date +%s) - start )) s (budget 60 s)"

# Everything. Each notebook is executed once per run (tests/conftest.py) and shared by the
# notebook checks, the handouts and the slides; --dist loadfile keeps a file's tests on one worker.
test: $(CLASSROOM_STAMP) $(NODE_STAMP) lint
	$(PY) -m pytest -n 2 --dist loadfile

NB ?= notebooks
nbval: $(STAMP)
	$(PY) -m pytest -q -o addopts="" --nbval-lax --nbval-current-env --nbval-sanitize-with tests/sanitize.cfg $(NB)

handouts: $(STAMP)
	$(PY) -m helpers handouts --out build/handouts

student: $(STAMP)
	$(PY) -m helpers student --out build/student

# What Binder, nbgitpuller and the Zero to JupyterHub image serve: no solution cell, no teaching notes.
student-repo: $(STAMP)
	$(PY) -m helpers student-repo --out build/student-repo

# WITH_CODE=1: the older walkthrough (a sub-slide per paragraph, code shown) instead of the 12-20 slide deck.
slides: $(STAMP) $(NODE_STAMP)
	$(PY) -m helpers slides --out build/slides $(if $(WITH_CODE),--with-code,)

bench: $(STAMP) $(NODE_STAMP)
	$(PY) benchmarks/bench.py --runs 3

# ARGS: options of classroom.hub, e.g. ARGS=--shared-user (no root), ARGS=--terminals.
# The homes are classroom-homes/ (or CLASSROOM_HOMES=...): outside build/, so clean never touches them.
classroom: $(CLASSROOM_STAMP) $(PROXY)
	$(PY) -m helpers classroom $(ARGS)

grades: $(STAMP)
	$(PY) -m helpers grades

# The homes are only read; the copies are the instructor's. Graded answers come from grading/ (never shipped).
collect: $(STAMP)
	$(PY) -m helpers collect

GRADE_LIMIT ?= 120
grade: $(STAMP)
	$(PY) -m helpers grade --limit $(GRADE_LIMIT)

classroom-test: $(CLASSROOM_STAMP) $(PROXY)
	$(PY) -m classroom.loadtest --students $(STUDENTS)

# make new-article NAME=eu-chips TEXT=article.txt OUTLET="..." HEADLINE="..." DATE=2026-11-01
# The values reach Python through the environment, unexpanded ($(value ...)): a `$`, a quote or a
# backtick in a headline stays as typed, and no shell ever sees it.
new-article: export NEW_ARTICLE_NAME = $(value NAME)
new-article: export NEW_ARTICLE_TEXT = $(value TEXT)
new-article: export NEW_ARTICLE_OUTLET = $(value OUTLET)
new-article: export NEW_ARTICLE_HEADLINE = $(value HEADLINE)
new-article: export NEW_ARTICLE_DATE = $(value DATE)
new-article: $(STAMP)
	$(PY) -m helpers.build.scaffold

# Never the students' homes: they live in classroom-homes/ (or $CLASSROOM_HOMES), not in build/.
clean:
	rm -rf build
