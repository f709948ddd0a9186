# Two commands do all the set-up: `make lab` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: lab test clean check-python my-copy

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ").")'

$(VENV)/.installed: requirements.txt pyproject.toml helpers/__init__.py | check-python
	@echo "Installing the lessons' packages into $(VENV): once, quietly, a minute or more."
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt requirements-relay.txt
	@echo "Installing the test tools into $(VENV): once, quietly."
	$(PIP) install -r requirements-test.txt -r requirements-relay.txt
	touch $@

# The classroom relay's packages (the instructor's machine only; learners never need them).
$(VENV)/.installed-relay: $(VENV)/.installed requirements-relay.txt
	$(PIP) install -r requirements-relay.txt
	touch $@

# JupyterLab's own settings for this environment: no "get notified about official Jupyter news?"
# pop-up and no update check (--LabApp.news_url=None alone does not stop the pop-up).
# binder/postBuild writes the same file on Binder.
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json

$(LAB_SETTINGS): binder/overrides.json
	mkdir -p $(@D)
	cp binder/overrides.json $@

## Open JupyterLab on the lessons (practice mode unless AIML_API_KEY or .env holds a key).
lab: $(VENV)/.installed $(LAB_SETTINGS)
	$(BIN)/jupyter lab --notebook-dir=notebooks --LabApp.news_url=None $(if $(filter 0,$(shell id -u)),--allow-root)

## Run every test: the helper, the practice server, every lesson notebook.
## Six workers on two cores: much of the suite waits on kernels, servers and timeouts, and of the counts
## tried (4 to 8) six finished first. The longest files start first (conftest.py's LONGEST_FIRST;
## --no-loadscope-reorder keeps that order). Python may cache bytecode (__pycache__ is gitignored) even
## where the shell sets PYTHONDONTWRITEBYTECODE: every worker, kernel and server imports the kit and the
## tests, and compiling them afresh each time costs seconds of CPU. `make bench ARGS=--with-test-suite`
## times the suite; the latest figures are in benchmarks/RESULTS.md.
test: $(VENV)/.installed-test $(LAB_SETTINGS)
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n 6 --dist loadfile --no-loadscope-reorder

## Copy the lessons into my-work/ (yours to edit; git pull never touches it).
my-copy: $(VENV)/.installed
	$(BIN)/python -m helpers.workshop copy

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis

# --- The classroom relay: one funded key for a room, a budget per seat (workshop/GUIDE.md) -------
.PHONY: relay

## make relay ARGS="serve --db room.db" (the key from AIML_API_KEY or .env), ARGS="seats add --db room.db
## --count 20 --budget 0.50", ARGS="seats list --db room.db", ARGS="report --db room.db".
relay: $(VENV)/.installed-relay
	$(BIN)/python -m relay $(ARGS)

# --- Live mode: against the real API (or any server AIML_API_BASE names); see live/ -----------
.PHONY: preflight test-live

## Before a live session: key, both models, streaming and balance, in under a minute for a fraction
## of a cent. make preflight ARGS="--learners 20 --lessons 6". Exit 0 go, 1 no-go, 2 no key.
preflight: $(VENV)/.installed
	$(BIN)/python -m live.preflight $(ARGS)

## Drift check, the client's live checks and every lesson against the configured API, with a table
## of pass/fail, time and cost per lesson. Without AIML_API_KEY it is skipped (exit 0).
test-live: $(VENV)/.installed
	$(BIN)/python -m live.run_lessons $(ARGS)

## Time the kit against the documented call and its goals (never part of `make test`);
## writes benchmarks/RESULTS.md. `make bench ARGS=--with-test-suite` also times `make test`.
.PHONY: bench
bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run.py $(ARGS)
