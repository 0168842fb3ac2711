"""PAJE, prime à la naissance and prime à l'adoption: CSS L531-2, D531-2, R531-1.

A one-off sum per child (twins: twice) under the partial-rate PAJE ceiling, the children counted
being those dependent plus the child expected (CSS R531-1: "enfants nés ou à naître").
- Birth: 229.75 % of the BMAF, paid "avant la fin du dernier jour du mois civil suivant le sixième mois
  de la grossesse" (CSS D531-2), i.e. in the 7th month of pregnancy. With only the expected date of
  birth known, that is the month two months before the birth month — OpenFisca-France's reading too
  (oracle README, quirk E1). In any other month the prime is 0 and the explanation says when it comes.
- Adoption: 459.5 % of the BMAF for a child under 20 adopted or placed for adoption, paid at the latest
  in the month after the arrival in the home (CSS D531-2); shown in that month.
Rounded to the cent, before the 0.5 % CRDS like the other family benefits (period "once").
"""

from benefits.rules.explain import Trace
from benefits.rules.months import month_label
from benefits.rules.paje_shared import arrival_index, birth_index, ceiling, resources
from benefits.rules.text import Text, english_count

LABEL = Text("PAJE – prime à la naissance ou à l’adoption", "PAJE – birth or adoption grant")
MONTHS_BEFORE_BIRTH = 2  # the month after the 6th month of pregnancy, counted back from the due date


def due_children(situation, month: int) -> list:
    return [c for c in situation.household.children if birth_index(c) == month + MONTHS_BEFORE_BIRTH]


def adopted_children(situation, month: int) -> list:
    limit = situation.params(month).paje.age_limite_adoption
    return [
        c
        for c in situation.household.children
        if (arrival := arrival_index(c)) is not None
        and arrival > birth_index(c)
        and arrival + 1 == month
        and situation.age(c, month) < limit
    ]


def prime(situation, trace: Trace):
    month = situation.month
    p = situation.params(month)
    births = due_children(situation, month)
    adoptions = adopted_children(situation, month)
    if not births and not adoptions:
        later = sorted(birth_index(c) for c in situation.household.children if birth_index(c) > month)
        if later:
            paid = later[0] - MONTHS_BEFORE_BIRTH
            trace.block(
                f"La prime à la naissance est versée au 7e mois de grossesse : pour une naissance prévue en "
                f"{month_label(later[0])}, en {month_label(paid)}.",
                f"The birth grant is paid in the 7th month of pregnancy: for a birth due in "
                f"{month_label(later[0])}, in {month_label(paid)}.",
                "CSS D531-2",
            )
        else:
            trace.block(
                "La prime est versée au 7e mois de grossesse, ou le mois qui suit l’arrivée d’un enfant adopté.",
                "The grant is paid in the 7th month of pregnancy, or in the month after an adopted child arrives.",
                "CSS L531-2, D531-2",
            )
        return trace.result("paje_naissance", LABEL, 0.0, period="once")
    count = len(situation.pf_children(month)) + len(births)
    income = resources(situation, month)
    limit = ceiling(situation, month, count, full_rate=False)
    trace.step(
        "i",
        f"Revenus de N-2 : {income:.0f} € pour un plafond de {limit:.0f} € ({count} enfant(s), nés ou à naître)",
        f"Year N-2 income: {income:.0f} € for a ceiling of {limit:.0f} € ({english_count(count, 'child', 'children')}, born or expected)",
        None,
        "CSS R531-1, R532-3",
    )
    if income > limit:
        trace.block(
            "Vos revenus de N-2 dépassent le plafond de la prime.",
            "Your year N-2 income is above the grant's ceiling.",
            "CSS R531-1",
        )
        return trace.result("paje_naissance", LABEL, 0.0, period="once")
    total = 0.0
    birth_amount = round(p.bmaf * p.paje.prime_naissance, 2)
    adoption_amount = round(p.bmaf * p.paje.prime_adoption, 2)
    for child in births:
        op = "=" if total == 0 else "+"
        trace.step(
            op,
            f"Prime à la naissance pour l’enfant attendu en {month_label(birth_index(child))} : "
            f"{p.paje.prime_naissance * 100:.2f} % de la BMAF ({p.bmaf:.2f} €)",
            f"Birth grant for the child due in {month_label(birth_index(child))}: "
            f"{p.paje.prime_naissance * 100:.2f} % of the BMAF ({p.bmaf:.2f} €)",
            birth_amount,
            "CSS L531-2, D531-2",
        )
        total += birth_amount
    for child in adoptions:
        op = "=" if total == 0 else "+"
        trace.step(
            op,
            f"Prime à l’adoption pour l’enfant {child.id} : {p.paje.prime_adoption * 100:.2f} % de la BMAF",
            f"Adoption grant for child {child.id}: {p.paje.prime_adoption * 100:.2f} % of the BMAF",
            adoption_amount,
            "CSS L531-2, D531-2",
        )
        total += adoption_amount
    return trace.result("paje_naissance", LABEL, total, period="once")
