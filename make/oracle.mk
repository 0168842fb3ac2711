# OpenFisca-France oracle: differential-test fixtures (included from the Makefile).
# The oracle has its own virtualenv: openfisca-france is heavy and never needed at runtime.
ORACLE_VENV := .oracle-venv
ORACLE_PY := $(ORACLE_VENV)/bin/python
ORACLE_STAMP := $(ORACLE_VENV)/.installed
ORACLE_FIXTURES_SCRIPT := tests/benefits/rules/make_oracle_fixtures.py

.PHONY: oracle-venv oracle-fixtures oracle-fixtures-check oracle-disagreements

oracle-venv: $(ORACLE_STAMP)

$(ORACLE_STAMP): requirements-oracle.txt
	@PYTHON="$$(bin/find-python)" || exit 1; \
	if [ ! -x $(ORACLE_PY) ]; then echo "Creating $(ORACLE_VENV) with $$PYTHON"; "$$PYTHON" -m venv $(ORACLE_VENV); fi
	$(ORACLE_PY) -m pip install --quiet --disable-pip-version-check -r requirements-oracle.txt
	@touch $(ORACLE_STAMP)

# Regenerates tests/benefits/rules/fixtures/oracle_*.json (several minutes: OpenFisca is slow).
oracle-fixtures: $(ORACLE_STAMP)
	$(ORACLE_PY) $(ORACLE_FIXTURES_SCRIPT)

# Recomputes every fixture in memory and fails if a committed file differs (determinism check).
oracle-fixtures-check: $(ORACLE_STAMP)
	$(ORACLE_PY) $(ORACLE_FIXTURES_SCRIPT) --check

# Rewrites tests/benefits/rules/KNOWN_DISAGREEMENTS.md from the core's current amounts.
oracle-disagreements: install
	$(PY) tests/benefits/rules/list_disagreements.py
