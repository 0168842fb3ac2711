# Portail allocataires — every task a developer or CI runs. CI calls only these targets.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed
# The compiled core (bin/build-core): mypyc in its own environment, rebuilt when a compiled source changes.
BUILD_VENV := .build-venv
CORE_SOURCES := $(patsubst %,benefits/rules/%.py,$(shell sed -n '/^COMPILED_MODULES = (/,/^)/p' bin/build-core | grep -o '"[a-z_]*"' | tr -d '"'))
CORE_STAMP := build/core/.built
# Local development defaults (the settings refuse them when DEBUG is off).
RUN_ENV := DEBUG=true
HOST_PORT ?= 127.0.0.1:8000

include make/oracle.mk

.PHONY: install run serve test test-fast quality fix messages bench bench-campaigns migrate demo clean prod-serve

install: $(STAMP) $(CORE_STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	@PYTHON="$$(bin/find-python)" || exit 1; \
	if [ ! -x $(PY) ]; then echo "Creating $(VENV) with $$PYTHON"; "$$PYTHON" -m venv $(VENV); fi
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $(STAMP)

# The calculation core's hot path compiled by mypyc from the same sources (docs/calculation-core.md).
# Never fails: without a C compiler, mypyc or a working build, the core runs as plain Python.
# CORE_COMPILE=0 skips it (and removes a previous build).
$(BUILD_VENV)/.installed: requirements-build.txt | $(STAMP)
	@if [ ! -x $(BUILD_VENV)/bin/python ]; then $(PY) -m venv $(BUILD_VENV) || true; fi
	@$(BUILD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-build.txt \
		&& touch $@ || echo "mypyc could not be installed: the calculation core will run as plain Python"

$(CORE_STAMP): $(CORE_SOURCES) bin/build-core requirements-build.txt | $(STAMP)
	@if [ "$(CORE_COMPILE)" = 0 ]; then $(PY) bin/build-core --clean; \
	else $(MAKE) --no-print-directory $(BUILD_VENV)/.installed; \
		if [ -x $(BUILD_VENV)/bin/python ]; then $(BUILD_VENV)/bin/python bin/build-core; \
		else echo "no build environment: the calculation core runs as plain Python"; fi; fi
	@$(PY) -c "from benefits.rules import core_build as c; print('calculation core:', c.CORE, f'({c.REASON})' if c.REASON else '')"
	@if [ "$(CORE_COMPILE)" != 0 ]; then mkdir -p $(@D) && touch $@; fi

migrate: install
	$(RUN_ENV) $(MANAGE) migrate --noinput -v 0

demo: migrate
	$(RUN_ENV) $(MANAGE) load_demo_data

# The portal logs in with FranceConnect+ against its own emulator, on the same host and port.
run: demo
	@echo "Portail allocataires: http://$(HOST_PORT)/ (Ctrl+C to stop)"
	$(RUN_ENV) CAMPAIGNS_RUN_IN_THREAD=true FCPLUS_ISSUER="$${FCPLUS_ISSUER:-http://$(HOST_PORT)/_fcplus/api/v2}" \
		INCOME_API_URL="$${INCOME_API_URL:-http://$(HOST_PORT)/_revenus/api/v1}" \
		PORTAL_PUBLIC_URL="$${PORTAL_PUBLIC_URL:-http://$(HOST_PORT)}" $(MANAGE) runserver $(HOST_PORT)

# The production-like server used by the benchmarks: gunicorn, static files by WhiteNoise.
prod-serve: install
	$(PY) -m gunicorn -c portal/gunicorn.conf.py portal.wsgi

test: install
	$(VENV)/bin/pytest -n 2 --dist loadgroup

test-fast: install
	$(VENV)/bin/pytest -n 2 -m "not browser"

# quality and fix need only the virtualenv and its dev tools, not the compiled core (`install` builds
# it, which is slow): CI runs `make install` first anyway (.ci/run).
quality: $(STAMP)
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/djlint --check templates
	$(VENV)/bin/djlint --lint templates
	$(RUN_ENV) $(MANAGE) makemigrations --check --dry-run
	bin/check-messages
	$(PY) bin/generate-parameter-tree --check

fix: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/djlint --reformat templates || true

messages: install
	$(RUN_ENV) $(MANAGE) makemessages -l en --no-location --no-obsolete -i ".venv/*" -i ".oracle-venv/*" -i "tests/*"
	$(RUN_ENV) $(MANAGE) compilemessages -l en -i ".venv" -i ".oracle-venv"
	$(PY) bin/french-plurals

bench: install
	$(PY) -m bench

# The campaigns' bench alone (needs PostgreSQL and Redis): make bench-campaigns N=20000 WORKERS=2
bench-campaigns: install
	BENCH_CAMPAIGN_HOUSEHOLDS=$(or $(N),100000) BENCH_CAMPAIGN_WORKERS=$(or $(WORKERS),2) $(PY) -m bench bench_campaigns

clean:
	-python3 bin/build-core --clean
	rm -rf $(VENV) $(BUILD_VENV) build staticfiles .pytest_cache .ruff_cache
