# The two commands of the README. Everything else is `sitreps --help`.
#   make demo   create .venv (python3.11) and install requirements.lock if needed, then run `sitreps demo`
#   make test   the same install step, then the whole test suite
PYTHON ?= python3.11
VENV ?= .venv
DEMO_DB ?= var/sitreps-demo.db
PYTEST_ARGS ?=

.PHONY: demo test install clean-demo

install:
	PYTHON=$(PYTHON) VENV=$(VENV) scripts/ensure-venv.sh

demo: install
	$(VENV)/bin/sitreps demo --db $(DEMO_DB)

test: install
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

clean-demo:
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
