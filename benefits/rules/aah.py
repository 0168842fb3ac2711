"""Allocation aux adultes handicapés (AAH): CSS L821-1 to L821-3, D821-1 to D821-3, R821-4.

Per person: a disability rate of 80 %, or 50 to 79 % with a substantial and lasting restriction of
access to employment (RSDAE) until the legal retirement age; from age 20 (16 if no longer a
dependent child). The resources are the person's own since the "déconjugalisation" of 1 October
2023 (décret 2022-1694): last three months × 4 when working, otherwise year N-2, with the work
allowances of R821-4. A person entitled before keeps the couple-based calculation when it is better.
"""

from benefits.rules.asi import asi_person
from benefits.rules.explain import SILENT, Trace
from benefits.rules.household import Person
from benefits.rules.params import first_month_with
from benefits.rules.situation import Situation
from benefits.rules.text import Text

LABEL = Text("Allocation aux adultes handicapés", "Disabled adult allowance")
ACTIVITY_INCOMES = ("salary", "unemployment_benefit", "sickness_benefit")
OTHER_INCOMES = ("alimony_received", "invalidity_pension", "pension")


def is_eligible(situation: Situation, person: Person, month: int) -> bool:
    p = situation.params(month).aah
    age = situation.age(person, month)
    rate = person.disability_rate
    disabled = rate >= p.taux_incapacite or (
        rate >= p.taux_incapacite_rsdae
        and person.disability_employment_restriction
        and age <= p.age_legal_retraite
    )
    old_enough = age >= p.age_minimal or (
        age >= p.age_fin_prestations_familiales and not situation.pf_dependent(person, month)
    )
    return disabled and old_enough


def is_working(person: Person, month: int) -> bool:
    """Working in month M (taxable pay, or self-employment profit last year): quarterly assessment."""
    return (
        person.income("salary_taxable", month) + person.self_employment_profit.get(month // 12 - 1, 0.0) > 0
    )


def quarterly_resources(situation: Situation, person: Person, month: int) -> tuple[float, float]:
    """Activity and other resources of the three previous months, × 4 (CSS R821-4)."""
    first, last = month - 3, month - 1
    p = situation.params(month)
    activity = sum([person.income_sum(kind, first, last) for kind in ACTIVITY_INCOMES], 0.0)
    activity += person.income_sum("self_employment", first, last) * (1 - p.micro_bic_services_abattement)
    other = sum([person.income_sum(kind, first, last) for kind in OTHER_INCOMES], 0.0)
    other += sum([asi_person(situation, person, m) for m in range(first, last + 1)], 0.0)
    return activity * 4, other * 4


def yearly_resources(person: Person, month: int) -> tuple[float, float]:
    """Taxable resources of year N-2 (CSS R532-5)."""
    year = month // 12 - 2
    first, last = year * 12, year * 12 + 11
    activity = (
        person.income_sum("salary_taxable", first, last)
        + person.income_sum("unemployment_benefit_taxable", first, last)
        + person.self_employment_profit.get(year, 0.0)
    )
    other = (
        person.income_sum("pension_taxable", first, last)
        + person.income_sum("invalidity_pension", first, last)
        + person.income_sum("alimony_received", first, last)
    )
    return activity, other


def activity_after_allowances(situation: Situation, person: Person, month: int, activity: float) -> float:
    """80 % allowance up to 30 % of the yearly SMIC, 40 % above; then 30 % off when the activity stopped
    or a replacement income (unemployment, pension, invalidity) was paid last month (R821-4, R532-6)."""
    p = situation.params(month)
    yearly_smic = 12 * p.smic_horaire_brut * p.smic_heures_mensuelles
    first_band = min(p.aah.tranche_smic * yearly_smic, activity)
    counted = (1 - p.aah.abattement_30) * first_band + (1 - p.aah.abattement_sup) * max(
        0.0, activity - first_band
    )
    stopped = not (is_working(person, month) or person.activity == "student")
    replacement = (
        person.income("unemployment_benefit", month - 1)
        + person.income("pension", month - 1)
        + person.income("invalidity_pension", month - 1)
    ) > 0
    if stopped or replacement:
        counted *= 1 - p.aah.abattement_cessation_activite
    return counted


def raw_resources(situation: Situation, person: Person, month: int) -> tuple[float, float]:
    if is_working(person, month):
        return quarterly_resources(situation, person, month)
    return yearly_resources(person, month)


def own_resources(situation: Situation, person: Person, month: int) -> float:
    activity, other = raw_resources(situation, person, month)
    base = activity_after_allowances(situation, person, month, activity) + other
    return max(0.0, base) / 12 if is_working(person, month) else base / 12


def couple_resources(situation: Situation, person: Person, month: int) -> float:
    """Former couple-based resources (transitional right): the partner's income after 10 % and a flat
    allowance of 5 000 € + 1 400 € per child (CSS D821-2-1)."""
    household = situation.household
    own = own_resources(situation, person, month) * 12
    partner = None
    if person.role == "applicant":
        partner = household.partner
    elif person.role == "partner":
        partner = household.applicant
    if partner is None:
        return own / 12
    p = situation.params(month)
    activity, other = (
        raw_resources(situation, partner, month)
        if is_working(person, month)
        else yearly_resources(partner, month)
    )
    if is_working(person, month):
        activity, other = quarterly_resources(situation, partner, month)
    children = len(situation.pf_children(month))
    allowance = p.aah.abattement_conjoint_base + p.aah.abattement_conjoint_par_enfant * children
    return (own + max((1 - p.impot.abattement_salaires_taux) * (activity + other) - allowance, 0.0)) / 12


def aah_person(situation: Situation, person: Person, month: int, trace: Trace | None = None) -> float:
    if not person.disability_rate:  # most persons: not eligible (CSS L821-1), nothing to look up
        return 0.0
    key = situation.person_slot(person, month)
    if key in situation.aah_amounts and trace is None:
        return situation.aah_amounts[key]
    trace = trace or SILENT
    amount = 0.0
    if month < first_month_with("aah", "asi"):
        # Only reached through the ASI's resources of an early month (see asi.asi_person): no AAH is
        # counted before the first month whose parameters are loaded.
        return amount
    p = situation.params(month)
    if is_eligible(situation, person, month):
        children = len(situation.pf_children(month))
        ceiling = p.aah.montant * (1 + p.aah.majoration_plafond_par_enfant * children)
        resources = own_resources(situation, person, month)
        amount = min(p.aah.montant, max(0.0, ceiling - resources))
        # The AAH completes an invalidity pension and the ASI of last month up to its full rate (CSS L821-1).
        cap = max(
            0.0,
            p.aah.montant
            - person.income("invalidity_pension", month)
            - asi_person(situation, person, month - 1),
        )
        if person.aah_couple_calculation_option:
            couple_ceiling = p.aah.montant * (
                1
                + situation.household.in_couple * p.aah.majoration_plafond_couple
                + p.aah.majoration_plafond_par_enfant * children
            )
            couple_amount = min(
                p.aah.montant, max(0.0, couple_ceiling - couple_resources(situation, person, month))
            )
            amount = max(amount, couple_amount)
        amount = min(amount, cap)
    situation.aah_amounts[key] = amount
    return amount


def allocation_adulte_handicape(situation: Situation, trace: Trace):
    month = situation.month
    p = situation.params(month)
    total = 0.0
    candidates = [person for person in situation.household.persons if person.disability_rate > 0]
    if not candidates:
        trace.block(
            "L’AAH est réservée aux personnes dont le handicap est reconnu par la CDAPH (taux d’incapacité d’au moins 50 %).",
            "The AAH is for people whose disability is recognised by the CDAPH (disability rate of 50 % or more).",
            "CSS L821-1",
        )
    for person in candidates:
        name = (
            "le demandeur"
            if person.role == "applicant"
            else ("le conjoint" if person.role == "partner" else f"l’enfant {person.id}")
        )
        name_en = (
            "the applicant"
            if person.role == "applicant"
            else ("the partner" if person.role == "partner" else f"child {person.id}")
        )
        if not is_eligible(situation, person, month):
            trace.block(
                f"Pour {name} : il faut un taux d’incapacité d’au moins 80 %, ou de 50 à 79 % avec une restriction d’accès à l’emploi, et avoir au moins 20 ans.",
                f"For {name_en}: a disability rate of at least 80 %, or 50 to 79 % with a restriction of access to employment, and age 20 or more are needed.",
                "CSS L821-1, L821-2",
            )
            continue
        amount = aah_person(situation, person, month)
        children = len(situation.pf_children(month))
        ceiling = p.aah.montant * (1 + p.aah.majoration_plafond_par_enfant * children)
        resources = own_resources(situation, person, month)
        trace.step(
            "+",
            f"AAH pour {name} : plafond de {ceiling:.2f} € moins ses ressources de {resources:.2f} €, au plus {p.aah.montant:.2f} €",
            f"AAH for {name_en}: ceiling of {ceiling:.2f} € minus own resources of {resources:.2f} €, at most {p.aah.montant:.2f} €",
            amount,
            "CSS L821-3, D821-2, R821-4",
        )
        total += amount
    if candidates and total == 0 and trace.blocking is None:
        trace.block(
            "Les ressources dépassent le plafond de l’AAH.",
            "Resources are above the AAH ceiling.",
            "CSS L821-3, D821-2",
        )
    return trace.result("aah", LABEL, total)
