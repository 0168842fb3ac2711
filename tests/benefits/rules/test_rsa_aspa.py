"""The RSA and the prime d'activité count the ASPA of a person of 65 or more (CASF L262-10, R262-6;
CSS L842-4 4°): hand-made cases, with the ASPA removed by hand to show exactly what it takes off."""

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from benefits.rules import compute, parse_household
from benefits.rules.core_build import PURE_ENV
from benefits.rules.explain import replay

ROOT = Path(__file__).resolve().parents[3]

MONTHS = [f"2025-{m:02d}" for m in range(1, 13)] + [f"2026-{m:02d}" for m in range(1, 7)]
ASPA_SINGLE_2026 = Decimal("12523.14") / 12  # parameters/aspa/montant_max_seul.yaml, from 2026-01-01


def money(value):
    return Decimal(str(value)).quantize(Decimal("0.01"))


def alone(birth_date, salary=0, housing=None):
    person = {"id": "a", "role": "applicant", "birth_date": birth_date}
    if salary:
        person |= {"activity": "employed", "incomes": {"salary": dict.fromkeys(MONTHS, salary)}}
    data = {"persons": [person], "housing": housing or {"status": "hosted_free"}}
    return parse_household(data, "2026-06")


def amount_without_aspa(module: str, benefit: str, birth_date: str, **options) -> Decimal:
    """The amount with `benefits.rules.<module>.aspa_for_rsa` replaced by 0, on the pure-Python core in
    a subprocess: compiled rules call that function directly, so a patch in this process (which runs
    the compiled core when it is built) would not reach them."""
    code = (
        "import json, sys\n"
        f"import benefits.rules.{module} as module\n"
        "module.aspa_for_rsa = lambda situation, month: 0.0\n"
        "from benefits.rules import compute\n"
        "from tests.benefits.rules.test_rsa_aspa import alone\n"
        "options = json.loads(sys.argv[1])\n"
        f"print(compute(alone(**options), '2026-06').benefits[{benefit!r}].amount)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, json.dumps({"birth_date": birth_date, **options})],
        env={**os.environ, PURE_ENV: "1"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return Decimal(run.stdout.strip())


def aspa_step(result):
    return [step for step in result.steps if "ASPA" in step.label.fr]


def test_rsa_of_a_person_of_65_without_resources_is_zero_once_the_aspa_is_counted():
    result = compute(alone("1960-01-01"), "2026-06", extra=True)
    rsa_result = result.benefits["rsa"]
    assert rsa_result.amount == 0
    (step,) = aspa_step(rsa_result)
    assert step.amount == money(ASPA_SINGLE_2026) == result.extras["aspa"].amount
    assert "CASF L262-10, R262-6" in step.legal_basis
    assert replay(rsa_result.steps) == 0


def test_rsa_under_65_is_unchanged():
    # 64 on 1 June 2026: no ASPA, the lump sum minus the 12 % forfait logement (housed free).
    result = compute(alone("1961-07-01"), "2026-06").benefits["rsa"]
    assert result.amount == money(651.69 * (1 - 0.12))
    assert aspa_step(result) == []


def test_without_the_aspa_the_same_person_would_get_the_rsa():
    assert amount_without_aspa("rsa", "rsa", "1960-01-01") == money(651.69 * (1 - 0.12))


def test_prime_activite_deducts_the_aspa_of_each_month():
    tenant = {"status": "tenant_private", "rent": 500, "zone": 2}
    household = alone("1960-01-01", salary=1500, housing=tenant)
    result = compute(household, "2026-06", extra=True)
    aspa = result.extras["aspa"].amount
    # Salary of the quarter 4 500 € less the allowance 0.9 × SMIC (12.02 € × 151.67 h, January 2026):
    # ASPA = 1 043.60 − (4 500 − 1 640.80) / 3 (CSS R815-29).
    assert aspa == money(
        ASPA_SINGLE_2026 - (Decimal(4500) - Decimal("0.9") * Decimal("12.02") * Decimal("151.67")) / 3
    )
    lines = [step.label.fr for step in result.benefits["ppa"].steps if "dont ASPA" in step.label.fr]
    assert len(lines) == 3  # the three months of the quarter
    without = amount_without_aspa("prime_activite", "ppa", "1960-01-01", salary=1500, housing=tenant)
    # each fictive month loses the ASPA, none reaches 0 (a cent of rounding between the two means)
    assert abs(without - result.benefits["ppa"].amount - aspa) <= Decimal("0.01")
    assert result.benefits["ppa"].amount > 0
