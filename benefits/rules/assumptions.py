"""The assumptions behind a result, in words a person understands: the general ones (incomes as
declared, situation unchanged over the reference periods) and those this household's answers imply
(forfait logement, zone taken from the commune, no income given for year N-2...)."""

from benefits.rules.ages import age_years
from benefits.rules.household import Household
from benefits.rules.months import first_day
from benefits.rules.params import parameters_at
from benefits.rules.text import Text

GENERAL = (
    Text(
        "Les revenus sont pris tels que vous les avez déclarés ; la CAF les vérifie.",
        "Incomes are taken as you declared them; the CAF checks them.",
    ),
    Text(
        "Votre situation (logement, couple, enfants) est supposée la même sur toute la période de référence.",
        "Your situation (home, couple, children) is assumed unchanged over the whole reference period.",
    ),
    Text(
        "Le RSA et la prime d’activité sont estimés sur les trois mois précédents (trimestre de référence).",
        "RSA and the prime d’activité are estimated on the three previous months (reference quarter).",
    ),
)
FORFAIT_LOGEMENT = Text(
    "Logé gratuitement ou propriétaire sans emprunt : un forfait logement est déduit du RSA et de la prime "
    "d’activité (CASF R262-9 ; CSS R843-4).",
    "Housed free of charge or owner without a loan: a flat-rate housing amount is deducted from the RSA and "
    "the prime d’activité (CASF R262-9; CSS R843-4).",
)
# The RSA is subsidiary: the household must claim the ASPA (CASF L262-10 I), and the ASPA counts in the
# resources of the RSA (CASF R262-6) and of the prime d'activité (CSS L842-4 4°). The core estimates it
# (aspa.aspa_for_rsa) and deducts it; the person is told to claim it at the pension fund.
ASPA_FIRST = Text(
    "Une personne du foyer a {age} ans ou plus : l’allocation de solidarité aux personnes âgées (ASPA, "
    "« minimum vieillesse ») se demande à la caisse de retraite. Elle passe avant le RSA : le RSA et la "
    "prime d’activité estimés ici déduisent l’ASPA estimée (CASF L262-10, R262-6 ; CSS L815-1, L842-4).",
    "Someone in the household is {age} or older: the solidarity allowance for the elderly (ASPA, "
    "“minimum vieillesse”) is claimed from the pension fund. It comes before the RSA: the RSA and the "
    "prime d’activité estimated here deduct the estimated ASPA (CASF L262-10, R262-6; CSS L815-1, L842-4).",
)
OWNER_WITH_LOAN = Text(
    "Les aides au logement des propriétaires qui remboursent un emprunt ne sont pas estimées ici.",
    "Housing aid for owners repaying a loan is not estimated here.",
)
# A single parent's ASF depends on the maintenance the other parent pays: none or not paid, the full ASF
# (CSS L523-1 I 3°); paid in full but less than the ASF, the differential ASF; at least the ASF, none
# (L523-1 I 4°, R523-1). A caller that did not ask (API, CLI) gets the full ASF, and is told why.
NO_MAINTENANCE = Text(
    "On suppose que l’autre parent ne verse pas de pension alimentaire : l’allocation de soutien familial "
    "(ASF) est alors versée en entier ; une pension versée la réduit ou la supprime (CSS L523-1, R523-1).",
    "The other parent is assumed not to pay maintenance (pension alimentaire): the family support allowance "
    "(ASF) is then paid in full; maintenance paid reduces or cancels it (CSS L523-1, R523-1).",
)


def maintenance_not_asked(household: Household) -> bool:
    return (
        household.other_parent_pays_maintenance is None
        and not household.in_couple
        and bool(household.children)
        and not any(person.incomes.get("alimony_received") for person in household.persons)
    )


def household_assumptions(household: Household, month: int) -> tuple[Text, ...]:
    found = list(GENERAL)
    housing = household.housing
    if housing.status in ("hosted_free", "owner"):
        found.append(FORFAIT_LOGEMENT)
    elif housing.status == "owner_with_loan":
        found.append(OWNER_WITH_LOAN)
    if housing.is_tenant and housing.commune_insee and housing.zone:
        found.append(
            Text(
                f"Zone {housing.zone} des aides au logement, d’après la commune {housing.commune_insee}.",
                f"Housing-aid zone {housing.zone}, from the commune {housing.commune_insee}.",
            )
        )
    if maintenance_not_asked(household):
        found.append(NO_MAINTENANCE)
    first = first_day(month)
    aspa_age = int(parameters_at(first).aspa.age_minimum)
    if any(age_years(person.birth_date, first) >= aspa_age for person in household.adults):
        found.append(ASPA_FIRST.format(age=aspa_age))
    # Only a household whose rules read the income of N-2 is told that none was given: the family
    # benefits read it with a child (an expected one included) and the AAH with a disability. A person
    # alone without either was never asked it (the simulator's incomes step) and the sentence read as
    # a forgotten answer.
    reads_n2 = bool(household.children) or any(person.disability_rate > 0 for person in household.adults)
    year = month // 12 - 2
    months = range(year * 12, year * 12 + 12)
    declared = not reads_n2 or any(
        person.self_employment_profit.get(year)
        or any(series.get(m) for series in person.incomes.values() for m in months)
        for person in household.adults
    )
    if not declared:
        found.append(
            Text(
                f"Aucun revenu de {year} n’est indiqué : les prestations familiales (plafonds de ressources) et "
                f"l’AAH d’une personne sans emploi le comptent pour 0 €.",
                f"No income is given for {year}: family benefits (income ceilings) and the AAH of a person "
                f"out of work count it as 0 €.",
            )
        )
    return tuple(found)
