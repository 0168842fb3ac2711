"""Allocation de rentrée scolaire (ARS): CSS L543-1, R543-1 to R543-5, D543-1.

Yearly amount for the school year starting in the calendar year N of the computed month, paid in
August. Ages by calendar birthdays, on the dates CSS R543-2 names: a child opens the right when their
6th birthday falls before 1 February N+1 and they are not yet 18 on 15 September N; the rate rises
with the age reached during calendar year N (11, then 15: CSS R543-2, D543-1). Resources of N-2 under a
ceiling raised by 30 % per dependent child; a differential ARS just above it; not paid under 15 €.
"""

from datetime import date

from benefits.rules.ages import age_years
from benefits.rules.explain import Trace
from benefits.rules.family_resources import pf_base
from benefits.rules.text import Text

LABEL = Text("Allocation de rentrée scolaire", "Back-to-school allowance")
# CSS R543-2, al. 1: « chaque enfant à charge qui atteindra son sixième anniversaire avant le 1er février
# de l'année suivant celle de la rentrée scolaire » — 6 years old on 31 January N+1 at the latest.
AGE_MIN = 6
# CSS R543-2, al. 2: « tout enfant qui n'a pas atteint l'âge de dix-huit ans révolus au 15 septembre de
# l'année considérée » — under 18 on 15 September N (18 on 15 September itself: no longer due).
AGE_MAX = 18
# CSS R543-2, al. 3 (rates: CSS D543-1): « majoré … lorsque l'enfant atteint ses onze ans, et … ses
# quinze ans, au cours de l'année civile de la rentrée scolaire » — by the age on 31 December N.
AGE_COLLEGE, AGE_LYCEE = 11, 15


def ars_age_band(birth: date, year: int) -> str | None:
    """The child's rate band for the school year starting in `year`, or None outside CSS R543-2."""
    if age_years(birth, date(year + 1, 1, 31)) < AGE_MIN:  # 6th birthday not before 1 Feb N+1
        return None
    if age_years(birth, date(year, 9, 15)) >= AGE_MAX:  # 18 reached on or before 15 Sept N
        return None
    age_end_of_year = age_years(birth, date(year, 12, 31))  # age reached during calendar year N
    if age_end_of_year >= AGE_LYCEE:
        return "15_18"
    if age_end_of_year >= AGE_COLLEGE:
        return "11_14"
    return "6_10"


def explain_age_rule(year: int, trace: Trace) -> None:
    """The CSS R543-2 line that opens an ARS explanation, with the dates of the rentrée `year`."""
    trace.step(
        "i",
        f"Ouvre droit chaque enfant qui aura 6 ans avant le 1er février {year + 1} et qui n’aura pas"
        f" encore 18 ans le 15 septembre {year} ; le taux suit l’âge atteint en {year} (11 ans, 15 ans)",
        f"Each child turning 6 before 1 February {year + 1} and not yet 18 on 15 September {year} is"
        f" entitled; the rate follows the age reached in {year} (11, 15)",
        None,
        "CSS R543-2",
    )


def ars_amount(situation, trace: Trace) -> float:
    year = situation.month // 12
    january, october, december = year * 12, year * 12 + 9, year * 12 + 11
    p = situation.params(october)
    counts = {"6_10": 0, "11_14": 0, "15_18": 0}
    for child in situation.household.children:
        if situation.financially_autonomous(child, december):
            continue
        band = ars_age_band(child.birth_date, year)
        if band is not None:
            counts[band] += 1
    pupils = sum(counts.values())
    if not pupils:
        trace.block(
            f"Il faut un enfant qui aura 6 ans avant le 1er février {year + 1} et qui n’aura pas encore"
            f" 18 ans le 15 septembre {year}.",
            f"A child turning 6 before 1 February {year + 1} and not yet 18 on 15 September {year}"
            " is needed.",
            "CSS R543-2",
        )
        return 0.0
    gross = p.bmaf * (
        p.ars.taux_6_10 * counts["6_10"]
        + p.ars.taux_11_14 * counts["11_14"]
        + p.ars.taux_15_18 * counts["15_18"]
    )
    if trace.enabled:  # the batch path skips the formatting
        explain_age_rule(year, trace)
    trace.step(
        "=",
        f"Enfants au taux 6-10 ans ({counts['6_10']}), 11-14 ans ({counts['11_14']})"
        f" et 15-18 ans ({counts['15_18']})",
        f"Children at the 6-10 ({counts['6_10']}), 11-14 ({counts['11_14']})"
        f" and 15-18 ({counts['15_18']}) rates",
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
