"""Complément familial (CF): CSS L522-1 to L522-3, D522-1 to D522-3, R522-2.

At least three dependent children all aged 3 to 20; resources of N-2 under a ceiling that grows with
the children (majoré under half the ceiling), a differential amount just above it; not with the PAJE.
"""

from benefits.rules.explain import SILENT, Trace
from benefits.rules.family_resources import dual_earners, family_base
from benefits.rules.household import Person
from benefits.rules.paje import paje_base
from benefits.rules.situation import Situation
from benefits.rules.text import Text

LABEL = Text("Complément familial", "Family supplement")


def cf_dependent(situation: Situation, person: Person, month: int) -> bool:
    p = situation.params(month)
    return (
        person.role == "child"
        and 0 <= situation.age(person, month) < p.cf.age_max
        and not situation.financially_autonomous(person, month)
    )


def cf_parts(situation: Situation, month: int, trace: Trace | None = None) -> dict:
    key = situation.slot(month)
    if key in situation.cf_parts and trace is None:
        return situation.cf_parts[key]
    trace = trace or SILENT
    p = situation.params(month)
    dependents = [c for c in situation.household.children if cf_dependent(situation, c, month)]
    eligible = [c for c in dependents if situation.age(c, month) >= p.cf.age_min]
    parts = {"base_amount": 0.0, "total": 0.0}
    if len(eligible) < p.cf.nombre_enfants_min:
        trace.block(
            "Il faut au moins trois enfants à charge âgés de 3 à 20 ans.",
            "At least three dependent children aged 3 to 20 are needed.",
            "CSS L522-1",
        )
        situation.cf_parts[key] = parts
        return parts
    n = len(dependents)
    ceiling = p.cf.plafond_0_enfant * (
        1
        + p.cf.plafond_majoration_deux_premiers * min(n, 2)
        + p.cf.plafond_majoration_suivants * max(n - 2, 0)
    )
    if not situation.household.in_couple or dual_earners(situation, month):
        ceiling += p.cf.plafond_biactifs_isoles
    resources = family_base(situation, month, cf_dependent)
    trace.step(
        "i",
        f"Revenus de N-2 : {resources:.0f} € pour un plafond de {ceiling:.0f} €",
        f"Year N-2 income: {resources:.0f} € for a ceiling of {ceiling:.0f} €",
        None,
        "CSS R522-2",
    )
    base_amount = p.bmaf * p.cf.taux_base
    amount = 0.0
    if resources <= ceiling:
        amount = base_amount
        trace.step("=", "Complément familial", "Family supplement", amount, "CSS D522-2")
    elif resources <= ceiling + 12 * base_amount:
        amount = (ceiling + 12 * base_amount - resources) / 12
        trace.step(
            "=",
            "Complément familial différentiel (revenus juste au-dessus du plafond)",
            "Differential supplement (income just above the ceiling)",
            amount,
            "CSS L522-2, D522-2",
        )
    else:
        trace.block(
            "Vos revenus de N-2 dépassent le plafond du complément familial.",
            "Your year N-2 income is above the family supplement's ceiling.",
            "CSS R522-2",
        )
    parts["base_amount"] = amount
    if resources <= ceiling * p.cf.plafond_majore_ratio and p.bmaf * p.cf.taux_majore > amount:
        trace.step(
            "+",
            "Majoration (revenus sous la moitié du plafond)",
            "Increase (income under half the ceiling)",
            p.bmaf * p.cf.taux_majore - amount,
            "CSS L522-3, D522-2",
        )
        amount = p.bmaf * p.cf.taux_majore
    if amount and paje_base(situation, month) > 0:
        trace.step(
            "-",
            "Non cumulable avec l’allocation de base de la PAJE",
            "Not combined with the PAJE basic allowance",
            amount,
            "CSS L532-1",
        )
        trace.block(
            "Le complément familial ne se cumule pas avec l’allocation de base de la PAJE (enfant de moins de 3 ans).",
            "The family supplement cannot be combined with the PAJE basic allowance (child under 3).",
            "CSS L532-1",
        )
        amount = 0.0
        parts["base_amount"] = 0.0
    parts["total"] = round(amount, 2)
    situation.cf_parts[key] = parts
    return parts


def complement_familial(situation: Situation, trace: Trace):
    return trace.result("cf", LABEL, cf_parts(situation, situation.month, trace)["total"])
