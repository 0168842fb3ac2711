"""Prime d'activité (PPA): CSS L841-1 to L846-1, R843-1 s., D843-1 s.

For each month of the reference quarter (M-3..M-1) a "fictive" prime is computed with that month's
household, incomes and parameters:
    lump sum (by family size, or raised for a single parent) + 59.85 % of earned income
    + individual bonuses − max(lump sum, resources + forfait logement);
the prime of M is their average, not paid under 15 €, and paid only if someone worked in the quarter.
"""

from decimal import ROUND_HALF_UP, Decimal

from benefits.rules.aah import aah_person
from benefits.rules.asi import asi_person
from benefits.rules.aspa import aspa_for_rsa
from benefits.rules.explain import CENT, SILENT, Trace, money
from benefits.rules.household import Person
from benefits.rules.minima_resources import (
    family_benefits_counted,
    nationality_condition,
    sickness_as_activity,
)
from benefits.rules.parameter_tree import Parameters
from benefits.rules.rsa import dependent_children, lump_sum_rate, recently_isolated
from benefits.rules.situation import Situation
from benefits.rules.text import Text, english_month

LABEL = Text("Prime d’activité", "Prime d’activité (in-work bonus)")
PENTE_BASIS = "CSS L842-3, D843-2"  # the share of earned income added (ppa/pente.yaml: 59.85 % since 2025-04)
STUDENT_FLOOR_HOURS = (
    169  # students and apprentices: earnings above 169 h of SMIC × 55 % (CSS L842-2, R842-1)
)


def single_parent_raise(situation: Situation, month: int, children: int) -> bool:
    household = situation.household
    expecting = situation.expecting(month)
    if household.in_couple or not (children or expecting):
        return False
    young = any(
        0 <= situation.age(c, month) <= 2 and not situation.financially_autonomous(c, month)
        for c in household.children
    )
    return young or recently_isolated(household, month) or expecting


def earned(situation: Situation, person: Person, month: int) -> float:
    """Earned income of one month: salary, micro-enterprise profit, sickness allowances counted as
    activity; the AAH counts as earned income above 29 hours of SMIC (CSS L842-8)."""
    if not person.incomes:  # no income at all: 0, under the AAH threshold too
        return 0.0
    key = situation.person_slot(person, month)  # asked three times per person and month: memoised
    memo = situation.ppa_earned
    if key in memo:
        return memo[key]
    memo[key] = income = _earned(situation, person, month)
    return income


def _earned(situation: Situation, person: Person, month: int) -> float:
    p = situation.params(month)
    income = (
        person.income("salary", month)
        + person.income("self_employment", month) * (1 - p.micro_bic_services_abattement)
        + sickness_as_activity(person, month)
    )
    if income >= p.ppa.seuil_aah_activite * p.smic_horaire_brut:
        income += aah_person(situation, person, month)
    return income


def other_resources(situation: Situation, person: Person, month: int) -> float:
    if not person.incomes:  # no income at all (most children): no ASI either; only the AAH can count
        return 0.0 + aah_person(situation, person, month)
    p = situation.params(month)
    income = (
        person.income("unemployment_benefit", month)
        + person.income("pension", month)
        + person.income("invalidity_pension", month)
        + person.income("alimony_received", month)
        + person.income("sickness_benefit", month)
        - sickness_as_activity(person, month)
    )
    income += asi_person(situation, person, month)
    activity = earned(situation, person, month)
    if activity < p.ppa.seuil_aah_activite * p.smic_horaire_brut:
        income += aah_person(situation, person, month)
    return income


def bonus(p: Parameters, income: float) -> float:
    """Individual bonus: 0 below 59 h of SMIC, rising linearly to its maximum (CSS D843-2)."""
    maximum = round(p.ppa.bonification_taux_max * p.ppa.montant_base, 2)
    low, high = (
        p.ppa.bonification_seuil * p.smic_horaire_brut,
        p.ppa.bonification_seuil_max * p.smic_horaire_brut,
    )
    return min(max(maximum * (income - low) / (high - low), 0.0), maximum)


def fictive_prime(situation: Situation, month: int, trace: Trace | None = None) -> float:
    from benefits.rules.aides_logement import housing_aid

    key = situation.slot(month)
    if key in situation.ppa_fictive and trace is None:
        return situation.ppa_fictive[key]
    household = situation.household
    p = situation.params(month)
    children = dependent_children(situation, month, p.rsa)
    persons = len(household.adults) + len(children)
    raised = single_parent_raise(situation, month, len(children))
    eligible = any(situation.age(person, month) >= p.ppa.age_minimum for person in household.persons) and (
        any(nationality_condition(person, p.rsa) for person in household.persons) or raised
    )
    if raised:
        lump_sum = p.ppa.montant_base * (p.rsa.isolement_base + p.rsa.isolement_par_enfant * len(children))
    else:
        lump_sum = p.ppa.montant_base * lump_sum_rate(p.rsa, len(household.adults), len(children))
    activity = sum([earned(situation, person, month) for person in household.persons], 0.0)
    bonuses = sum([bonus(p, earned(situation, person, month)) for person in household.persons], 0.0)
    # The ASPA is a social benefit the prime counts (CSS L842-4 4°, not excluded by R844-5).
    aspa = aspa_for_rsa(situation, month)
    others = (
        family_benefits_counted(situation, month)
        + sum([other_resources(situation, person, month) for person in household.persons], 0.0)
        + aspa
    )
    flat_base = p.ppa.montant_base * (
        1
        + (persons >= 2) * p.rsa.majoration_deuxieme_personne
        + (persons >= 3) * p.rsa.majoration_troisieme_personne
    )
    flat_rate = (
        p.rsa.forfait_logement_1
        if persons == 1
        else (p.rsa.forfait_logement_2 if persons == 2 else p.rsa.forfait_logement_3)
    )
    flat = flat_base * flat_rate
    aid = housing_aid(situation, month)
    in_kind = household.housing.status in ("owner", "hosted_free")
    housing = max(min(aid, flat) if aid > 0 else 0.0, flat if in_kind else 0.0)
    amount = (
        max(0.0, lump_sum + bonuses + p.ppa.pente * activity - max(activity + others + housing, lump_sum))
        if eligible
        else 0.0
    )
    if trace is not None:
        aspa_fr, aspa_en = (
            (f" (dont ASPA estimée {aspa:.2f} €)", f" (including an estimated ASPA of {aspa:.2f} €)")
            if aspa
            else ("", "")
        )
        label = f"{month // 12}-{month % 12 + 1:02d}"  # "Mois 2026-09" → "Septembre 2026" in French
        label_en = english_month(month)  # "September 2026"
        earned_text = f"{activity:.2f} €"  # each figure formatted once for both lines and languages
        # The share of earned income the prime adds (the "pente"), so that the month's line adds up.
        share = f"{earned_text} × {p.ppa.pente:.2%} = {p.ppa.pente * activity:.2f} €"
        trace.step(
            "i",
            f"Mois {label} : part des revenus d’activité ajoutée au forfaitaire, {share}",
            f"{label_en}: share of earned income added to the lump sum, {share}",
            None,
            PENTE_BASIS,
        )
        lump_text, bonus_text = f"{lump_sum:.2f} €", f"{bonuses:.2f} €"
        others_text, housing_text, amount_text = f"{others:.2f} €", f"{housing:.2f} €", f"{amount:.2f} €"
        trace.step(
            "i",
            f"Mois {label} : forfaitaire {lump_text}, revenus d’activité {earned_text}, "
            f"bonifications {bonus_text}, autres ressources {others_text}{aspa_fr}, forfait logement {housing_text} → "
            f"{amount_text}",
            f"{label_en}: lump sum {lump_text}, earned income {earned_text}, "
            f"bonuses {bonus_text}, other resources {others_text}{aspa_en}, housing flat rate {housing_text} → "
            f"{amount_text}",
            None,
            "CSS L842-3, L842-4, D843-1, D843-2" if aspa else "CSS L842-3, D843-1, D843-2",
        )
    situation.ppa_fictive[key] = amount
    return amount


def student_floor(situation: Situation, month: int) -> float:
    p = situation.params(month)
    return STUDENT_FLOOR_HOURS * p.smic_horaire_brut * p.prestations_familiales.plafond_remuneration_enfant


def someone_worked(situation: Situation, month: int) -> bool:
    """Somebody worked in the quarter; students and apprentices must have earned above 78 % of the SMIC
    each month (CSS L842-2)."""
    floor = student_floor(situation, month)
    for adult in situation.household.adults:
        quarter = [earned(situation, adult, m) for m in (month - 1, month - 2, month - 3)]
        if adult.activity == "student":
            if all(income > floor for income in quarter):
                return True
        elif any(income > 0 for income in quarter):
            return True
    return False


def worked_or_raised(situation: Situation, month: int, p: Parameters) -> bool:
    children = dependent_children(situation, month, p.rsa)
    return someone_worked(situation, month) or single_parent_raise(situation, month, len(children))


def student_earned(situation: Situation, month: int) -> bool:
    """A student earned something in the quarter, yet not enough each month to count as working."""
    return any(
        adult.activity == "student"
        and any(earned(situation, adult, m) > 0 for m in (month - 1, month - 2, month - 3))
        for adult in situation.household.adults
    )


def no_work(trace: Trace, average: float, situation: Situation):
    month = situation.month
    # The batch's SILENT trace keeps no reason and gives 0 either way: it skips the students' look-up.
    if trace is not SILENT and student_earned(situation, month):
        # The earnings are shown month by month above: "no earned income" would contradict them.
        floor = student_floor(situation, month)
        trace.step(
            "-",
            "Revenus d’activité d’une personne en études sous le seuil de la prime d’activité",
            "A student’s earnings under the prime d’activité’s floor",
            average,
            "CSS L842-2, R842-1",
        )
        trace.block(
            f"Une personne qui fait des études doit avoir gagné plus de {floor:.2f} € chaque mois des trois "
            "derniers mois pour avoir droit à la prime d’activité.",
            f"A student must have earned more than {floor:.2f} € in each of the last three months to "
            "receive the prime d’activité.",
            "CSS L842-2, R842-1",
        )
        return trace.result("ppa", LABEL, 0.0)
    trace.step(
        "-",
        "Aucun revenu d’activité ces trois derniers mois",
        "No earned income in the last three months",
        average,
        "CSS L842-1, L842-2",
    )
    trace.block(
        "La prime d’activité demande d’avoir travaillé au cours des trois derniers mois.",
        "The prime d’activité requires having worked in the last three months.",
        "CSS L841-1, L842-1",
    )
    return trace.result("ppa", LABEL, 0.0)


def explain_sum(trace: Trace, fictive: list[float], average: float) -> None:
    """The sum the average divides, from the three fictive primes, so that the reader re-adds it. The
    months' lines show each prime to the cent, but the mean is of the unrounded primes (as OpenFisca
    takes it): when the cents shown would give another mean, the primes are shown to the thousandth of
    a euro (or finer) here, as many decimals as it takes for the sum ÷ 3 to give the mean paid."""
    mean = money(average)
    digits = 2
    shown = [Decimal(f"{f:.2f}") for f in fictive]
    while digits < 6 and (sum(shown, Decimal(0)) / 3).quantize(CENT, rounding=ROUND_HALF_UP) != mean:
        digits += 1
        shown = [Decimal(f"{f:.{digits}f}") for f in fictive]
    terms = " + ".join([f"{value} €" for value in shown])
    total = f"{sum(shown, Decimal(0))} €"  # exactly the sum of the terms shown
    fr = f"Somme des primes des trois mois précédents : {terms} = {total}, à diviser par 3"
    en = f"Sum of the primes of the three previous months: {terms} = {total}, to divide by 3"
    if digits > 2:
        cents = [Decimal(f"{f:.2f}") for f in fictive]
        other = (sum(cents, Decimal(0)) / 3).quantize(CENT, rounding=ROUND_HALF_UP)
        fr += (
            f" (primes au {'millième' if digits == 3 else 'dix-millième' if digits == 4 else 'millionième'} "
            f"d’euro : arrondies au centime comme dans les lignes des mois, elles donneraient {other} € "
            "au lieu de la moyenne exacte)"
        )
        en += (
            f" (primes to {digits} decimals: rounded to the cent, as in the months' lines, they would give "
            f"{other} € instead of the exact average)"
        )
    trace.step("i", fr, en, None, "CSS L843-4, R843-1")


def prime_activite(situation: Situation, trace: Trace):
    month = situation.month
    p = situation.params(month)
    if not trace.enabled and not worked_or_raised(situation, month, p):
        # Unexplained (batch): nobody worked and no single-parent raise, so the prime is 0 whatever the
        # fictive primes are; skip them (a speed-up only; explanations still show them).
        return no_work(trace, 0.0, situation)
    fictive = [
        fictive_prime(situation, m, trace if trace.enabled else None)
        for m in (month - 3, month - 2, month - 1)
    ]
    average = sum(fictive, 0.0) / 3
    if trace.enabled:
        explain_sum(trace, fictive, average)
    trace.step(
        "=",
        "Moyenne des primes des trois mois précédents",
        "Average of the primes of the three previous months",
        average,
        "CSS L843-4, R843-1",
    )
    if not worked_or_raised(situation, month, p):
        return no_work(trace, average, situation)
    if average < p.ppa.montant_minimum:
        if average:
            trace.step("-", "Non versée sous 15 €", "Not paid under 15 €", average, "CSS D843-3")
        trace.block(
            "Vos ressources sont trop élevées pour la prime d’activité.",
            "Your resources are too high for the prime d’activité.",
            "CSS L842-3",
        )
        return trace.result("ppa", LABEL, 0.0)
    return trace.result("ppa", LABEL, average)
