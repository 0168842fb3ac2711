"""Resources of year N-2 for the family benefits (AF modulation, CF, ARS, PAJE): CSS R532-1 to R532-3.

The base is the net taxable income of year N-2 by category ("revenus nets catégoriels"): salaries and
unemployment benefits after the 10 % deduction (CGI art. 83), pensions after the 10 % allowance
(CGI art. 158-5-a), self-employment profit, of the parents and of the dependent children.
"""

from benefits.rules.household import Person
from benefits.rules.situation import Situation


def reference_year(month: int) -> int:
    return month // 12 - 2


def salaries_after_deduction(person: Person, year: int) -> float:
    first, last = year * 12, year * 12 + 11
    gross = person.income_sum("salary_taxable", first, last) + person.income_sum(
        "unemployment_benefit_taxable", first, last
    )
    tax = Situation.params(first).impot
    deduction = round(
        min(
            max(tax.abattement_salaires_taux * gross, tax.abattement_salaires_min),
            tax.abattement_salaires_max,
        )
    )
    return max(0.0, gross - deduction)


def pensions_after_allowance(person: Person, year: int) -> float:
    first, last = year * 12, year * 12 + 11
    gross = (
        person.income_sum("pension_taxable", first, last)
        + person.income_sum("invalidity_pension", first, last)
        + person.income_sum("alimony_received", first, last)
    )
    tax = Situation.params(first).impot
    return max(0.0, gross - round(max(tax.abattement_pensions_taux * gross, tax.abattement_pensions_min)))


def individual_base(person: Person, year: int) -> float:
    base = person.bases.get(year)  # memoised on the person: the AF, CF, PAJE and ARS all ask
    if base is None:
        base = person.bases[year] = (
            salaries_after_deduction(person, year)
            + pensions_after_allowance(person, year)
            + person.self_employment_profit.get(year, 0.0)
        )
    return base


def family_base(situation: Situation, month: int, counts_child) -> float:
    """Sum of the individual bases of the parents and of the children `counts_child` accepts."""
    memo = situation.family_bases.get(counts_child.__name__)
    if memo is None:
        memo = situation.family_bases[counts_child.__name__] = {}
    key = situation.slot(month)
    if key not in memo:
        year = reference_year(month)
        memo[key] = sum(
            [
                individual_base(p, year)
                for p in situation.household.persons
                if p.is_adult or counts_child(situation, p, month)
            ],
            0.0,
        )
    return memo[key]


def pf_dependent_child(situation: Situation, person: Person, month: int) -> bool:
    return situation.pf_dependent(person, month)


def pf_base(situation: Situation, month: int) -> float:
    return family_base(situation, month, pf_dependent_child)


def dual_earners(situation: Situation, month: int) -> bool:
    """Both members of the couple earned at least 12 BMAF in N-2 (CSS R532-1: "biactivité")."""
    household = situation.household
    if not household.in_couple:
        return False
    year = reference_year(month)
    threshold = 12 * Situation.params(year * 12).bmaf
    return all(
        salaries_after_deduction(p, year) + p.self_employment_profit.get(year, 0.0) >= threshold
        for p in household.adults
    )
