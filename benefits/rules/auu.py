"""Aide universelle d'urgence (AUU) for victims of domestic violence: CASF L214-8 s., D214-11 s.

Loi n° 2023-140 du 28 février 2023; décret n° 2023-1088 du 24 novembre 2023 (in force 28 Nov 2023).
Not in OpenFisca-France: written from the articles (CASF D214-13 and D214-14 as published).

- Who (CASF L214-9): a victim of violence by a spouse, concubin or PACS partner, attested by a
  protection order, a complaint or a report to the prosecutor less than 12 months old (D214-11);
  allocataire or not, no resource condition for the right itself; once per 12 months from the date
  of the decision that granted it (D214-12): `last_granted_on`, the decision date of the person's last
  aid, refuses a request before `renewal_date` (the same day 12 months later).
- Form (D214-13): an interest-free loan when the monthly resources exceed 150 % of the net monthly SMIC
  (single person), 225 % (one dependent child), 270 % (two), 330 % (three or more); otherwise a grant.
- Amount (D214-14): the RSA lump sum (CASF L262-3) raised for the dependent children as the RSA scale
  does for a single person (R262-1); reduced by 20 % when resources are above 50 % of the net SMIC (up
  to 100 %), 40 % above 100 % (up to 150 %), 60 % above 150 %.
- The SMIC is the one in force on 1 January; the thresholds move each 1 April (D214-13, D214-14), so a
  request before April uses the SMIC of the previous 1 January.
Paid once, within 3 working days (5 for a person not yet allocataire): CASF L214-9, D214-19.
"""

import calendar
from dataclasses import dataclass
from datetime import date

from benefits.rules.explain import BenefitResult, Trace
from benefits.rules.params import parameters_at
from benefits.rules.rsa import lump_sum_rate
from benefits.rules.text import Text, english_count

LABEL = Text("Aide universelle d’urgence", "Universal emergency aid")
PROOFS = ("protection_order", "complaint", "prosecutor_report")  # CASF L214-9
PERPETRATORS = ("spouse", "concubin", "pacs_partner")  # CASF L214-9: conjoint, concubin, partenaire de PACS
APRIL = 4


@dataclass(frozen=True, slots=True)
class AuuRequest:
    request_date: date
    perpetrator: str
    proof: str
    proof_date: date
    monthly_resources: float
    children: int  # dependent children (CASF D214-16)
    last_granted_on: date | None = None  # decision date of the person's last aid granted (D214-12)


@dataclass(frozen=True, slots=True)
class AuuDecision:
    eligible: bool
    form: str | None  # "grant" | "loan"
    result: BenefitResult


def smic_reference(day: date) -> float:
    """Net monthly SMIC of the 1 January that sets the thresholds in force on `day`."""
    year = day.year if day.month >= APRIL else day.year - 1
    return parameters_at(date(year, 1, 1)).smic_net_mensuel


def loan_threshold_rate(p, children: int) -> float:
    return (p.pret_seuil_seul, p.pret_seuil_1_enfant, p.pret_seuil_2_enfants, p.pret_seuil_3_enfants)[
        min(children, 3)
    ]


def months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


def renewal_date(granted_on: date) -> date:
    """First day a new aid can be granted: 12 months after the decision (CASF D214-12); a decision of
    29 February opens on 28 February."""
    months = int(parameters_at(granted_on).auu.delai_renouvellement_mois)
    index = granted_on.year * 12 + granted_on.month - 1 + months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(granted_on.day, last_day))


def decide(request: AuuRequest, explain: bool = True) -> AuuDecision:
    trace = Trace(explain)
    p_all = parameters_at(request.request_date)
    p = p_all.auu
    granted = request.last_granted_on
    if granted is not None and request.request_date < renewal_date(granted):
        again = renewal_date(granted).strftime("%d/%m/%Y")
        trace.block(
            f"L’aide vous a été accordée le {granted:%d/%m/%Y} : elle ne peut l’être qu’une fois par période de "
            f"12 mois à compter de cette décision. Vous pourrez la demander de nouveau à partir du {again}.",
            f"The aid was granted to you on {granted:%d/%m/%Y}: it can be granted only once in 12 months from "
            f"that decision. You can ask for it again from {again}.",
            "CASF D214-12",
        )
        return AuuDecision(False, None, trace.result("auu", LABEL, 0.0, period="once"))
    if request.perpetrator not in PERPETRATORS:
        trace.block(
            "L’aide concerne les violences commises par un conjoint, un concubin ou un partenaire de PACS (actuel ou ancien).",
            "The aid covers violence by a spouse, concubin or PACS partner (current or former).",
            "CASF L214-9",
        )
        return AuuDecision(False, None, trace.result("auu", LABEL, 0.0, period="once"))
    age = months_between(request.proof_date, request.request_date)
    if (
        request.proof not in PROOFS
        or request.proof_date > request.request_date
        or age >= p.anciennete_preuve_mois
    ):
        trace.block(
            "Il faut une ordonnance de protection, une plainte ou un signalement au procureur datant de moins de 12 mois.",
            "A protection order, a complaint or a report to the prosecutor less than 12 months old is needed.",
            "CASF L214-9, D214-11",
        )
        return AuuDecision(False, None, trace.result("auu", LABEL, 0.0, period="once"))
    smic = smic_reference(request.request_date)
    resources = request.monthly_resources
    children = request.children
    base = p_all.rsa.montant_base * lump_sum_rate(p_all.rsa, 1, children)
    trace.step(
        "=",
        f"Montant forfaitaire du RSA pour une personne seule avec {children} enfant(s) à charge",
        f"RSA lump sum for a single person with {english_count(children, 'dependent child', 'dependent children')}",
        base,
        "CASF D214-14, L262-3, R262-1",
    )
    reductions = (
        (p.minoration_seuil_3, p.minoration_3),
        (p.minoration_seuil_2, p.minoration_2),
        (p.minoration_seuil_1, p.minoration_1),
    )
    for threshold, rate in reductions:
        if resources > threshold * smic:
            trace.step(
                "×",
                f"Ressources de {resources:.2f} € au-delà de {threshold * 100:.0f} % du SMIC net ({smic:.2f} €) : "
                f"minoration de {rate * 100:.0f} %",
                f"Resources of {resources:.2f} € above {threshold * 100:.0f} % of the net SMIC ({smic:.2f} €): "
                f"reduced by {rate * 100:.0f} %",
                round(1 - rate, 2),
                "CASF D214-14",
            )
            base *= round(1 - rate, 2)
            break
    limit = loan_threshold_rate(p, children) * smic
    form = "loan" if resources > limit else "grant"
    trace.step(
        "i",
        (
            f"Ressources au-delà de {limit:.2f} € : prêt sans intérêt (la personne qui a commis les violences peut être condamnée à le rembourser)"
            if form == "loan"
            else f"Ressources d’au plus {limit:.2f} € : aide non remboursable"
        ),
        (
            f"Resources above {limit:.2f} €: interest-free loan (the perpetrator may be ordered to repay it)"
            if form == "loan"
            else f"Resources of at most {limit:.2f} €: non-repayable grant"
        ),
        None,
        "CASF D214-13; L214-9",
    )
    return AuuDecision(True, form, trace.result("auu", LABEL, base, period="once"))
