"""Differential test: the calculation core against OpenFisca-France on the committed fixtures.

For each benefit, at least 99.5 % of the households must be within 1 € of OpenFisca's amount, and
every household outside that tolerance must be listed, with an explained cause, in
KNOWN_DISAGREEMENTS.md — no more and no less. Regenerate the list with
`.venv/bin/python tests/benefits/rules/list_disagreements.py` (docs/oracle.md). OpenFisca itself is
not needed: its amounts are in fixtures/oracle_*.json.
"""

import pytest

from benefits.rules import BENEFITS
from tests.benefits.rules.list_disagreements import (
    CAUSES,
    KNOWN,
    TARGET,
    TOLERANCE,
    UNEXPLAINED,
    cause_of,
    compare,
    load_cases,
    load_causes,
    parse_known,
    summary_lines,
    unused_rules,
)

# One worker computes the fixtures once (under `--dist loadgroup`) instead of each worker redoing it.
pytestmark = pytest.mark.xdist_group("oracle_agreement")
REGENERATE = "regenerate it with `.venv/bin/python tests/benefits/rules/list_disagreements.py`"
MIN_RANDOM_HOUSEHOLDS = 2000
MIN_MONTHS = 4


def summary() -> str:
    return "\n".join(
        ["", "Agreement with OpenFisca-France (|core − OpenFisca| <= 1 €):", *summary_lines(compare())]
    )


def listed() -> dict:
    return parse_known(KNOWN.read_text()) if KNOWN.exists() else {}


def bullet(lines, limit: int = 40) -> str:
    lines = sorted(lines)
    more = [f"… and {len(lines) - limit} more"] if len(lines) > limit else []
    return "\n".join(f"  - {line}" for line in lines[:limit] + more)


def test_fixtures_cover_enough_households_and_months():
    cases = load_cases()
    random_cases = [case for case in cases if not case["id"].startswith("hm-")]
    months = {case["month"] for case in random_cases}
    assert len(random_cases) >= MIN_RANDOM_HOUSEHOLDS, (
        f"only {len(random_cases)} random households in fixtures/"
    )
    assert len(months) >= MIN_MONTHS, f"fixtures cover only the months {sorted(months)}"
    assert any(case["id"].startswith("hm-") for case in cases), "fixtures/oracle_handmade.json is missing"
    assert len({case["id"] for case in cases}) == len(cases), "duplicate household ids in fixtures/"


def test_core_computes_every_fixture_household():
    errors = compare().errors
    if errors:
        pytest.fail(
            f"the core failed on {len(errors)} fixture households:\n{bullet(errors.items())}{summary()}"
        )


@pytest.mark.parametrize("benefit", BENEFITS)
def test_agreement_with_openfisca(benefit):
    """Over the households where either engine pays the benefit (not over every household, which
    would dilute a benefit few receive), at least TARGET agree within 1 € or differ for a cause listed
    in disagreement_causes.yaml (an OpenFisca quirk or a legal reading); the raw rate is printed."""
    comparison, causes = compare(), load_causes()
    payers = comparison.payers(benefit)
    explained = sum(
        1 for row in comparison.rows if row.benefit == benefit and cause_of(row, causes) != UNEXPLAINED
    )
    rate = (comparison.agreeing(benefit) + explained) / payers if payers else 1
    below = (
        f"{benefit}: {rate:.2%} of the {payers} households paid by either engine agree within {TOLERANCE} €"
        f" or for a listed cause (raw {comparison.rate(benefit):.2%}), below {TARGET:.1%}"
    )
    if rate < TARGET:
        pytest.fail(below + summary())


def test_the_rate_is_over_the_households_where_either_engine_pays():
    comparison = compare()
    assert comparison.payers("cf") < comparison.households / 4
    for benefit in BENEFITS:
        assert 0 < comparison.payers(benefit) <= comparison.households


def test_cause_rules_name_households_and_none_is_unused():
    causes = load_causes()  # raises on a `pattern:` rule (RULE_KEYS)
    unused = unused_rules(compare(), causes)
    if unused:
        pytest.fail(f"{CAUSES.name}: rules or ids matching no current disagreement:\n{bullet(unused)}")


def test_a_pattern_rule_is_refused(tmp_path, monkeypatch):
    from tests.benefits.rules import list_disagreements

    broad = tmp_path / "causes.yaml"
    broad.write_text("rsa:\n  - pattern: 'rnd'\n    cause: x\n    reference: y\n")
    monkeypatch.setattr(list_disagreements, "CAUSES", broad)
    with pytest.raises(ValueError, match="unknown keys"):
        list_disagreements.load_causes()


def test_every_disagreement_is_listed():
    known = listed()
    missing = [
        f"{row.id} {row.benefit}: core {row.core}, OpenFisca {row.openfisca}"
        for row in compare().rows
        if row.key not in known
    ]
    if missing:
        pytest.fail(
            f"{len(missing)} disagreements above {TOLERANCE} € are not in {KNOWN.name}; explain them in "
            f"disagreement_causes.yaml (or fix the core) and {REGENERATE}:\n{bullet(missing)}{summary()}"
        )


def test_no_listed_disagreement_is_stale():
    current = {row.key: row for row in compare().rows}
    stale = []
    for (household, benefit), (_month, core, openfisca, _cause) in listed().items():
        row = current.get((household, benefit))
        if row is None:
            stale.append(f"{household} {benefit}: agrees now")
        elif abs(row.core - core) > TOLERANCE or row.openfisca != openfisca:
            stale.append(f"{household} {benefit}: now core {row.core}, OpenFisca {row.openfisca}")
    if stale:
        pytest.fail(
            f"{len(stale)} lines of {KNOWN.name} are out of date; {REGENERATE}:\n{bullet(stale)}{summary()}"
        )


def test_every_listed_disagreement_is_explained():
    causes = load_causes()
    current = {row.key: row for row in compare().rows}
    problems = []
    for (household, benefit), (_month, _core, _openfisca, cause) in listed().items():
        if cause == UNEXPLAINED or not cause:
            problems.append(f"{household} {benefit}: {UNEXPLAINED} (add it to disagreement_causes.yaml)")
        elif (household, benefit) in current and cause != cause_of(current[household, benefit], causes):
            problems.append(
                f"{household} {benefit}: cause differs from disagreement_causes.yaml; {REGENERATE}"
            )
    if problems:
        pytest.fail(f"{len(problems)} listed disagreements lack a cause:\n{bullet(problems)}{summary()}")
