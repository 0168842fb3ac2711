"""Allocations familiales (AF): CSS L521-1 to L521-3, D521-1 to D521-3.

From the 2nd dependent child: 32 % of the BMAF for the 2nd, 41 % for each further child, an age
majoration (16 %), a forfait for a child turning 20 in a family of 3+, modulated by the N-2
resources (×1, ×½, ×¼ above two ceilings) with a degressive complement just above each ceiling.
"""

from datetime import date

from benefits.rules.explain import SILENT, Trace
from benefits.rules.family_resources import pf_base
from benefits.rules.parameter_tree import Parameters
from benefits.rules.situation import Situation
from benefits.rules.text import Text

LABEL = Text("Allocations familiales", "Family allowances")
OLD_AGE_RULE_BEFORE = date(2012, 3, 1)  # children born before keep the age-14 majoration (D521-2)
OLD_AGE_THRESHOLD = 14


def modulation(p: Parameters, resources: float, children: int) -> tuple[float, float, float]:
    """Rate, first ceiling and second ceiling for `children` (CSS D521-1, D521-3)."""
    extra = max(children, 0) * p.af.plafond_majoration_par_enfant
    ceiling_1 = p.af.plafond_tranche_1_base + extra
    ceiling_2 = p.af.plafond_tranche_2_base + extra
    if resources <= ceiling_1:
        return 1.0, ceiling_1, ceiling_2
    if resources <= ceiling_2:
        return p.af.modulation_taux_tranche_2, ceiling_1, ceiling_2
    return p.af.modulation_taux_tranche_3, ceiling_1, ceiling_2


def monthly_excess(resources: float, ceiling_1: float, ceiling_2: float) -> float:
    above_2 = max(0.0, resources - ceiling_2)
    return (above_2 if above_2 > 0 else max(0.0, resources - ceiling_1)) / 12


def af_parts(situation: Situation, month: int, trace: Trace | None = None) -> dict:
    """The AF of `month` in parts: base (modulated), age majoration, forfait, complements, total."""
    key = situation.slot(month)
    if key in situation.af_parts and trace is None:
        return situation.af_parts[key]
    trace = trace or SILENT
    p = situation.params(month)
    children = situation.pf_children(month)
    count = len(children)
    forfait_children = [
        c
        for c in situation.household.children
        if situation.age(c, month) == p.af.forfait_age and not situation.financially_autonomous(c, month)
    ]
    parts = {"base": 0.0, "majoration": 0.0, "forfait": 0.0, "complement": 0.0, "forfait_complement": 0.0}
    if count < 2 and not forfait_children and not trace.enabled:
        # Unexplained: with fewer than two children and no forfait, every part is 0 whatever the
        # resources (a speed-up only; the explanation still shows the steps).
        parts["total"] = 0.0
        situation.af_parts[key] = parts
        return parts
    resources = pf_base(situation, month)
    if trace.enabled:
        trace.step("i", f"Enfants à charge : {count}", f"Dependent children: {count}", None, "CSS L521-1")
    if count < 2:
        trace.block(
            "Il faut au moins deux enfants à charge de moins de 20 ans.",
            "At least two dependent children under 20 are needed.",
            "CSS L521-1",
        )
    rate = (
        max(0, min(count - 1, 1)) * p.af.taux_deuxieme_enfant
        + max(count - 2, 0) * p.af.taux_enfant_supplementaire
    )
    base = round(p.bmaf * rate, 2) if count >= 2 else 0.0
    factor, ceiling_1, ceiling_2 = modulation(p, resources, count)
    if count >= 2:
        trace.step("=", "Montant pour vos enfants", "Amount for your children", base, "CSS D521-1")
        eldest_age = max(situation.age(c, month) for c in children if situation.age(c, month) <= 20)
        for child in children:
            age = situation.age(child, month)
            threshold = p.af.majoration_age_seuil
            if child.birth_date < OLD_AGE_RULE_BEFORE:
                threshold = min(threshold, OLD_AGE_THRESHOLD)
            if age >= threshold and not (count == 2 and age == eldest_age):
                parts["majoration"] += p.bmaf * p.af.majoration_age_taux
        if parts["majoration"]:
            trace.step(
                "+", "Majoration pour âge", "Age supplement", parts["majoration"], "CSS L521-3, D521-2"
            )
    if factor < 1 and (base or parts["majoration"]):
        trace.step(
            "×",
            f"Modulation selon vos revenus de N-2 ({resources:.0f} €, plafond de {ceiling_1:.0f} €)",
            f"Modulation by your year N-2 income ({resources:.0f} €, ceiling {ceiling_1:.0f} €)",
            factor,
            "CSS L521-1, D521-3",
        )
    parts["base"] = base * factor
    parts["majoration"] *= factor
    if forfait_children and count + len(forfait_children) >= 3:
        forfait_factor = modulation(p, resources, count + len(forfait_children))[0]
        parts["forfait"] = len(forfait_children) * round(p.bmaf * p.af.forfait_taux, 2) * forfait_factor
        trace.step(
            "+",
            "Allocation forfaitaire (enfant de 20 ans)",
            "Flat-rate allowance (child aged 20)",
            parts["forfait"],
            "CSS L521-1, D521-1",
        )
    excess = monthly_excess(resources, ceiling_1, ceiling_2)
    if excess > 0:
        parts["complement"] = max(0.0, parts["base"] + parts["majoration"] - excess)
        # OpenFisca and the CAF compute the forfait's complement with the AF ceilings.
        parts["forfait_complement"] = max(0.0, parts["forfait"] - excess)
        complement = parts["complement"] + parts["forfait_complement"]
        if complement:
            trace.step("+", "Complément dégressif", "Degressive complement", complement, "CSS L521-1, D521-3")
    parts["total"] = sum(
        [parts[k] for k in ("base", "majoration", "forfait", "complement", "forfait_complement")], 0.0
    )
    situation.af_parts[key] = parts
    return parts


def allocations_familiales(situation: Situation, trace: Trace):
    parts = af_parts(situation, situation.month, trace)
    return trace.result("af", LABEL, parts["total"])
