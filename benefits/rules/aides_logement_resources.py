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
from benefits.rules.text import english_month, french_month

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
        fr, en = rsa_last_month(situation, month)
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


def rsa_last_month(situation: Situation, month: int) -> tuple[str, str]:
    """Why R822-17 applies, true to the case shown: the core does not know whether the RSA was paid last
    month; it estimates it from the incomes declared, without the housing aid (where OpenFisca-France
    cuts the housing aid ↔ RSA loop), and that estimate can be positive while the RSA with the housing
    aid, the one the page shows, is nothing. The line says which (amounts unchanged)."""
    from benefits.rules.rsa import rsa_amount

    last = month - 1
    without_aid = rsa_amount(situation, last, housing_aid_known=False)
    with_aid = rsa_amount(situation, last)
    head_fr = "Revenus d’activité et de chômage des 12 mois comptés pour 0 € : "
    head_en = "Income from work and unemployment benefits of the 12 months counted as 0 €: "
    if with_aid > 0:
        return (
            head_fr + f"d’après les revenus déclarés, le foyer a droit au RSA en {french_month(last)} "
            f"(estimé à {with_aid:.2f} €) ; ce calcul suppose que ce RSA a été versé",
            head_en
            + f"from the income declared, the household is entitled to the RSA in {english_month(last)} "
            f"(estimated at {with_aid:.2f} €); this calculation assumes that this RSA was paid",
        )
    return (
        head_fr
        + f"d’après les revenus déclarés, le RSA {french_month(last, article=True)} estimé sans compter "
        f"l’aide au logement serait de {without_aid:.2f} € (en la comptant, il n’y a pas de droit au RSA). "
        "Comme OpenFisca-France, cette estimation applique alors la règle des foyers au RSA ; si le foyer "
        "n’a pas perçu le RSA ce mois-là, la CAF compte ces revenus et l’aide est plus faible",
        head_en + f"from the income declared, the RSA of {english_month(last)} estimated without the housing "
        f"aid would be {without_aid:.2f} € (counting it, there is no right to the RSA). Like "
        "OpenFisca-France, this estimate then applies the rule for a household on the RSA; if the "
        "household did not receive the RSA that month, the CAF counts this income and the aid is lower",
    )


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


def _euros(amount: float) -> str:
    """ "14400 €", "12960.50 €": whole euros without decimals, as the resources are mostly written."""
    cents = round(amount * 100)
    return f"{cents // 100} €" if cents % 100 == 0 else f"{amount:.2f} €"


def resource_parts(situation: Situation, person: Person, month: int, neutralised: bool) -> dict[str, float]:
    """`individual_resources` as its parts, for the explanation only (the same terms, in the same
    order; their sum is the person's resources, a test checks it on every fixture household)."""
    first, last = month - 13, month - 2
    year = month // 12
    salaries = person.income_sum("salary_taxable", first, last)
    unemployment = person.income_sum("unemployment_benefit_taxable", first, last)
    tax_n1 = situation.params((year - 1) * 12).impot
    deduction = round(
        min(
            max(tax_n1.abattement_salaires_taux * (salaries + unemployment), tax_n1.abattement_salaires_min),
            tax_n1.abattement_salaires_max,
        )
    )
    profit = person.self_employment_profit.get(year - 2, 0.0)
    alimony = person.income_sum("alimony_received", (year - 1) * 12, (year - 1) * 12 + 11)
    pension = person.income_sum("pension_taxable", first, last)
    invalidity = person.income_sum("invalidity_pension", (year - 2) * 12, (year - 2) * 12 + 11)
    pensions = alimony + pension + invalidity
    tax_now = situation.params(month).impot
    pension_deduction = pensions - max(
        0.0,
        pensions - round(max(tax_now.abattement_pensions_taux * pensions, tax_now.abattement_pensions_min)),
    )
    work = individual_resources(situation, person, month, False) - (pensions - pension_deduction)
    if not (salaries + unemployment):  # no deduction without salaries or benefits (see individual_resources)
        deduction = 0
    before_allowance = salaries + unemployment - deduction + profit
    return {
        "salaries": salaries,
        "unemployment": unemployment,
        "pension": pension,
        "alimony": alimony,
        "invalidity": invalidity,
        "profit": profit,
        "deduction": float(deduction),
        "pension_deduction": pension_deduction,
        "allowance": before_allowance - work,  # the 30 % of CCH R822-13, R822-14
        "neutralised": work if neutralised else 0.0,
    }


def explain_resources(situation: Situation, month: int, trace: Trace) -> None:
    """From the taxable income declared to the resources R of the scale: the 10 % deductions of the tax
    code (CCH R822-3 takes the "revenus nets catégoriels" of the income tax: CGI 83 3°, 158 5 a), the
    allowances, the neutralisation, and the rounding up to the next 100 € (information steps: the
    participation's step uses R)."""
    household = situation.household
    p = situation.params(month)
    neutralised = any(work_or_unemployment(person, month) for person in household.adults) and neutralisation(
        situation, month
    )
    totals = dict.fromkeys(
        (
            "salaries",
            "unemployment",
            "pension",
            "alimony",
            "invalidity",
            "profit",
            "deduction",
            "pension_deduction",
            "allowance",
            "neutralised",
        ),
        0.0,
    )
    for person in household.adults:
        for name, value in resource_parts(situation, person, month, neutralised).items():
            totals[name] += value
    year = month // 12
    period_fr = f"{french_month(month - 13, article=True)} à {french_month(month - 2)}"
    period_en = f"{english_month(month - 13)} to {english_month(month - 2)}"
    incomes = [
        ("salaries", f"de salaires {period_fr}", f"of salaries from {period_en}"),
        ("unemployment", f"d’allocations chômage {period_fr}", f"of unemployment benefits from {period_en}"),
        ("pension", f"de pensions et retraites {period_fr}", f"of pensions from {period_en}"),
        (
            "alimony",
            f"de pensions alimentaires reçues en {year - 1}",
            f"of maintenance received in {year - 1}",
        ),
        ("invalidity", f"de pension d’invalidité de {year - 2}", f"of invalidity pension of {year - 2}"),
        ("profit", f"de bénéfice non salarié de {year - 2}", f"of self-employment profit of {year - 2}"),
    ]
    declared = [(fr, en, totals[name]) for name, fr, en in incomes if totals[name]]
    gross = sum([amount for _, _, amount in declared], 0.0)
    if declared:
        trace.step(
            "i",
            "Revenus imposables déclarés : "
            + ", ".join([f"{_euros(amount)} {fr}" for fr, _, amount in declared])
            + (f", en tout {_euros(gross)}" if len(declared) > 1 else ""),
            "Taxable income declared: "
            + ", ".join([f"{_euros(amount)} {en}" for _, en, amount in declared])
            + (f", {_euros(gross)} in all" if len(declared) > 1 else ""),
            None,
            "CCH R822-3",
        )
    running = gross
    if totals["deduction"]:
        running -= totals["deduction"]
        tax = situation.params((year - 1) * 12).impot
        trace.step(
            "i",
            f"Abattement de {tax.abattement_salaires_taux:.0%} pour frais professionnels sur les salaires "
            f"et allocations chômage (au moins {tax.abattement_salaires_min:.0f} €, au plus "
            f"{tax.abattement_salaires_max:.0f} € par personne) : "
            f"− {_euros(totals['deduction'])}, reste {_euros(running)}",
            f"{tax.abattement_salaires_taux:.0%} deduction for work expenses on salaries and unemployment "
            f"benefits (at least {tax.abattement_salaires_min:.0f} €, at most {tax.abattement_salaires_max:.0f} € "
            "per person): "
            f"− {_euros(totals['deduction'])}, leaving {_euros(running)}",
            None,
            "CCH R822-3; CGI 83 3°",
        )
    if totals["pension_deduction"]:
        running -= totals["pension_deduction"]
        tax_now = p.impot
        trace.step(
            "i",
            f"Abattement de {tax_now.abattement_pensions_taux:.0%} sur les pensions (au moins "
            f"{tax_now.abattement_pensions_min:.0f} € par personne) : − {_euros(totals['pension_deduction'])}, "
            f"reste {_euros(running)}",
            f"{tax_now.abattement_pensions_taux:.0%} deduction on pensions (at least "
            f"{tax_now.abattement_pensions_min:.0f} € per person): − {_euros(totals['pension_deduction'])}, "
            f"leaving {_euros(running)}",
            None,
            "CCH R822-3; CGI 158 5 a",
        )
    if round(totals["allowance"], 2):
        running -= totals["allowance"]
        trace.step(
            "i",
            f"Abattement de {p.aides_logement.abattement_chomage:.0%} sur les revenus d’activité et de chômage "
            f"(chômage de longue durée, retraite ou AAH) : − {_euros(totals['allowance'])}, "
            f"reste {_euros(running)}",
            f"{p.aides_logement.abattement_chomage:.0%} allowance on income from work and unemployment "
            f"(long-term unemployment, retirement or AAH): − {_euros(totals['allowance'])}, "
            f"leaving {_euros(running)}",
            None,
            "CCH R822-13, R822-14",
        )
    if round(totals["neutralised"], 2):
        running -= totals["neutralised"]
        trace.step(
            "i",
            f"Revenus d’activité et de chômage neutralisés (ligne ci-dessus) : − {_euros(totals['neutralised'])}, "
            f"reste {_euros(running)}",
            f"Income from work and unemployment neutralised (line above): − {_euros(totals['neutralised'])}, "
            f"leaving {_euros(running)}",
            None,
            "CCH R822-15, R822-17",
        )
    year_n2 = month // 12 - 2
    child_allowance = situation.params_year_end(year_n2).aspa.plafond_seul * ASPA_MULTIPLE_FOR_DEPENDANT
    children = sum(
        [
            max(0.0, individual_resources(situation, child, month, False) - child_allowance)
            for child in household.children
        ],
        0.0,
    )
    if children:
        running += children
        trace.step(
            "i",
            f"Revenus des enfants au-delà de {child_allowance:.2f} € chacun : + {_euros(children)}, "
            f"reste {_euros(running)}",
            f"Children's income above {child_allowance:.2f} € each: + {_euros(children)}, "
            f"leaving {_euros(running)}",
            None,
            "CCH R822-3, R823-2",
        )
    both_work = household.in_couple and all(
        a.income("salary_taxable", month) + a.self_employment_profit.get(month // 12, 0.0) >= 12 * p.bmaf
        for a in household.adults
    )
    if both_work:
        cut = min(running, p.aides_logement.abattement_double_activite) if running > 0 else 0.0
        running = max(running - p.aides_logement.abattement_double_activite, 0.0)
        trace.step(
            "i",
            f"Abattement pour double activité du couple : − {_euros(cut)}, reste {_euros(running)}",
            f"Allowance for a couple who both work: − {_euros(cut)}, leaving {_euros(running)}",
            None,
            "CCH R822-8",
        )
    applicant = household.applicant
    if applicant.activity == "student" and situation.age(applicant, month) < STUDENT_AGE:
        running = p.aides_logement.forfait_etudiant
        trace.step(
            "i",
            f"Étudiant de moins de {STUDENT_AGE} ans : ressources forfaitaires de {_euros(running)}",
            f"Student under {STUDENT_AGE}: flat-rate resources of {_euros(running)}",
            None,
            "CCH R822-20",
        )
    rounded = resources(situation, month)
    trace.step(
        "i",
        f"Ressources retenues : {_euros(max(running, 0.0))}, arrondies à la centaine d’euros supérieure : "
        f"{_euros(rounded)}",
        f"Resources retained: {_euros(max(running, 0.0))}, rounded up to the next 100 €: {_euros(rounded)}",
        None,
        "CCH R822-3; arrêté du 27 septembre 2019",
    )
