# Two commands do all the set-up: `make lab` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: lab test clean check-python

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python 3.10 or newer is needed (found " + sys.version.split()[0] + ").")'

$(VENV)/.installed: requirements.txt pyproject.toml | check-python
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(PIP) install -r requirements-test.txt
	touch $@

## Open JupyterLab on the lessons (practice mode unless AIML_API_KEY or .env holds a key).
lab: $(VENV)/.installed
	$(BIN)/jupyter lab --notebook-dir=notebooks --LabApp.news_url=None

## Run every test: the helper, the practice server, every lesson notebook.
test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
