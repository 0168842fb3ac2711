"""Majoration pour la vie autonome (MVA): CSS L821-1-2, D821-3.

104.77 € a month for each adult who, in the month:
- has a disability rate of at least 80 % (CSS L821-1-2, D821-1);
- receives the AAH (or the ASI, which OpenFisca-France also accepts);
- lives in a home of their own (the applicant or partner, not a child of the household) and receives
  a housing aid for it (CSS L821-1-2: "bénéficie d'une aide personnelle au logement");
- has no income from work of their own: no salary over the twelve previous months (OpenFisca's
  reading: M-12..M-1) and, as the law says, no self-employment turnover either (OpenFisca ignores the
  turnover: oracle README, quirk E3; the known disagreements list it).
No CRDS; summed over the adults, like the AAH.
"""

from benefits.rules.aah import aah_person
from benefits.rules.aides_logement import housing_aid
from benefits.rules.asi import asi_eligible, asi_person
from benefits.rules.explain import Trace
from benefits.rules.text import Text

LABEL = Text("Majoration pour la vie autonome", "Independent living supplement (MVA)")
WORK_LOOKBACK = 12  # months without income from work


def worked(person, month: int) -> bool:
    first, last = month - WORK_LOOKBACK, month - 1
    return (
        person.income_sum("salary_taxable", first, last) > 0
        or person.income_sum("salary", first, last) > 0
        or person.income_sum("self_employment", first, last) > 0
    )


def mva_person(situation, person, month: int) -> tuple[bool, tuple[str, str] | None]:
    """(eligible, the unmet condition in French and English)."""
    p = situation.params(month)
    if person.disability_rate < p.aah.taux_incapacite:
        return False, (
            "il faut un taux d’incapacité d’au moins 80 %",
            "a disability rate of 80 % or more is needed",
        )
    allowance = aah_person(situation, person, month) > 0 or (
        asi_eligible(situation, person, month) and asi_person(situation, person, month) > 0
    )
    if not allowance:
        return False, ("il faut percevoir l’AAH", "the AAH must be paid")
    if worked(person, month):
        return False, (
            "il ne faut pas avoir eu de revenu d’activité au cours des 12 derniers mois",
            "there must be no income from work over the last 12 months",
        )
    return True, None


def majoration_vie_autonome(situation, trace: Trace):
    month = situation.month
    p = situation.params(month)
    candidates = [a for a in situation.household.adults if a.disability_rate > 0]
    if not candidates:
        trace.block(
            "La MVA complète l’AAH d’une personne dont le taux d’incapacité est d’au moins 80 %.",
            "The MVA supplements the AAH of a person with a disability rate of 80 % or more.",
            "CSS L821-1-2",
        )
        return trace.result("mva", LABEL, 0.0)
    aid = housing_aid(situation, month)
    if aid <= 0:
        trace.block(
            "La MVA suppose de vivre dans un logement indépendant avec une aide au logement ; le foyer n’en "
            "perçoit pas ici.",
            "The MVA requires living in a home of one's own with a housing aid; the household gets none here.",
            "CSS L821-1-2",
        )
        return trace.result("mva", LABEL, 0.0)
    trace.step(
        "i",
        f"Aide au logement perçue : {aid:.0f} €",
        f"Housing aid received: {aid:.0f} €",
        None,
        "CSS L821-1-2",
    )
    total = 0.0
    for person in candidates:
        name, name_en = (
            ("le demandeur", "the applicant")
            if person.role == "applicant"
            else ("le conjoint", "the partner")
        )
        eligible, reason = mva_person(situation, person, month)
        if not eligible and reason is not None:
            trace.block(f"Pour {name} : {reason[0]}.", f"For {name_en}: {reason[1]}.", "CSS L821-1-2, D821-1")
            continue
        trace.step(
            "+",
            f"MVA pour {name} (AAH, incapacité d’au moins 80 %, logement indépendant, pas de revenu d’activité)",
            f"MVA for {name_en} (AAH, disability 80 % or more, own home, no income from work)",
            p.mva.montant,
            "CSS L821-1-2, D821-3",
        )
        total += p.mva.montant
    return trace.result("mva", LABEL, total)
