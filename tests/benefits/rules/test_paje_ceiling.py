"""The PAJE allocation de base's ceilings count the children "nés ou à naître" (CSS R531-1): a baby and
an expected child make a ceiling of two children (OpenFisca counts the born ones only)."""

from tests.benefits.rules.test_extra_benefits import BMAF_2026, amount, extras, household, money

# One earner, 37 778 € declared in 2024: 34 000 € after the 10 % deduction. The 2026 full-rate ceiling is
# 31 066.25 € with one child and 37 279.50 € with two (parameters/paje/plafond_*).
EARNER = {"yearly_taxable_income": {"2024": {"salary": 37778}}}


def test_an_expected_child_raises_the_ceiling_to_the_full_rate():
    baby = {"birth_date": "2025-06-10"}
    alone = household(baby, applicant=EARNER, partner={})
    assert amount(alone, "paje_base") == money(BMAF_2026 * 0.4165 / 2)  # partial rate
    expecting = household(baby, {"birth_date": "2026-09-20"}, applicant=EARNER, partner={})
    result = extras(expecting)["paje_base"]
    assert result.amount == money(BMAF_2026 * 0.4165)
    assert any("2 enfants à charge ou à naître" in step.label.fr for step in result.steps)
