# Two commands do everything on a fresh machine with Python 3.11, pip and make:
#   make report   - set up .venv and run the main job on the bundled article
#   make test     - set up .venv, then ruff, mypy and pytest
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARTICLE := data/articles/2023-09-11-kim-putin-summit.txt

.PHONY: venv report test lint lab clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

report: $(STAMP)
	$(BIN)/georel report $(ARTICLE) --force

lint: $(STAMP)
	$(BIN)/ruff check analysis tests benchmarks scripts
	$(BIN)/mypy analysis

test: lint
	$(BIN)/python -m pytest

# JupyterLab refuses to run as root unless told; in a container that is the usual user
ROOT_ARGS := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/ $(ROOT_ARGS) $(LAB_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info
