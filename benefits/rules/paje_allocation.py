"""PAJE, allocation de base, as a benefit of its own: CSS L531-3, D531-3, R531-1.

Paid for a child under 3 under a resource ceiling: the full rate (41.65 % of the BMAF) under the
full-rate ceiling, half of it under the partial-rate ceiling. As the law says (CSS L531-3, L552-1), it
is due **from the month after the birth until the month before the third birthday**; for an adopted
child, for twelve months from the month after the arrival in the home. Nothing is due during the
pregnancy: the prime à la naissance (paje_prime.py) takes that place. One allocation per family, as
OpenFisca-France computes it (the law pays one per child of a multiple birth: not estimated).

OpenFisca reads the timing differently (oracle README, quirk E2: paid in the birth month, in the month
of the third birthday and during the pregnancy); the known disagreements list those months.
Given before the 0.5 % CRDS, like the AF.
"""

from benefits.rules.explain import Trace
from benefits.rules.household import Person
from benefits.rules.paje_shared import arrival_index, birth_index, ceiling, resources
from benefits.rules.situation import Situation
from benefits.rules.text import Text, english_count

LABEL = Text("PAJE – allocation de base", "PAJE – basic allowance")
ADOPTION_MONTHS = 12  # CSS L531-3: twelve monthly payments for an adopted child


def opening_child(situation: Situation, child: Person, month: int) -> bool:
    """The child opens the allocation de base in `month` (law timing, see the module doc)."""
    if situation.financially_autonomous(child, month):
        return False
    arrival = arrival_index(child)
    if arrival is not None and arrival >= birth_index(child) + 1:
        age = situation.age(child, month)
        return (
            arrival < month <= arrival + ADOPTION_MONTHS
            and age < situation.params(month).paje.age_limite_adoption
        )
    born = birth_index(child)
    return born < month < born + 12 * int(situation.params(month).paje.age_limite)


def allocation_base(situation: Situation, trace: Trace):
    month = situation.month
    p = situation.params(month)
    children = situation.household.children
    opening = [c for c in children if opening_child(situation, c, month)]
    amount = 0.0
    if not opening:
        if any(birth_index(c) >= month for c in children):
            trace.block(
                "L’allocation de base est versée à partir du mois qui suit la naissance (et jusqu’au mois "
                "qui précède les 3 ans de l’enfant) ; pendant la grossesse, c’est la prime à la naissance.",
                "The basic allowance is paid from the month after the birth (until the month before the "
                "child turns 3); during the pregnancy, the birth grant is paid instead.",
                "CSS L531-3, L552-1",
            )
        else:
            trace.block(
                "Il faut un enfant de moins de 3 ans (ou adopté depuis moins d’un an).",
                "A child under 3 (or adopted less than a year ago) is needed.",
                "CSS L531-3",
            )
        return trace.result("paje_base", LABEL, 0.0)
    # The ceilings count the children "nés ou à naître" (CSS R531-1): the dependent ones and the expected.
    expected = sum(1 for c in children if birth_index(c) > month)
    count = len(situation.pf_children(month)) + expected
    income = resources(situation, month)
    full_ceiling = ceiling(situation, month, count, full_rate=True)
    partial_ceiling = ceiling(situation, month, count, full_rate=False)
    trace.step(
        "i",
        f"Revenus de N-2 : {income:.0f} € ; plafond du taux plein {full_ceiling:.0f} €, du taux partiel "
        f"{partial_ceiling:.0f} € ({count} enfant(s) à charge ou à naître)",
        f"Year N-2 income: {income:.0f} €; full-rate ceiling {full_ceiling:.0f} €, partial-rate ceiling "
        f"{partial_ceiling:.0f} € ({english_count(count, 'dependent or expected child', 'dependent or expected children')})",
        None,
        "CSS R531-1, R532-3",
    )
    full = p.bmaf * p.paje.taux_plein
    if income <= full_ceiling:
        amount = full
        trace.step(
            "=",
            f"Taux plein : {p.paje.taux_plein * 100:.2f} % de la BMAF ({p.bmaf:.2f} €)",
            f"Full rate: {p.paje.taux_plein * 100:.2f} % of the BMAF ({p.bmaf:.2f} €)",
            amount,
            "CSS D531-3",
        )
    elif income <= partial_ceiling:
        amount = full / 2
        trace.step(
            "=",
            f"Taux partiel : la moitié du taux plein ({full:.2f} €)",
            f"Partial rate: half the full rate ({full:.2f} €)",
            amount,
            "CSS D531-3",
        )
    else:
        trace.block(
            "Vos revenus de N-2 dépassent le plafond de l’allocation de base.",
            "Your year N-2 income is above the basic allowance's ceiling.",
            "CSS R531-1",
        )
    return trace.result("paje_base", LABEL, amount)
