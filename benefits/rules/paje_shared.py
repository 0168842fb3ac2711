"""What the PAJE's allocation de base and its primes share: the resource ceilings and the children.

Ceilings (CSS R531-1): a base for a family without children, raised by a share of it for each of the
first two children and a larger share from the third, plus a fixed sum for a single parent or a couple
who both earned at least 12 BMAF in N-2; resources are the family's N-2 income (CSS R532-3). The same
formula is in paje.py (the internal allocation de base that excludes the CF and counts in RSA/PPA
resources); it is repeated here with its explanation so that paje.py stays as it is.
"""

from benefits.rules.family_resources import dual_earners, pf_base
from benefits.rules.household import Person
from benefits.rules.situation import Situation


def ceiling(situation: Situation, month: int, children: int, *, full_rate: bool) -> float:
    p = situation.params(month).paje
    base = p.plafond_taux_plein if full_rate else p.plafond_taux_partiel
    single_or_dual = (
        p.plafond_taux_plein_biactifs_isoles if full_rate else p.plafond_taux_partiel_biactifs_isoles
    )
    bonus = (not situation.household.in_couple) or dual_earners(situation, month)
    return (
        base
        + min(children, 2) * p.plafond_majoration_deux_premiers * base
        + max(children - 2, 0) * p.plafond_majoration_suivants * base
        + bonus * single_or_dual
    )


def resources(situation: Situation, month: int) -> float:
    return pf_base(situation, month)


def birth_index(person: Person) -> int:
    return person.birth_date.year * 12 + person.birth_date.month - 1


def arrival_index(person: Person) -> int | None:
    if person.adoption_date is None:
        return None
    return person.adoption_date.year * 12 + person.adoption_date.month - 1
