"""Allocation de base de la PAJE (child under 3): CSS L531-3, D531-3; ceilings CSS R531-1.

The portal does not show it as a benefit (not in the neutral format's list), but it is needed twice:
it excludes the complément familial (CSS L532-1) and it counts in RSA and prime d'activité resources.
"""

from benefits.rules.family_resources import dual_earners, pf_base
from benefits.rules.paje_shared import birth_index
from benefits.rules.situation import Situation


def paje_base(situation: Situation, month: int) -> float:
    key = situation.slot(month)
    if key in situation.paje_bases:
        return situation.paje_bases[key]
    p = situation.params(month)
    amount = 0.0
    # Due from the month after the birth (CSS L531-3, L552-1): nothing for an expected child, nor in the
    # birth month, so the RSA and the prime d'activité never count an allocation that is not paid.
    # OpenFisca counts it (oracle README, quirks E1, E2). See docs/calculation-core.md, "Children not
    # yet born".
    young = [
        c
        for c in situation.household.children
        if birth_index(c) < month
        and situation.age(c, month) < p.paje.age_limite
        and not situation.financially_autonomous(c, month)
    ]
    if young:
        children = len(situation.pf_children(month))
        bonus = (not situation.household.in_couple) or dual_earners(situation, month)

        def ceiling(base: float, single_or_dual: float) -> float:
            return (
                base
                + min(children, 2) * p.paje.plafond_majoration_deux_premiers * base
                + max(children - 2, 0) * p.paje.plafond_majoration_suivants * base
                + bonus * single_or_dual
            )

        resources = pf_base(situation, month)
        full = p.bmaf * p.paje.taux_plein
        if resources <= ceiling(p.paje.plafond_taux_plein, p.paje.plafond_taux_plein_biactifs_isoles):
            amount = full
        elif resources <= ceiling(p.paje.plafond_taux_partiel, p.paje.plafond_taux_partiel_biactifs_isoles):
            amount = full / 2
    situation.paje_bases[key] = amount
    return amount
