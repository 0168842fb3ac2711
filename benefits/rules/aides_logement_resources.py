"""Resources of the housing aid (CCH R822-3 to R822-17): the taxable income of the 12 months ending two
months ago ("contemporanéisation" since 2021) after the deductions of the tax code, per person; the
allowances for the unemployed, the retired and AAH recipients; the neutralisation of income from work
(unemployment without benefit, RSA last month); the students' flat amount; rounded up to the 100 €.
"""

import math
from datetime import date

from benefits.rules.aah import aah_person
from benefits.rules.explain import Trace
from benefits.rules.household import Person
from benefits.rules.situation import Situation

ASPA_MULTIPLE_FOR_DEPENDANT = 1.25  # resources of an adult dependant: under 1.25 × ASPA (CCH R823-2)
STUDENT_AGE = 28


def individual_resources(situation: Situation, person: Person, month: int, neutralised: bool) -> float:
    """Taxable income of the 12 months M-13..M-2, after the deductions of CCH R822-3 s."""
    if not person.incomes and not person.self_employment_profit:
        return 0.0  # no income at all (most children): every term below is 0
    first, last = month - 13, month - 2
    year = month // 12
    salaries = person.income_sum("salary_taxable", first, last)
    unemployment = person.income_sum("unemployment_benefit_taxable", first, last)
    tax_n1 = situation.params((year - 1) * 12).impot  # in force on 1 January N-1
    deduction = round(
        min(
            max(tax_n1.abattement_salaires_taux * (salaries + unemployment), tax_n1.abattement_salaires_min),
            tax_n1.abattement_salaires_max,
        )
    )
    profit = person.self_employment_profit.get(year - 2, 0.0)
    pensions = (
        person.income_sum("alimony_received", (year - 1) * 12, (year - 1) * 12 + 11)
        + person.income_sum("pension_taxable", first, last)
        + person.income_sum("invalidity_pension", (year - 2) * 12, (year - 2) * 12 + 11)
    )
    tax_now = situation.params(month).impot
    pensions = max(
        0.0,
        pensions - round(max(tax_now.abattement_pensions_taux * pensions, tax_now.abattement_pensions_min)),
    )
    p = situation.params(month).aides_logement
    working_now = person.income("salary_taxable", month) + profit > 0
    receives_aah = aah_person(situation, person, month) > 0
    long_unemployed = (
        person.activity == "unemployed"
        and person.unemployed_since is not None
        and (person.unemployed_since < date(situation.day(month - 2).year, situation.day(month - 2).month, 1))
    )
    activity_allowance = min(
        1,
        long_unemployed
        + (person.activity == "retired" and not working_now)
        + (receives_aah and not working_now),
    )
    unemployment_allowance = min(1, ((person.activity == "retired") + receives_aah) * (not working_now))
    income = (max(0.0, salaries - deduction) + profit) * (1 - p.abattement_chomage * activity_allowance)
    income += (unemployment + min(0.0, (salaries - deduction) * ((salaries + unemployment) > 0))) * (
        1 - p.abattement_chomage * unemployment_allowance
    )
    if neutralised:
        income = 0.0
    return income + pensions


def work_or_unemployment(person: Person, month: int) -> bool:
    """Income that neutralisation would remove (see individual_resources)."""
    first, last = month - 13, month - 2
    return (
        person.income_sum("salary_taxable", first, last) > 0
        or person.income_sum("unemployment_benefit_taxable", first, last) > 0
        or person.self_employment_profit.get(month // 12 - 2, 0.0) > 0
    )


def neutralisation(situation: Situation, month: int) -> bool:
    """Resources of work are neutralised when a parent is unemployed without benefit for more than two
    months, or when the family received the RSA last month (CCH R822-15 to R822-17)."""
    from benefits.rules.rsa import rsa_amount

    cutoff = situation.day(month - 2)
    for person in situation.household.adults:
        if (
            person.activity == "unemployed"
            and person.income("unemployment_benefit_taxable", month) == 0
            and person.unemployed_since is not None
            and person.unemployed_since < cutoff
        ):
            return True
    # OpenFisca cuts the housing aid ↔ RSA loop here: last month's RSA is computed without housing aid.
    return rsa_amount(situation, month - 1, housing_aid_known=False) > 0


def explain_neutralisation(situation: Situation, month: int, trace: Trace) -> None:
    """Says why the 12-month income is 0 when it is neutralised (issue 17, D5), and what the text says.

    CCH R822-15: when the beneficiary or the partner has been wholly unemployed for at least two months
    without benefit, the income from work and the unemployment benefits "perçus par l'intéressé" are
    not counted; R822-17: the same when the beneficiary or the partner receives the RSA. This core, like
    OpenFisca-France (aide_logement_condition_neutralisation, applied to every parent), zeroes the
    income of both adults; the articles name the person concerned, so the CAF may still count the
    partner's income. The step informs only: the amount is unchanged."""
    household = situation.household
    if not any(work_or_unemployment(person, month) for person in household.adults):
        return
    if not neutralisation(situation, month):
        return
    cutoff = situation.day(month - 2)
    unemployed = [
        person
        for person in household.adults
        if person.activity == "unemployed"
        and person.income("unemployment_benefit_taxable", month) == 0
        and person.unemployed_since is not None
        and person.unemployed_since < cutoff
    ]
    couple = household.in_couple
    if unemployed:
        who_fr = "vous êtes" if unemployed[0] is household.applicant else "votre conjoint est"
        who_en = "you have been" if unemployed[0] is household.applicant else "your partner has been"
        fr = (
            f"Revenus d’activité et de chômage des 12 mois comptés pour 0 € : {who_fr} au chômage sans "
            "indemnisation depuis au moins deux mois (« neutralisation »)"
        )
        en = (
            f"Income from work and unemployment benefits of the 12 months counted as 0 €: {who_en} "
            'unemployed without benefit for at least two months ("neutralisation")'
        )
        basis = "CCH R822-15"
    else:
        fr = "Revenus d’activité et de chômage des 12 mois comptés pour 0 € : le foyer a perçu le RSA le mois dernier"
        en = "Income from work and unemployment benefits of the 12 months counted as 0 €: the household received the RSA last month"
        basis = "CCH R822-17"
    if couple and unemployed:
        fr += (
            ". Comme OpenFisca-France, cette estimation neutralise aussi les revenus de l’autre membre du couple ; "
            "l’article vise les revenus de la personne concernée : la CAF peut retenir ceux de l’autre et verser moins"
        )
        en += (
            ". Like OpenFisca-France, this estimate also sets the other partner's income to 0; the article "
            "names the income of the person concerned, so the CAF may count the other partner's and pay less"
        )
    trace.step("i", fr, en, None, basis)


def resources(situation: Situation, month: int) -> float:
    key = situation.slot(month)
    if key in situation.housing_resources:
        return situation.housing_resources[key]
    household = situation.household
    p = situation.params(month)
    # Neutralisation only zeroes income from work and unemployment: without any, the RSA of last
    # month need not be computed (a speed-up only, the amount is the same).
    neutralised = any(work_or_unemployment(person, month) for person in household.adults) and neutralisation(
        situation, month
    )
    total = sum(
        [individual_resources(situation, person, month, neutralised) for person in household.adults], 0.0
    )
    year = month // 12 - 2
    child_allowance = situation.params_year_end(year).aspa.plafond_seul * ASPA_MULTIPLE_FOR_DEPENDANT
    for child in household.children:
        total += max(0.0, individual_resources(situation, child, month, False) - child_allowance)
    both_work = household.in_couple and all(
        a.income("salary_taxable", month) + a.self_employment_profit.get(month // 12, 0.0) >= 12 * p.bmaf
        for a in household.adults
    )
    total = max(total - both_work * p.aides_logement.abattement_double_activite, 0.0)
    applicant = household.applicant
    if applicant.activity == "student" and situation.age(applicant, month) < STUDENT_AGE:
        total = p.aides_logement.forfait_etudiant
    rounded = math.ceil(round(total * 100) / 100 / 100) * 100
    situation.housing_resources[key] = rounded
    return rounded
