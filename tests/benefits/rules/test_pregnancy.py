"""An expected child (a `child` born after the computed month) in the RSA and the prime d'activité.

The law: the PAJE allocation de base is due from the month after the birth (CSS L531-3, L552-1), so no
PAJE is counted in the RSA / prime d'activité resources during a pregnancy (CASF R262-6, R262-11; CSS
R844-1 s.), nor does it exclude the complément familial (CSS L532-1). The expected child is not yet a
dependent child (CASF R262-1, R262-3; CSS D843-1): an isolated pregnant woman gets the raised lump sum
without a child's share (CASF L262-9 2°, R262-1: 128.412 %), a couple gets the lump sum of two, and a
pregnancy opens the RSA under 25 (CASF L262-4 1°). OpenFisca counts the unborn child as under 3 (oracle
README, quirk E1). Amounts by hand from parameters/rsa: montant_base 651.69 € from 2026-04-01,
isolement_base 1.28412, majoration_deuxieme_personne 0.5, forfait_logement_1 12 %, _2 16 %.
"""

from decimal import Decimal

from benefits.rules import compute
from tests.benefits.rules.test_extra_benefits import household, money

RSA_BASE = 651.69
DUE = {"birth_date": "2026-09-15"}  # due three months after 2026-06
SALARY = {"incomes": {"salary": {f"2026-{m:02d}": 1200 for m in range(1, 7)}}}


def benefits(h, month="2026-06"):
    return compute(h, month).benefits


def labels(result, name):
    return [step.label.fr for step in result.benefits[name].steps]


def test_an_isolated_pregnant_woman_gets_the_raised_rsa_without_a_paje():
    result = compute(household(DUE), "2026-06")
    # Raised lump sum 128.412 % − forfait logement of one person (hosted free, CASF R262-9).
    assert result.benefits["rsa"].amount == money(RSA_BASE * 1.28412 - RSA_BASE * 0.12) == Decimal("758.65")
    steps = result.benefits["rsa"].steps
    assert [step.amount for step in steps][:2] == [Decimal("836.85"), Decimal("78.20")]
    assert "femme isolée enceinte" in steps[0].label.fr
    assert not any("Prestations familiales" in label for label in labels(result, "rsa"))
    assert all(step.amount != Decimal("199.15") for step in steps)


def test_a_pregnant_couple_gets_the_lump_sum_of_two_and_no_paje():
    couple = household(DUE, partner={})
    # Lump sum of two persons (150 %) − forfait logement of two (16 % of it).
    assert benefits(couple)["rsa"].amount == money(RSA_BASE * 1.5 * (1 - 0.16)) == Decimal("821.13")
    assert not any("Prestations familiales" in label for label in labels(compute(couple, "2026-06"), "rsa"))
    # Nothing else changes before the birth: the same amounts as without the expected child.
    alone = household(partner={})
    assert {k: b.amount for k, b in benefits(couple).items()} == {
        k: b.amount for k, b in benefits(alone).items()
    }


def test_a_pregnancy_opens_the_rsa_under_25():
    young = {"birth_date": "2004-02-01"}
    couple = household(DUE, applicant=young, partner=young)
    assert benefits(couple)["rsa"].amount == Decimal("821.13")
    assert benefits(household(applicant=young, partner=young))["rsa"].amount == 0


def test_the_prime_d_activite_counts_no_paje_during_the_pregnancy():
    working = household(DUE, applicant=SALARY, partner={})
    without = household(applicant=SALARY, partner={})
    assert benefits(working)["ppa"].amount == benefits(without)["ppa"].amount > 0
    single = compute(household(DUE, applicant=SALARY), "2026-06")
    lines = [label for label in labels(single, "ppa") if "forfaitaire" in label and "→" in label]
    assert len(lines) == 3 and all("autres ressources 0,00\u00a0€" in line for line in lines), lines


def test_an_expected_child_does_not_exclude_the_complement_familial():
    older = [{"birth_date": f"20{year}-01-10"} for year in (18, 20, 22)]  # 8, 6 and 4 years old
    expecting = benefits(household(*older, DUE, partner={}))["cf"].amount
    assert expecting == benefits(household(*older, partner={}))["cf"].amount > 0
