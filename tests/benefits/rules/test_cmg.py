"""CMG emploi direct since the reform of 1 September 2025 (CSS L531-5 III, D531-18): the Cnaf's worked
example, the hourly ceiling, the resource ceiling, and every case the sources do not cover."""

from decimal import Decimal

import pytest

from tests.benefits.rules.test_extra_benefits import extras, household

CARE = {"mode": "assistante_maternelle", "monthly_cost": 606.25, "monthly_hours": 125}


def couple(*children, month="2025-10", salary=20000, childcare=None):
    """Each adult declared `salary` in N-2: after the 10 % deduction 2 × 18 000 € = 3 000 € a month."""
    year = str(int(month[:4]) - 2)
    income = {"yearly_taxable_income": {year: {"salary": salary}}}
    return household(
        *(children or ({"birth_date": "2025-01-10"},)),
        month=month,
        applicant=income,
        partner=income,
        childcare=childcare or CARE,
    )


def cmg(h, month="2025-10"):
    return extras(h, month)["cmg"]


def test_the_cnaf_example_3000_euros_one_child_125_hours_at_the_reference_cost():
    # Cnaf, "Une aide à l'accueil de l'enfant mieux adaptée": CMG 374 €, 232 € left to the couple.
    result = cmg(couple())
    assert abs(result.amount - Decimal("374.125")) <= Decimal("0.005")
    share = next(step for step in result.steps if step.op == "-")
    assert share.amount == Decimal("232.13") and "0,0619\u00a0%" in share.label.fr
    assert "3\u00a0000,00\u00a0€" in share.label.fr  # the N-2 resources / 12


def test_the_cost_counts_at_most_8_euros_an_hour():
    care = {"mode": "assistante_maternelle", "monthly_cost": 1250, "monthly_hours": 125}
    result = cmg(couple(childcare=care))
    ceiling = next(step for step in result.steps if step.op == "≤")
    assert ceiling.amount == 1000
    assert abs(result.amount - Decimal(1000 * (1 - 3000 * 0.000619 / 4.85))) <= Decimal("0.01")


def test_above_8500_euros_a_month_no_cmg_towards_the_pay():
    result = cmg(couple(salary=60000))  # 2 × 54 000 / 12 = 9 000 € a month
    assert result.amount == 0 and "le CMG « rémunération » n’est pas versé" in result.blocking_reason.fr


@pytest.mark.parametrize(
    ("h", "month", "reason"),
    [
        (
            couple(childcare={"mode": "home_care", "monthly_cost": 1500, "monthly_hours": 100}),
            "2025-10",
            "garde à domicile",
        ),
        (couple({"birth_date": "2025-01-10"}, {"birth_date": "2022-03-01"}), "2025-10", "plusieurs enfants"),
        (couple({"birth_date": "2025-01-10", "aeeh_category": 1}), "2025-10", "AEEH"),
        (couple(month="2025-08"), "2025-08", "ancien barème"),
        (couple(salary=5000), "2025-10", "plancher de ressources"),
    ],
)
def test_what_the_sources_do_not_cover_is_not_estimated_and_says_why(h, month, reason):
    result = cmg(h, month)
    assert result.amount == 0
    assert reason in result.blocking_reason.fr and "monenfant.fr" in result.blocking_reason.fr
