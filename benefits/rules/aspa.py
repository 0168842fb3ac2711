"""Allocation de solidarité aux personnes âgées (ASPA, "minimum vieillesse"): CSS L815-1 s., R815-29.

An estimate, as OpenFisca-France computes it: for a person of 65 or more (or of the retirement age
with a disability above 50 %, CSS L815-1), the yearly maximum minus the resources of the three previous
months, under a ceiling that depends on living alone or as a couple (CSS L815-4, L815-9, D815-1).

Resources (CSS R815-22 s.): the mean of M-3..M-1 of the parents' retirement pensions (the taxable
amount, the closest the format has to the gross pension the rule reads: oracle README, quirk E7),
salaries (taxable) less a quarterly allowance of 0.9 (alone) or 1.5 (couple) monthly SMIC
(CSS R815-29), unemployment benefits, sickness allowances, alimony, invalidity pensions,
micro-enterprise turnover after its flat allowance, and the AAH of a parent who cannot claim the ASPA.

It is paid by the retirement fund (CARSAT, MSA), not the CAF, and it comes **before** the RSA:
the RSA counts it among the household's resources (`aspa_for_rsa`, below). No CRDS, not rounded
(like OpenFisca: compared to the cent).
"""

from benefits.rules.aah import aah_person
from benefits.rules.asi import asi_eligible, asi_person, aspa_eligible
from benefits.rules.explain import Trace
from benefits.rules.household import Person
from benefits.rules.situation import Situation
from benefits.rules.text import Text

LABEL = Text(
    "Allocation de solidarité aux personnes âgées (ASPA)", "Solidarity allowance for the elderly (ASPA)"
)
OTHER_INCOMES = ("unemployment_benefit", "sickness_benefit", "alimony_received", "invalidity_pension")


def pension_quarter(person: Person, month: int) -> float:
    taxable = person.income_sum("pension_taxable", month - 3, month - 1)
    return (
        taxable
        if person.incomes.get("pension_taxable")
        else person.income_sum("pension", month - 3, month - 1)
    )


def salary_quarter(person: Person, month: int) -> float:
    taxable = person.income_sum("salary_taxable", month - 3, month - 1)
    return (
        taxable if person.incomes.get("salary_taxable") else person.income_sum("salary", month - 3, month - 1)
    )


def person_resources(situation: Situation, person: Person, month: int, couple: bool) -> float:
    """Monthly mean of the quarter M-3..M-1 (CSS R815-22, R815-29)."""
    p = situation.params(month)
    january = situation.params(month - month % 12)
    allowance = (
        january.smic_horaire_brut
        * p.smic_heures_mensuelles
        * (p.aspa.abattement_salaires_couple if couple else p.aspa.abattement_salaires_seul)
    )
    salary = salary_quarter(person, month)
    total = pension_quarter(person, month) + salary - min(salary, allowance)
    total += sum([max(0.0, person.income_sum(kind, month - 3, month - 1)) for kind in OTHER_INCOMES], 0.0)
    total += person.income_sum("self_employment", month - 3, month - 1) * (
        1 - p.micro_bic_services_abattement
    )
    if not (
        aspa_eligible(situation, person, month)
        or asi_eligible(situation, person, month)
        or person.income("invalidity_pension", month) > 0
    ):
        total += sum([aah_person(situation, person, m) for m in range(month - 3, month)], 0.0)
    return total / 3


def aspa_amount(situation: Situation, month: int, trace: Trace) -> float:
    household = situation.household
    p = situation.params(month).aspa
    adults = household.adults
    couple = household.in_couple
    aspa = [a for a in adults if aspa_eligible(situation, a, month)]
    asi = [a for a in adults if asi_eligible(situation, a, month)]
    if not aspa:
        return 0.0
    if len(aspa) + len(asi) == 1:
        maximum = p.montant_max_seul / 12
        limit = (p.plafond_couple if couple else p.plafond_seul) / 12
        share = 1.0
        case_fr, case_en = (
            ("personne seule", "person living alone")
            if not couple
            else (
                "une personne du couple y a droit",
                "one member of the couple is entitled",
            )
        )
    elif len(aspa) == 2:
        maximum, limit, share = p.montant_max_couple / 12, p.plafond_couple / 12, 1.0
        case_fr, case_en = "les deux membres du couple y ont droit", "both members of the couple are entitled"
    else:  # one ASPA, the other ASI (OpenFisca's elig3/elig4)
        maximum = (asi_person(situation, asi[0], month) * 12 + p.montant_max_couple / 2) / 12
        limit, share = p.plafond_couple / 12, 0.5
        case_fr, case_en = (
            "l’un a droit à l’ASPA, l’autre à l’ASI",
            "one is entitled to the ASPA, the other to the ASI",
        )
    base = sum([person_resources(situation, a, month, couple) for a in adults], 0.0)
    excess = max(base + maximum - limit, 0.0)
    trace.step(
        "=",
        f"Montant maximal ({case_fr})",
        f"Maximum amount ({case_en})",
        maximum if share == 1.0 else p.montant_max_couple / 24,
        "CSS L815-4, D815-1",
    )
    trace.step(
        "i",
        f"Ressources du foyer (moyenne des 3 mois précédents) : {base:.2f} € par mois ; plafond {limit:.2f} €",
        f"Household resources (mean of the 3 previous months): {base:.2f} € a month; ceiling {limit:.2f} €",
        None,
        "CSS L815-9, R815-22, R815-29",
    )
    trace.step(
        "-",
        "Dépassement du plafond (ressources + montant maximal − plafond)",
        "Excess over the ceiling (resources + maximum − ceiling)",
        excess * share,
        "CSS L815-9, D815-2",
    )
    trace.step("≥", "Le montant ne peut pas être négatif", "The amount cannot be negative", 0.0, "CSS L815-9")
    if share == 1.0:
        return max(maximum - excess, 0.0)
    return max(p.montant_max_couple / 24 - excess / 2, 0.0)


def aspa_for_rsa(situation: Situation, month: int) -> float:
    """The ASPA of `month` as the RSA counts it (memoised, without explanation).

    The RSA counts every resource of the household (CASF R262-6) and R262-11 does not exclude the ASPA;
    the household must claim it (CASF L262-10 I, 3rd paragraph: compulsory from the age of CSS L351-8
    1°, 67, or earlier for a person unfit for work). Between 65 and that age the claim is the person's
    choice; the estimate counts the ASPA from 65 anyway, as OpenFisca-France does, because claiming it
    never lowers what the household gets (the RSA is a differential: ASPA + RSA ≥ RSA alone).
    """
    key = situation.slot(month)
    if key not in situation.aspa_for_rsa:
        adults = situation.household.adults
        eligible = any(aspa_eligible(situation, a, month) for a in adults)
        situation.aspa_for_rsa[key] = aspa_amount(situation, month, Trace(False)) if eligible else 0.0
    return situation.aspa_for_rsa[key]


def allocation_solidarite_personnes_agees(situation: Situation, trace: Trace):
    month = situation.month
    p = situation.params(month)
    if not any(aspa_eligible(situation, a, month) for a in situation.household.adults):
        trace.block(
            f"L’ASPA s’adresse aux personnes de {int(p.aspa.age_minimum)} ans ou plus (dès l’âge de la retraite "
            "avec un handicap), résidant en France.",
            f"The ASPA is for people aged {int(p.aspa.age_minimum)} or more (from the retirement age with a "
            "disability), living in France.",
            "CSS L815-1",
        )
        return trace.result("aspa", LABEL, 0.0)
    amount = aspa_amount(situation, month, trace)
    trace.step(
        "i",
        "L’ASPA se demande à la caisse de retraite ; elle passe avant le RSA, qui la compte dans les ressources.",
        "The ASPA is claimed from the pension fund; it comes before the RSA, which counts it as a resource.",
        None,
        "CASF L262-10, R262-6; CSS L815-1",
    )
    if amount <= 0:
        trace.block(
            "Les ressources du foyer dépassent le plafond de l’ASPA.",
            "The household's resources are above the ASPA ceiling.",
            "CSS L815-9",
        )
    return trace.result("aspa", LABEL, amount)
