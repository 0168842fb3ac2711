"""Aides personnelles au logement, rental sector (APL, ALF, ALS): CCH L821-1 s., D823-16 s., R822-1 s.;
arrêté du 27 septembre 2019.

Aid = L + C − Pp: L the rent retained (real rent, capped by a ceiling by zone and family size),
C a flat amount of charges, Pp the personal participation P0 + (TF + TL) × (R − R0) where R are the
resources of the 12 months ending two months ago (CCH R822-3, "contemporanéisation" since 2021),
rounded up to the 100 €. Then the reduction for high rents, 5 € less, the payment threshold (10 €
for ALF/ALS), the RLS deduction in social housing, and the CRDS; paid rounded down to the euro.
"""

import math
from datetime import date

from benefits.rules.aah import aah_person
from benefits.rules.explain import Trace
from benefits.rules.family_resources import individual_base
from benefits.rules.params import parameters_at
from benefits.rules.text import Text

LABEL = Text("Aide au logement (APL, ALF ou ALS)", "Housing aid (APL, ALF or ALS)")
CSS_CCH = "CCH L821-1"
FURNISHED_RATIO = 2 / 3  # furnished rent counts for two thirds (CCH R823-3; arrêté du 27 septembre 2019)
DISABLED_DEPENDANT_RATE = 0.8
DEPENDANT_CHILD_AGE = 21  # "jusqu'au mois précédent ses 21 ans" (CCH R823-2, CSS R512-2 age of CF)
ASPA_MULTIPLE_FOR_DEPENDANT = 1.25  # resources of an adult dependant: under 1.25 × ASPA (CCH R823-2)
STUDENT_AGE = 28


def dependants(situation, month: int) -> int:
    """Personnes à charge: children under 21 not financially autonomous, and disabled adult children
    with low resources (CCH L823-2, R823-2)."""
    key = ("al_pac", month)
    if key in situation.memo:
        return situation.memo[key]
    count = 0
    year = month // 12 - 2
    aspa_ceiling = parameters_at(date(year, 12, 31)).aspa.plafond_seul * ASPA_MULTIPLE_FOR_DEPENDANT
    for child in situation.household.children:
        age = situation.age(child, month)
        if (
            0 <= age <= DEPENDANT_CHILD_AGE - 1
            and not situation.financially_autonomous(child, month)
            or (
                child.disability_rate > DISABLED_DEPENDANT_RATE
                and age >= DEPENDANT_CHILD_AGE
                and individual_base(child, year) <= aspa_ceiling
            )
        ):
            count += 1
    situation.memo[key] = count
    return count


def by_composition(values, couple: bool, pac: int, *, single="personnes_seules", pair="couples"):
    if pac == 0:
        return getattr(values, pair if couple else single)
    return None


def rent_ceiling(p, zone: int, couple: bool, pac: int) -> float:
    table = getattr(p.aides_logement.plafond_loyer, f"zone_{zone}")
    if pac == 0:
        return round(table.couples if couple else table.personnes_seules, 2)
    return round(table.un_enfant + max(pac - 1, 0) * table.majoration_par_enf_supp, 2)


def r0(p, couple: bool, pac: int) -> float:
    table = p.aides_logement.r0
    if pac == 0:
        return table.taux_couple if couple else table.taux_seul
    return getattr(table, f"taux{min(pac, 6)}pac") + max(pac - 6, 0) * table.taux_pac_supp


def tf(p, couple: bool, pac: int) -> float:
    table = p.aides_logement.tf
    if pac == 0:
        return table.couples_0_enfant if couple else table.personnes_isolees
    names = {
        1: "avec_1_enfant",
        2: "avec_2_enfants",
        3: "avec_3_enfants",
        4: "avec_4_enfants",
        5: "avec_5_enfants",
    }
    rate = getattr(table, names.get(pac, "avec_6_enfants"))
    return rate + max(pac - 6, 0) * table.maj_par_enf_supp


def tl(p, rent: float, couple: bool, pac: int) -> float:
    """Rent rate: from the ratio of the rent retained to the zone-2 ceiling (arrêté, art. 14)."""
    reference = rent_ceiling(p, 2, couple, pac)
    ratio = round(rent / reference * 100, 2) / 100
    t = p.aides_logement.tl
    if ratio >= t.seuil_2:
        rate = t.tl_taux_3 * (ratio - t.seuil_2) + t.tl_taux_2 * (t.seuil_2 - t.seuil_1)
    else:
        rate = max(0.0, t.tl_taux_2 * (ratio - t.seuil_1))
    return round(rate, 5)


def individual_resources(situation, person, month: int, neutralised: bool) -> float:
    """Taxable income of the 12 months M-13..M-2, after the deductions of CCH R822-3 s."""
    first, last = month - 13, month - 2
    year = month // 12
    salaries = person.income_sum("salary_taxable", first, last)
    unemployment = person.income_sum("unemployment_benefit_taxable", first, last)
    tax_n1 = parameters_at(date(year - 1, 1, 1)).impot
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


def work_or_unemployment(person, month: int) -> bool:
    """Income that neutralisation would remove (see individual_resources)."""
    first, last = month - 13, month - 2
    return (
        person.income_sum("salary_taxable", first, last) > 0
        or person.income_sum("unemployment_benefit_taxable", first, last) > 0
        or person.self_employment_profit.get(month // 12 - 2, 0.0) > 0
    )


def neutralisation(situation, month: int) -> bool:
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


def explain_neutralisation(situation, month: int, trace: Trace) -> None:
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


def resources(situation, month: int) -> float:
    key = ("al_resources", month)
    if key in situation.memo:
        return situation.memo[key]
    household = situation.household
    p = situation.params(month)
    # Neutralisation only zeroes income from work and unemployment: without any, the RSA of last
    # month need not be computed (a speed-up only, the amount is the same).
    neutralised = any(work_or_unemployment(person, month) for person in household.adults) and neutralisation(
        situation, month
    )
    total = sum(individual_resources(situation, person, month, neutralised) for person in household.adults)
    year = month // 12 - 2
    child_allowance = parameters_at(date(year, 12, 31)).aspa.plafond_seul * ASPA_MULTIPLE_FOR_DEPENDANT
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
    total = math.ceil(round(total * 100) / 100 / 100) * 100
    situation.memo[key] = total
    return total


def housing_aid(situation, month: int, trace: Trace | None = None) -> float:
    """The housing aid paid for `month`, net of CRDS and rounded down to the euro."""
    key = ("aide_logement", month)
    if key in situation.memo and trace is None:
        return situation.memo[key]
    trace = trace or Trace(False)
    housing = situation.household.housing
    amount = 0.0
    if not housing.is_tenant:
        trace.block(
            "Le simulateur estime les aides au logement des locataires ; votre situation de logement n’y ouvre pas droit ici.",
            "The simulator estimates housing aid for tenants; your housing situation does not open it here.",
            "CCH L821-1",
        )
    else:
        amount = tenant_aid(situation, month, trace)
    situation.memo[key] = amount
    return amount


def tenant_aid(situation, month: int, trace: Trace) -> float:
    p = situation.params(month)
    al = p.aides_logement
    household = situation.household
    housing = household.housing
    # A pregnant person living alone gets the couple scale (CCH R823-4).
    couple = household.in_couple or situation.expecting(month)
    pac = dependants(situation, month)
    zone = housing.zone or 2
    social = housing.status == "tenant_social"
    real_rent = housing.rent * (FURNISHED_RATIO if housing.status == "tenant_private_furnished" else 1)
    ceiling = rent_ceiling(p, zone, couple, pac)
    rent = min(real_rent, ceiling)
    charges = al.charges_forfait + pac * al.charges_par_personne_a_charge
    income = resources(situation, month)
    abatement = r0(p, couple, pac)
    rate = tf(p, couple, pac) + tl(p, rent, couple, pac)
    p0 = max(al.p0_taux * (rent + charges), al.p0_forfait)
    participation = p0 + rate * max(0.0, income - abatement)
    if trace.enabled:  # the PPA's fictive months compute this aid unexplained: skip the formatting
        trace.step(
            "=",
            f"Loyer retenu (plafond de la zone {zone} : {ceiling:.2f} €)",
            f"Rent retained (zone {zone} ceiling: {ceiling:.2f} €)",
            rent,
            "CCH D823-16",
        )
        trace.step(
            "+",
            f"Forfait de charges ({pac} personne(s) à charge)",
            f"Flat-rate charges ({pac} dependant(s))",
            charges,
            "CCH D823-16",
        )
        explain_neutralisation(situation, month, trace)
        trace.step(
            "-",
            f"Participation personnelle : revenus des 12 mois retenus {income:.0f} €, abattement {abatement:.0f} €, taux {rate:.4%}",
            f"Personal contribution: income of the 12 months {income:.0f} €, allowance {abatement:.0f} €, rate {rate:.4%}",
            participation,
            "CCH D823-17, R822-3",
        )
    amount = max(0.0, rent + charges - participation)
    trace.step("≥", "Pas de montant négatif", "No negative amount", 0.0, "CCH D823-17")
    if amount < (0.0 if social else al.seuil_versement_al):
        if amount:
            trace.step("-", "Non versée sous 10 €", "Not paid under 10 €", amount, "CCH D823-22")
        amount = 0.0
    coefficients = (
        getattr(al.coefficient_degressivite, f"zone_{zone}"),
        getattr(al.coefficient_suppression, f"zone_{zone}"),
    )
    high, stop = round(ceiling * coefficients[0], 2), round(ceiling * coefficients[1], 2)
    if real_rent > high:
        factor = 0.0 if real_rent > stop else 1 - (real_rent - high) / (stop - high)
        reduced = round(amount * factor, 2)
        trace.step(
            "-",
            "Réduction pour loyer très élevé",
            "Reduction for a very high rent",
            amount - reduced,
            "CCH D823-16",
        )
        amount = reduced
    else:
        amount = round(amount, 2)
    if amount > 0:
        trace.step(
            "-",
            "Minoration forfaitaire",
            "Flat-rate reduction",
            min(amount, al.minoration_forfaitaire),
            "CCH D823-16",
        )
    amount = max(0.0, amount - al.minoration_forfaitaire)
    if social and amount > 0:
        rls = solidarity_rent_reduction(p, zone, couple, pac, income)
        if rls:
            trace.step(
                "-",
                "Réduction de loyer de solidarité (part déduite de l’APL)",
                "Solidarity rent reduction (share taken from the APL)",
                min(amount, rls * p.rls.fraction_baisse),
                "CCH L823-3",
            )
        amount = max(0.0, amount - rls * p.rls.fraction_baisse)
    crds = math.floor(amount * 100 * p.crds) / 100
    paid = float(math.floor(math.floor(amount * 100) / 100 - crds))
    if amount > 0:
        trace.step(
            "-",
            "CRDS (0,5 %) et arrondi à l’euro inférieur",
            "CRDS (0.5%) and rounding down to the euro",
            amount - paid,
            "CSS L136-1; ordonnance 96-50",
        )
    if paid <= 0 and trace.blocking is None:
        trace.block(
            "Vos revenus des 12 derniers mois sont trop élevés par rapport à votre loyer.",
            "Your income of the last 12 months is too high compared with your rent.",
            "CCH D823-17",
        )
    return paid


def solidarity_rent_reduction(p, zone: int, couple: bool, pac: int, income: float) -> float:
    """RLS of social landlords, 98 % of which is taken from the APL (CCH L442-2-1, L823-3)."""
    ceilings = getattr(p.rls.plafond, f"zone_{zone}")
    amounts = getattr(p.rls.montant, f"zone_{zone}")
    if pac == 0:
        ceiling = ceilings.couples if couple else ceilings.personnes_seules
        amount = amounts.couples if couple else amounts.personnes_seules
    else:
        ceiling = (
            getattr(ceilings, f"famille_{pac}pac")
            if pac <= 6
            else ceilings.famille_6pac + (pac - 6) * ceilings.majoration_par_pac_supp
        )
        amount = amounts.famille_1pac + (pac - 1) * amounts.majoration_par_pac_supp
    return amount if income / 12 < ceiling else 0.0


def aide_logement(situation, trace: Trace):
    return trace.result("aide_logement", LABEL, housing_aid(situation, situation.month, trace))
