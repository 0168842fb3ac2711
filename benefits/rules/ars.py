"""Allocation de rentrée scolaire (ARS): CSS L543-1, R543-1 to R543-5, D543-1.

Yearly amount for the school year starting in the calendar year of the computed month, paid in
August: children aged 6 to 18 (by their age at the end of the year), resources of N-2 under a ceiling
raised by 30 % per dependent child; a differential ARS just above it; not paid under 15 €.
"""

from benefits.rules.explain import Trace
from benefits.rules.family_resources import pf_base
from benefits.rules.text import Text

LABEL = Text("Allocation de rentrée scolaire", "Back-to-school allowance")
MONTHS_OF_GRACE_AT_18 = 2  # a child who turned 18 in the last months of the year still counts (lycée)


def ars_amount(situation, trace: Trace) -> float:
    year = situation.month // 12
    january, october, december = year * 12, year * 12 + 9, year * 12 + 11
    p = situation.params(october)
    counts = {"6_10": 0, "11_14": 0, "15_18": 0}
    for child in situation.household.children:
        if situation.financially_autonomous(child, december):
            continue
        age = situation.age(child, december)
        if 6 <= age <= 10:
            counts["6_10"] += 1
        elif 11 <= age <= 14:
            counts["11_14"] += 1
        elif (
            15 <= age <= 17
            or 12 * 18 <= situation.age_in_months(child, december) <= 12 * 18 + MONTHS_OF_GRACE_AT_18
        ):
            counts["15_18"] += 1
    pupils = sum(counts.values())
    if not pupils:
        trace.block(
            "Il faut un enfant de 6 à 18 ans scolarisé à la rentrée.",
            "A child aged 6 to 18 in school at the start of the school year is needed.",
            "CSS L543-1",
        )
        return 0.0
    gross = p.bmaf * (
        p.ars.taux_6_10 * counts["6_10"]
        + p.ars.taux_11_14 * counts["11_14"]
        + p.ars.taux_15_18 * counts["15_18"]
    )
    trace.step(
        "=",
        f"Enfants de 6-10 ans : {counts['6_10']}, 11-14 ans : {counts['11_14']}, 15-18 ans : {counts['15_18']}",
        f"Children aged 6-10: {counts['6_10']}, 11-14: {counts['11_14']}, 15-18: {counts['15_18']}",
        gross,
        "CSS D543-1",
    )
    children_october = len(situation.pf_children(october))
    ceiling = p.ars.plafond * (1 + children_october * p.ars.plafond_majoration_par_enfant)
    resources = pf_base(situation, january)
    excess = max(0.0, resources - ceiling)
    if excess:
        trace.step(
            "-",
            f"Revenus de N-2 au-dessus du plafond de {ceiling:.0f} € (ARS différentielle)",
            f"Year N-2 income above the {ceiling:.0f} € ceiling (differential allowance)",
            min(excess, gross),
            "CSS L543-1, R543-5",
        )
    amount = max(0.0, gross - excess)
    if amount < p.ars.montant_minimum:
        if amount:
            trace.step("-", "Non versée sous 15 €", "Not paid under 15 €", amount, "CSS D543-1")
        trace.block(
            "Vos revenus de N-2 dépassent le plafond de l’allocation de rentrée scolaire.",
            "Your year N-2 income is above the back-to-school allowance's ceiling.",
            "CSS R543-5",
        )
        return 0.0
    return amount


def allocation_rentree_scolaire(situation, trace: Trace):
    return trace.result("ars", LABEL, ars_amount(situation, trace), period="year")
