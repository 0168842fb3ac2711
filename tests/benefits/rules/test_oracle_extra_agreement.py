"""Differential test of the extra benefits (PAJE base and prime, MVA, ASPA) against OpenFisca-France.

Fixtures: fixtures/extra_*.json (make_extra_fixtures.py). Per benefit, at least 99.5 % of the
households within 1 € of OpenFisca, and KNOWN_EXTRA_DISAGREEMENTS.md lists exactly the disagreements,
each with its cause. Rates are over the households where either engine pays.
One legal reading is counted apart: for the PAJE allocation de base, the core follows the law's timing
(from the month after the birth to the month before the 3rd birthday, nothing during the pregnancy:
CSS L531-3, L552-1) where OpenFisca pays in those months too (oracle README, quirk E2); the fixtures
over-represent pregnancies on purpose (to exercise the prime), so the raw rate is low.
"""

from decimal import Decimal

import pytest

from benefits.rules import compute, parse_household
from benefits.rules.explain import replay
from benefits.rules.extra_benefits import EXTRA_BENEFITS, ORACLE_EXTRAS
from tests.benefits.rules.list_extra_disagreements import (
    KNOWN,
    TARGET,
    UNEXPLAINED,
    cause_of,
    compare,
    load_cases,
    load_causes,
    render,
)

pytestmark = pytest.mark.xdist_group("oracle_extra_agreement")
LAW_TIMING = "CSS L531-3, L552-1"  # the reference of the paje_base timing causes
REGENERATE = "regenerate it with `.venv/bin/python tests/benefits/rules/list_extra_disagreements.py`"


def test_fixtures_cover_the_four_months_and_every_profile():
    cases = load_cases()
    assert len(cases) >= 1000
    assert len({case["month"] for case in cases}) >= 4
    assert len({case["id"] for case in cases}) == len(cases)
    extras = {name: sum(1 for c in cases if c["expected_extra"][name] > 0) for name in ORACLE_EXTRAS}
    assert all(count >= 30 for count in extras.values()), extras


@pytest.mark.parametrize("benefit", ORACLE_EXTRAS)
def test_agreement_per_benefit(benefit):
    """Over the households where either engine pays: within 1 €, or apart for a listed legal reading
    (the PAJE base's timing, CSS L531-3, L552-1), as test_oracle_agreement.py counts the eight."""
    comparison = compare()
    assert not comparison.errors, comparison.errors
    causes = load_causes()
    rows = [row for row in comparison.rows if row.benefit == benefit]
    timing = [row for row in rows if LAW_TIMING in cause_of(row, causes)]
    payers = comparison.payers(benefit)
    rate = Decimal(comparison.agreeing(benefit) + len(timing)) / payers
    assert payers >= 30, f"{benefit}: only {payers} households pay it"
    assert rate >= TARGET, f"{benefit}: {rate:.2%} (raw {comparison.rate(benefit):.2%}) of {payers}"


def test_every_disagreement_is_listed_with_its_cause():
    comparison = compare()
    causes = load_causes()
    assert all(cause_of(row, causes) != UNEXPLAINED for row in comparison.rows), [
        row.id for row in comparison.rows if cause_of(row, causes) == UNEXPLAINED
    ]
    assert KNOWN.read_text() == render(comparison, causes), f"{KNOWN.name} is stale: {REGENERATE}"


def test_extra_explanations_replay_to_the_amount():
    for case in load_cases()[::5]:
        result = compute(parse_household(case["household"], case["month"]), case["month"], extra=True)
        assert set(result.extras) == set(EXTRA_BENEFITS)
        for name, extra in result.extras.items():
            assert replay(extra.steps) == extra.amount, (case["id"], name)
            assert extra.amount > 0 or extra.blocking_reason is not None, (case["id"], name)
