"""Allocation de soutien familial (ASF): CSS L523-1, R523-1, R523-7, D523-1.

For a parent living alone, each dependent child under 20 opens 42.2 % of the BMAF. The other parent
who pays no maintenance, or does not pay it, opens the full ASF (L523-1 I 3°); one who pays in full a
maintenance lower than the ASF opens the differential ASF, the ASF minus that maintenance (L523-1 I 4°,
R523-1); a maintenance at least equal to the ASF leaves nothing. Not paid under 15 € (D523-2). The
questionnaire asks single parents the question (`other_parent_pays_maintenance`, amount in
`alimony_received`); when it was not asked the result lists the assumption of no maintenance
(assumptions.NO_MAINTENANCE). The CAF checks the rest (e.g. an agreement fixed by a judge or an act).
"""

from benefits.rules.explain import SILENT, Trace
from benefits.rules.situation import Situation
from benefits.rules.text import Text, english_count

LABEL = Text("Allocation de soutien familial", "Family support allowance")


def asf_children(situation: Situation, month: int) -> list:
    p = situation.params(month)
    return [
        c
        for c in situation.household.children
        if 0 <= situation.age(c, month) < p.prestations_familiales.age_limite
        and not situation.financially_autonomous(c, month)
    ]


def asf_amount(situation: Situation, month: int, trace: Trace | None = None) -> float:
    key = situation.slot(month)
    if key in situation.asf_amounts and trace is None:
        return situation.asf_amounts[key]
    trace = trace or SILENT
    p = situation.params(month)
    amount = 0.0
    children = asf_children(situation, month)
    if situation.household.in_couple:
        trace.block(
            "L’ASF est réservée aux parents qui vivent seuls avec leurs enfants.",
            "The ASF is for parents living alone with their children.",
            "CSS L523-1",
        )
    elif not children:
        trace.block(
            "Il faut un enfant à charge de moins de 20 ans.",
            "A dependent child under 20 is needed.",
            "CSS L523-1",
        )
    else:
        gross = len(children) * p.bmaf * p.asf.taux_un_parent
        trace.step(
            "=",
            f"{len(children)} enfant(s) × 42,2 % de la BMAF",
            f"{english_count(len(children), 'child', 'children')} × 42.2% of the BMAF",
            gross,
            "CSS D523-1",
        )
        alimony = sum(
            [person.income("alimony_received", month) for person in situation.household.persons], 0.0
        )
        if alimony:
            trace.step(
                "-",
                "Pension alimentaire reçue ce mois",
                "Alimony received this month",
                alimony,
                "CSS L523-1, R523-7",
            )
        amount = max(gross - alimony, 0.0)
        trace.step(
            "≥", "Le montant ne peut pas être négatif", "The amount cannot be negative", 0.0, "CSS L523-1"
        )
        if amount <= p.asf.seuil_versement:
            if amount > 0:
                trace.step("-", "Non versée sous 15 €", "Not paid under 15 €", amount, "CSS D523-2")
            trace.block(
                "La pension alimentaire reçue dépasse le montant de l’ASF.",
                "The alimony received exceeds the ASF amount.",
                "CSS R523-7",
            )
            amount = 0.0
    situation.asf_amounts[key] = amount
    return amount


def allocation_soutien_familial(situation: Situation, trace: Trace):
    return trace.result("asf", LABEL, asf_amount(situation, situation.month, trace))
