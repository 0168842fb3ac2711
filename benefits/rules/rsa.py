"""Revenu de solidarité active (RSA): CASF L262-1 to L262-12, R262-1 to R262-13.

RSA = lump sum by family size (or raised for a single parent) − resources of the reference quarter
(average of M-3..M-1) − the "forfait logement" when housing is free or housing aid is paid; nothing
under 6 €. Since 2016 the activity part is the prime d'activité.
"""

from benefits.rules.aspa import aspa_for_rsa
from benefits.rules.explain import SILENT, Trace
from benefits.rules.household import Household
from benefits.rules.minima_resources import (
    aah_received,
    activity_income,
    family_benefits_counted,
    nationality_condition,
    other_income,
)
from benefits.rules.paje_shared import birth_index
from benefits.rules.parameter_tree import Rsa
from benefits.rules.situation import Situation
from benefits.rules.text import Text, english_count

LABEL = Text("Revenu de solidarité active (RSA)", "RSA (revenu de solidarité active)")


def recently_isolated(household: Household, month: int) -> bool:
    since = household.single_parent_since
    return since is not None and not household.in_couple and 0 <= month - since < 18


def lump_sum_rate(p_rsa: Rsa, parents: int, children: int) -> float:
    persons = parents + children
    rate = 1.0
    rate += (persons >= 2) * p_rsa.majoration_deuxieme_personne
    rate += (persons >= 3) * p_rsa.majoration_troisieme_personne
    if persons >= 4:
        rate += (
            p_rsa.majoration_personne_supplementaire if parents == 1 else p_rsa.majoration_troisieme_personne
        )
    rate += max(persons - 4, 0) * p_rsa.majoration_personne_supplementaire
    return rate


def dependent_children(situation: Situation, month: int, p_rsa: Rsa) -> list:
    """Children counted by the RSA: under 25, not financially autonomous, and whose own resources do
    not exceed what they add to the lump sum (CAF rule, CASF R262-3). A child due after `month` is
    not yet a dependent child (R262-1 raises the lump sum "pour chaque enfant à charge"): a pregnancy
    opens the raised lump sum of an isolated pregnant woman without the child's share (CASF L262-9
    2°, R262-1) and the RSA under 25 (L262-4 1°, "enfants nés ou à naître"), nothing else.
    OpenFisca counts it (oracle README, quirk E1). The prime d'activité uses the same children."""
    key = situation.slot(month)
    if key in situation.rsa_children:
        return situation.rsa_children[key]
    household = situation.household
    young = [
        c
        for c in household.children
        if birth_index(c) <= month
        and situation.age(c, month) < p_rsa.age_enfant_a_charge
        and not situation.financially_autonomous(c, month)
    ]
    opens_majoration = (
        not household.in_couple
        and not situation.expecting(month)
        and recently_isolated(household, month)
        and len(young) <= 1
    )
    limit = (
        (p_rsa.isolement_base - 1 + p_rsa.isolement_par_enfant)
        if opens_majoration
        else p_rsa.majoration_personne_supplementaire
    ) * p_rsa.montant_base
    counted = [
        c for c in young if activity_income(situation, c, month) + other_income(situation, c, month) < limit
    ]
    situation.rsa_children[key] = counted
    return counted


def housing_flat_rate(
    situation: Situation, month: int, persons: int, base: float, housing_aid: float, p_rsa: Rsa
) -> float:
    """Forfait logement: housing aid received, or free housing, counts as a resource up to 12 %, 16 %
    or 16.5 % of the lump sum of one, two or three persons (CASF R262-9, R262-10)."""
    if persons == 1:
        flat = base * p_rsa.forfait_logement_1
    elif persons == 2:
        flat = base * p_rsa.forfait_logement_2 * (1 + p_rsa.majoration_deuxieme_personne)
    else:
        flat = (
            base
            * p_rsa.forfait_logement_3
            * (1 + p_rsa.majoration_deuxieme_personne + p_rsa.majoration_troisieme_personne)
        )
    status = situation.household.housing.status
    in_kind = status == "owner" or status == "hosted_free"
    return max(min(housing_aid, flat) if housing_aid > 0 else 0.0, flat if in_kind else 0.0)


def rsa_amount(
    situation: Situation, month: int, housing_aid_known: bool = True, trace: Trace | None = None
) -> float:
    key = situation.slot(month) * 2 + housing_aid_known
    if key in situation.rsa_amounts and trace is None:
        return situation.rsa_amounts[key]
    trace = trace or SILENT
    from benefits.rules.aides_logement import housing_aid as housing_aid_of

    household = situation.household
    p = situation.params(month)
    p_rsa = p.rsa
    parents = len(household.adults)
    children = dependent_children(situation, month, p_rsa)
    base = p_rsa.montant_base
    # Under 25: a child "né ou à naître" is needed (CASF L262-4 1°); an expected child is not in
    # `children` (dependent_children) but opens the right.
    unborn = any(birth_index(c) > month for c in household.children)
    adults_ok = [
        a
        for a in household.adults
        if (children or unborn or situation.age(a, month) >= p_rsa.age_minimum) and a.activity != "student"
    ]
    nationality_ok = any(nationality_condition(a, p_rsa) for a in household.adults)
    eligible = bool(adults_ok) and nationality_ok
    lump_sum = base * lump_sum_rate(p_rsa, parents, len(children)) if eligible else 0.0
    young_child = any(
        0 <= situation.age(c, month) <= 2 and not situation.financially_autonomous(c, month)
        for c in household.children
    )
    expecting = situation.expecting(month)
    single_parent = (
        not household.in_couple
        and (children or expecting)
        and (young_child or recently_isolated(household, month) or expecting)
    )
    raised = (
        base * (p_rsa.isolement_base + p_rsa.isolement_par_enfant * len(children)) if single_parent else 0.0
    )
    if not eligible and not raised:
        if not nationality_ok:
            trace.block(
                "Pour une personne étrangère hors Union européenne, il faut un titre de séjour depuis au moins 5 ans.",
                "A non-EU foreign national needs a residence permit for at least 5 years.",
                "CASF L262-4",
            )
        elif all(a.activity == "student" for a in household.adults):
            trace.block(
                "Les étudiants n’ont en général pas droit au RSA.",
                "Students are generally not entitled to the RSA.",
                "CASF L262-4",
            )
        else:
            trace.block(
                "Il faut avoir au moins 25 ans ou un enfant à charge.",
                "You must be 25 or older, or have a dependent child.",
                "CASF L262-4",
            )
        situation.rsa_amounts[key] = 0.0
        return 0.0
    ceiling = max(lump_sum, raised)
    if raised >= lump_sum and not children:
        trace.step(
            "=",
            "Montant forfaitaire majoré de femme isolée enceinte (l’enfant à naître compte à sa naissance)",
            "Raised lump sum of an isolated pregnant woman (the expected child counts from the birth)",
            ceiling,
            "CASF L262-9, R262-1",
        )
    elif raised >= lump_sum:
        trace.step(
            "=",
            f"Montant forfaitaire majoré de parent isolé ({len(children)} enfant(s))",
            f"Single-parent lump sum ({english_count(len(children), 'child', 'children')})",
            ceiling,
            "CASF L262-9, R262-1",
        )
    else:
        trace.step(
            "=",
            f"Montant forfaitaire pour {parents + len(children)} personne(s)",
            f"Lump sum for {english_count(parents + len(children), 'person', 'people')}",
            ceiling,
            "CASF L262-2, R262-1",
        )
    housing_aid = housing_aid_of(situation, month) if housing_aid_known else 0.0
    flat = housing_flat_rate(situation, month, parents + len(children), base, housing_aid, p_rsa)
    if flat:
        trace.step(
            "-",
            "Forfait logement (aide au logement ou logement gratuit)",
            "Housing flat rate (housing aid or free housing)",
            flat,
            "CASF R262-9, R262-10",
        )
    counted = list(household.adults) + children
    activity = sum([activity_income(situation, person, month) for person in counted], 0.0)
    if not trace.enabled and ceiling - flat - activity < p_rsa.montant_minimum:
        # Every other resource is >= 0, so nothing can be paid: skip the family benefits and AAH of
        # the quarter (a speed-up only, the amount is the same; explanations still show every line).
        situation.rsa_amounts[key] = 0.0
        return 0.0
    other = sum([other_income(situation, person, month) for person in counted], 0.0)
    if not trace.enabled and ceiling - flat - activity - other < p_rsa.montant_minimum:
        # The family benefits and the AAH counted below are >= 0: the same speed-up, one line later.
        situation.rsa_amounts[key] = 0.0
        return 0.0
    benefits = family_benefits_counted(situation, month) + sum(
        [aah_received(situation, a, month) for a in household.persons], 0.0
    )
    if activity:
        trace.step(
            "-",
            "Revenus d’activité (moyenne des 3 derniers mois)",
            "Earned income (average of the last 3 months)",
            activity,
            "CASF R262-6",
        )
    if other:
        trace.step(
            "-",
            "Autres revenus (chômage, retraite, pensions, moyenne des 3 derniers mois)",
            "Other income (unemployment, pensions, average of the last 3 months)",
            other,
            "CASF R262-6, R262-13",
        )
    if benefits:
        trace.step(
            "-",
            "Prestations familiales et AAH prises en compte",
            "Family benefits and AAH counted",
            benefits,
            "CASF R262-10-1, R262-11",
        )
    aspa = aspa_for_rsa(situation, month)
    if aspa:
        trace.step(
            "-",
            "Allocation de solidarité aux personnes âgées (ASPA) estimée, à demander à la caisse de retraite",
            "Estimated solidarity allowance for the elderly (ASPA), to claim from the pension fund",
            aspa,
            "CASF L262-10, R262-6; CSS L815-1",
        )
    amount = max(0.0, ceiling - flat - activity - other - benefits - aspa)
    trace.step(
        "≥", "Le montant ne peut pas être négatif", "The amount cannot be negative", 0.0, "CASF L262-2"
    )
    if amount < p_rsa.montant_minimum:
        if amount:
            trace.step("-", "Non versé sous 6 €", "Not paid under 6 €", amount, "CASF R262-39")
        trace.block(
            "Vos ressources des trois derniers mois dépassent le montant forfaitaire du RSA.",
            "Your resources of the last three months exceed the RSA lump sum.",
            "CASF L262-2",
        )
        amount = 0.0
    situation.rsa_amounts[key] = amount
    return amount


def revenu_solidarite_active(situation: Situation, trace: Trace):
    return trace.result("rsa", LABEL, rsa_amount(situation, situation.month, True, trace))
