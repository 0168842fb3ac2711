"""Allocation supplémentaire d'invalidité (ASI): CSS L815-24, D815-18 s.

Not one of the portal's eight benefits, but a person with an invalidity pension receives it under a
resource ceiling, and it reduces the AAH (CSS L821-1: the AAH completes the pension and the ASI up to
its full rate) and counts in the RSA and prime d'activité resources. Modelled as OpenFisca-France does:
resources of the three previous months; gross salaries are not known in the neutral format.
"""

from benefits.rules.household import Person
from benefits.rules.minima_resources import EEA
from benefits.rules.parameter_tree import Parameters
from benefits.rules.params import first_month_with
from benefits.rules.situation import Situation

ASPA_EARLY_RATE = 0.5  # from the legal retirement age, a disability above 50 % opens the ASPA (CSS L815-1)
INCOMES = ("unemployment_benefit", "sickness_benefit", "alimony_received", "invalidity_pension")


def residence_condition(person: Person, p: Parameters) -> bool:
    if person.nationality == "FR" or person.nationality in EEA or person.nationality == "CH":
        return True
    return person.residence_permit_years >= p.aspa.duree_titre_sejour


def aspa_eligible(situation: Situation, person: Person, month: int) -> bool:
    p = situation.params(month)
    age = situation.age(person, month)
    early = age >= p.aah.age_legal_retraite and person.disability_rate > ASPA_EARLY_RATE
    return (age >= p.aspa.age_minimum or early) and residence_condition(person, p)


def asi_eligible(situation: Situation, person: Person, month: int) -> bool:
    p = situation.params(month)
    return (
        not aspa_eligible(situation, person, month)
        and residence_condition(person, p)
        and person.income("invalidity_pension", month) > 0
    )


def resources(situation: Situation, person: Person, month: int) -> float:
    from benefits.rules.aah import aah_person

    p = situation.params(month)
    total = sum([max(0.0, person.income_sum(kind, month - 3, month - 1)) for kind in INCOMES], 0.0)
    total += person.income_sum("self_employment", month - 3, month - 1) * (
        1 - p.micro_bic_services_abattement
    )
    if not (
        aspa_eligible(situation, person, month)
        or asi_eligible(situation, person, month)
        or person.income("invalidity_pension", month) > 0
    ):
        total += sum([aah_person(situation, person, m) for m in range(month - 3, month)], 0.0)
    return total / 3


def asi_person(situation: Situation, person: Person, month: int) -> float:
    if "invalidity_pension" not in person.incomes:  # no pension ever: not eligible (CSS L815-24)
        return 0.0
    key = situation.person_slot(person, month)
    if key in situation.asi_amounts:
        return situation.asi_amounts[key]
    amount = 0.0
    if month < first_month_with("aah", "asi"):
        # The AAH of a month counts the ASI of the quarter before, whose resources count the AAH of the
        # quarter before that…: the chain goes back as far as the incomes given. It stops at the first
        # month whose AAH and ASI parameters are loaded; before it, no ASI is counted (assumption).
        return amount
    household = situation.household
    if person.role != "child" and asi_eligible(situation, person, month):
        p = situation.params(month)
        adults = household.adults
        asi = [asi_eligible(situation, a, month) for a in adults]
        aspa = [aspa_eligible(situation, a, month) for a in adults]
        allowances = sum([1 for a, b in zip(asi, aspa, strict=True) if a or b])
        share = 0.0
        ceiling = 0.0
        if allowances == 1:
            share, ceiling = 1.0, (p.asi.plafond_couple if household.in_couple else p.asi.plafond_seul)
        elif len(adults) == 2 and all(asi):
            share, ceiling = 0.5, p.asi.plafond_couple
        base = sum([resources(situation, a, month) for a in adults], 0.0)
        amount = share * max(ceiling / 12 - base, 0.0)
    situation.asi_amounts[key] = amount
    return amount
