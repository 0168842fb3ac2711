"""Resources shared by the RSA and the prime d'activité (CASF R262-6 s.; CSS R844-1 s.).

Both read the average of the three months before M (the "trimestre de référence"). An income that
stopped — nothing in M, something in M-1 — is neutralised (CASF R262-13): a lost job without a
replacement income entirely, other incomes up to three times the RSA amount.
"""

from benefits.rules.af import af_parts
from benefits.rules.asf import asf_amount, asf_children
from benefits.rules.cf import cf_parts
from benefits.rules.household import Person
from benefits.rules.paje import paje_base
from benefits.rules.parameter_tree import Rsa
from benefits.rules.situation import Situation

# States of the European Economic Area (EEA agreement; EU members plus Iceland, Liechtenstein, Norway).
EEA = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IS",
        "IT",
        "LI",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "NO",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)


def nationality_condition(person: Person, p_rsa: Rsa) -> bool:
    """French, EEA or Swiss nationals after 3 months of right of residence; others after five years
    of residence permits (CASF L262-4, L262-6)."""
    if person.nationality == "FR":
        return True
    if person.nationality in EEA or person.nationality == "CH":
        return person.residence_permit_years >= p_rsa.duree_titre_sejour_eee
    return person.residence_permit_years >= p_rsa.duree_titre_sejour_hors_eee


def has_replacement_income(person: Person, month: int) -> bool:
    if not person.incomes:  # no income at all (most children): the sum below is 0
        return False
    return (
        person.income("unemployment_benefit", month)
        + person.income("sickness_benefit", month)
        + person.income("pension", month)
    ) > 0


def stopped(person: Person, kind: str, month: int) -> bool:
    series = person.incomes.get(kind)
    return (
        series is not None and bool(series) and series.get(month, 0.0) == 0 and series.get(month - 1, 0.0) > 0
    )


def sickness_as_activity(person: Person, month: int) -> float:
    """Sickness allowances count as activity income while working, or in the first three months of a
    sick leave (CASF R262-7; CSS R844-1)."""
    series = person.incomes.get("sickness_benefit")
    if not series:  # most people: no sickness allowance, nothing to count
        return 0.0
    amount = series.get(month, 0.0)
    if amount and (person.income("salary", month) > 0 or person.income("sickness_benefit", month - 3) == 0):
        return amount
    return 0.0


def activity_income(situation: Situation, person: Person, month: int) -> float:
    """Average monthly activity income of the quarter before `month` (salaries, micro-enterprise
    profit after the flat allowance, sickness allowances counted as activity)."""
    if not person.incomes:  # no income at all (most children): every term below is 0
        return 0.0
    key = situation.person_slot(person, month)
    if key in situation.activity_incomes:
        return situation.activity_incomes[key]
    substitute = has_replacement_income(person, month)
    p = situation.params(month)
    total = 0.0
    salaries = person.income_sum("salary", month - 3, month - 1)
    if not (stopped(person, "salary", month) and not substitute):
        total += salaries
    profit = person.income_sum("self_employment", month - 3, month - 1) * (
        1 - p.micro_bic_services_abattement
    )
    if not (stopped(person, "self_employment", month) and not substitute):
        total += profit
    if person.incomes.get("sickness_benefit"):  # most people have none: skip four zero look-ups
        sickness = sum([sickness_as_activity(person, m) for m in range(month - 3, month)], 0.0)
        sickness_now, sickness_before = (
            sickness_as_activity(person, month),
            sickness_as_activity(person, month - 1),
        )
        if not (sickness_now == 0 and sickness_before > 0 and not substitute):
            total += sickness
    situation.activity_incomes[key] = total / 3
    return total / 3


def other_income(situation: Situation, person: Person, month: int) -> float:
    """Average monthly non-activity income of the quarter before `month`."""
    if not person.incomes:  # no income at all (most children): every term below is 0
        return 0.0
    key = situation.person_slot(person, month)
    if key in situation.other_incomes:
        return situation.other_incomes[key]
    p = situation.params(month)
    substitute = has_replacement_income(person, month)
    total = 0.0
    for kind in ("unemployment_benefit", "pension"):
        if not (stopped(person, kind, month) and not substitute):
            total += person.income_sum(kind, month - 3, month - 1)
    cap = 3 * p.rsa.montant_base
    for kind in ("alimony_received", "invalidity_pension"):
        quarter = person.income_sum(kind, month - 3, month - 1)
        total += max(0.0, quarter - cap * stopped(person, kind, month))
    if person.incomes.get("sickness_benefit"):
        sickness_other = [
            person.income("sickness_benefit", m) - sickness_as_activity(person, m)
            for m in (month - 3, month - 2, month - 1)
        ]
        now = person.income("sickness_benefit", month) - sickness_as_activity(person, month)
        before = person.income("sickness_benefit", month - 1) - sickness_as_activity(person, month - 1)
        total += max(0.0, sum(sickness_other, 0.0) - cap * (now == 0 and before > 0))
    situation.other_incomes[key] = total / 3
    return total / 3


def family_benefits_counted(situation: Situation, month: int) -> float:
    """Family benefits of the month counted in resources: AF without the age supplements, the CF at
    its base rate, the PAJE, and the ASF as a flat amount (CASF R262-10-1, R262-11)."""
    p = situation.params(month)
    af = af_parts(situation, month)
    cf = cf_parts(situation, month)
    asf = asf_amount(situation, month)
    asf_flat = min(asf, len(asf_children(situation, month)) * p.bmaf * p.asf.forfait_rsa_taux)
    return (
        paje_base(situation, month)
        + asf_flat
        + (cf["base_amount"] if cf["total"] > 0 else 0.0)
        + min(af["base"], af["total"])
    )


def aah_received(situation: Situation, person: Person, month: int) -> float:
    """AAH and ASI of the three previous months (CASF R262-6)."""
    from benefits.rules.aah import aah_person
    from benefits.rules.asi import asi_person

    return (
        sum(
            [
                aah_person(situation, person, m) + asi_person(situation, person, m)
                for m in range(month - 3, month)
            ],
            0.0,
        )
        / 3
    )
