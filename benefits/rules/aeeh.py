"""Allocation d'éducation de l'enfant handicapé (AEEH): CSS L541-1 s., R541-1, D541-1 s.

For each dependent child under 20 whose disability rate is at least 80 %, or 50 to 79 % when the child
attends a specialised establishment or needs specialised care (CSS L541-1, R541-1): the base amount,
32 % of the BMAF, without resource condition. The CDAPH may add a complement of category 1 to 6
(CSS R541-2) according to the costs and the parent's reduced work; when the household gives that
category, the complement is added (categories 1 to 5: a share of the BMAF, CSS D541-2), and a single
parent with a complement of category 2 or more gets the majoration (CSS L541-4, D541-4). Not estimated:
the 6th category's complement (equal to the majoration pour tierce personne of invalidity pensions,
revalued separately) and the choice between the complements and the PCH.
Before the 0.5 % CRDS, like the other family benefits. Not in OpenFisca's extras: hand-made tests only.
"""

from benefits.rules.explain import Trace
from benefits.rules.text import Text

LABEL = Text(
    "Allocation d’éducation de l’enfant handicapé (AEEH)", "Disabled child education allowance (AEEH)"
)
NOT_ESTIMATED_CATEGORY = 6


def aeeh_child(situation, child, month: int) -> bool:
    p = situation.params(month)
    rate = child.disability_rate
    return (
        situation.pf_dependent(child, month)
        and situation.age(child, month) < p.aeeh.age_limite
        and (
            rate >= p.aeeh.taux_incapacite
            or (rate >= p.aeeh.taux_incapacite_soins and child.aeeh_specialised_care)
        )
    )


def allocation_education_enfant_handicape(situation, trace: Trace):
    month = situation.month
    p = situation.params(month)
    children = [c for c in situation.household.children if c.disability_rate > 0]
    eligible = [c for c in children if aeeh_child(situation, c, month)]
    if not eligible:
        trace.block(
            "L’AEEH concerne un enfant de moins de 20 ans dont le taux d’incapacité est d’au moins 80 %, ou de "
            "50 à 79 % s’il fréquente un établissement spécialisé ou reçoit des soins spécialisés.",
            "The AEEH is for a child under 20 with a disability rate of at least 80 %, or 50 to 79 % when "
            "attending a specialised establishment or receiving specialised care.",
            "CSS L541-1, R541-1",
        )
        return trace.result("aeeh", LABEL, 0.0)
    single = not situation.household.in_couple
    total = 0.0
    for child in eligible:
        base = p.bmaf * p.aeeh.base
        trace.step(
            "+",
            f"Allocation de base pour l’enfant {child.id} : {p.aeeh.base * 100:.0f} % de la BMAF ({p.bmaf:.2f} €)",
            f"Base amount for child {child.id}: {p.aeeh.base * 100:.0f} % of the BMAF ({p.bmaf:.2f} €)",
            base,
            "CSS L541-1, D541-1",
        )
        total += base
        category = child.aeeh_category
        if category is None:
            trace.step(
                "i",
                "Complément non estimé : indiquez sa catégorie (1 à 6) si la CDAPH en a accordé un.",
                "Complement not estimated: give its category (1 to 6) if the CDAPH granted one.",
                None,
                "CSS R541-2",
            )
            continue
        if category == NOT_ESTIMATED_CATEGORY:
            trace.step(
                "i",
                "Complément de 6e catégorie non estimé (égal à la majoration pour tierce personne).",
                "6th category complement not estimated (equal to the third-party majoration).",
                None,
                "CSS D541-2",
            )
        else:
            rate = getattr(p.aeeh, f"complement_{category}")
            trace.step(
                "+",
                f"Complément de {category}e catégorie : {rate * 100:.2f} % de la BMAF",
                f"Category {category} complement: {rate * 100:.2f} % of the BMAF",
                p.bmaf * rate,
                "CSS R541-2, D541-2",
            )
            total += p.bmaf * rate
        if single and category >= 2:
            rate = getattr(p.aeeh, f"majoration_isole_{category}")
            trace.step(
                "+",
                f"Majoration pour parent isolé ({category}e catégorie) : {rate * 100:.0f} % de la BMAF",
                f"Single-parent majoration (category {category}): {rate * 100:.0f} % of the BMAF",
                p.bmaf * rate,
                "CSS L541-4, D541-4",
            )
            total += p.bmaf * rate
    return trace.result("aeeh", LABEL, total)
