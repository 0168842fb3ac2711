"""Parsing and validation of the neutral household format (household.schema.json).

Every problem is collected with its JSON path and a French message (with its English translation),
so a person or an API client sees all of them at once.
"""

import math
import re
from datetime import date

from benefits.rules.communes import housing_zone_for_commune
from benefits.rules.errors import HouseholdInputError, InputError
from benefits.rules.extra_parsing import (
    HOUSEHOLD_FIELDS,
    PERSON_FIELDS,
    check_adoption_after_birth,
    check_birth_after_month,
    parse_childcare,
    parse_person_fields,
)
from benefits.rules.household import (
    ACTIVITIES,
    APPLICANT,
    CHILD,
    HOUSING_STATUSES,
    MONTHLY_INCOME_TYPES,
    PARTNER,
    TENANT_STATUSES,
    YEARLY_INCOME_TYPES,
    Household,
    Housing,
    Person,
)
from benefits.rules.months import month_index, month_label

MONTH_RE = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")
YEAR_RE = re.compile(r"^[0-9]{4}$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
COMMUNE_RE = re.compile(r"^[0-9][0-9AB][0-9]{3}$")
MAX_AMOUNT = 10_000_000  # euros: above it, a typing error rather than an income
# Size limits (documented in docs/calculation-core.md): far above any real household, low enough that a
# hostile input cannot take more than milliseconds of CPU.
MAX_PERSONS = 20  # the applicant, a partner and up to 18 children
MAX_MONTHS_PER_INCOME = 120  # ten years of monthly figures per income type (the format asks for two)
MAX_YEARS = 10  # years of yearly_taxable_income
MAX_ID_LENGTH = 100  # characters of a household's or a person's id
MAX_PERMIT_YEARS = 100
SHOWN_LENGTH = 40  # characters of a wrong value echoed in an error message
OVERSEAS_PREFIX = "97"  # INSEE codes of the overseas departments (971 to 976)
OVERSEAS_FR = "les départements d'outre-mer ne sont pas encore couverts par ce simulateur"
OVERSEAS_EN = "the overseas departments are not covered by this simulator yet"
_MONTH_INDEXES: dict[str, int] = {}  # "AAAA-MM" → month index, see _valid_month_index
NATIONALITY_RE = re.compile(r"^[A-Z]{2}$")
FIRST_SUPPORTED, LAST_SUPPORTED = month_index("2025-01"), month_index("2026-12")
SUPPORTED_MONTHS = tuple(month_label(i) for i in range(FIRST_SUPPORTED, LAST_SUPPORTED + 1))

HOUSEHOLD_KEYS = {"id", "month", "persons", "housing", "single_parent_since", *HOUSEHOLD_FIELDS}
PERSON_KEYS = {
    "id",
    "role",
    "birth_date",
    "nationality",
    "residence_permit_years",
    "activity",
    "unemployed_since",
    "disability_rate",
    "disability_employment_restriction",
    "aah_couple_calculation_option",
    "incomes",
    "yearly_taxable_income",
    *PERSON_FIELDS,
}
HOUSING_KEYS = {"status", "rent", "commune_insee", "zone"}
# Yearly salary, unemployment and pension totals fill the months of their year without a monthly figure.
SPREAD_CATEGORIES = {
    "salary": ("salary", "salary_taxable"),
    "unemployment_benefit": ("unemployment_benefit", "unemployment_benefit_taxable"),
    "pension": ("pension", "pension_taxable"),
}


def shown(value) -> str:
    """A wrong value as an error message may echo it: short, and always encodable (a lone surrogate, a
    NUL or another control character is written as its escape instead of breaking the answer)."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > SHOWN_LENGTH:
        text = text[:SHOWN_LENGTH] + "…"
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _valid_id(value: str) -> bool:
    return len(value) <= MAX_ID_LENGTH and value.isprintable()


class Collector:
    def __init__(self):
        self.errors: list[InputError] = []

    def add(self, path: str, fr: str, en: str) -> None:
        self.errors.append(InputError(path, fr, en))


def parse_household(data, month: str | None = None) -> Household:
    """Validates `data` (a dict in the neutral format) and returns a frozen Household.

    Raises HouseholdInputError listing every problem. `month` (YYYY-MM) overrides data["month"].
    """
    errors = Collector()
    if not isinstance(data, dict):
        raise HouseholdInputError(
            [InputError("", "Le foyer doit être un objet JSON.", "The household must be a JSON object.")]
        )
    for key in sorted(map(str, set(data) - HOUSEHOLD_KEYS)):
        errors.add(shown(key), f"Champ inconnu « {shown(key)} ».", f"Unknown field '{shown(key)}'.")
    computed = _parse_month(
        errors, "month", month if month is not None else data.get("month"), required=False
    )
    if computed is not None and not FIRST_SUPPORTED <= computed <= LAST_SUPPORTED:
        errors.add(
            "month",
            f"Le mois {month_label(computed)} n’est pas couvert : les calculs vont de 2025-01 à 2026-12.",
            f"Month {month_label(computed)} is not supported: computations cover 2025-01 to 2026-12.",
        )
    persons = _parse_persons(errors, data.get("persons"), computed)
    housing = _parse_housing(errors, data.get("housing"))
    single_parent_since = _parse_month(
        errors, "single_parent_since", data.get("single_parent_since"), required=False
    )
    childcare = parse_childcare(errors, data.get("childcare"), _parse_amount)
    household_id = data.get("id", "")
    if not isinstance(household_id, str):
        errors.add("id", "L’identifiant doit être un texte.", "The id must be a string.")
        household_id = ""
    elif household_id and not _valid_id(household_id):
        errors.add(
            "id",
            f"L’identifiant doit être un texte imprimable d’au plus {MAX_ID_LENGTH} caractères.",
            f"The id must be printable text of at most {MAX_ID_LENGTH} characters.",
        )
        household_id = ""
    if errors.errors:
        raise HouseholdInputError(errors.errors)
    return Household(
        id=household_id,
        month=computed,
        persons=tuple(sorted(persons, key=lambda p: {APPLICANT: 0, PARTNER: 1, CHILD: 2}[p.role])),
        housing=housing,
        single_parent_since=single_parent_since,
        childcare=childcare,
    )


def _parse_month(errors, path, value, *, required):
    if value is None:
        if required:
            errors.add(path, "Le mois est obligatoire (AAAA-MM).", "The month is required (YYYY-MM).")
        return None
    if not isinstance(value, str) or not MONTH_RE.match(value):
        errors.add(
            path,
            f"« {shown(value)} » n’est pas un mois au format AAAA-MM.",
            f"'{shown(value)}' is not a YYYY-MM month.",
        )
        return None
    return month_index(value)


def _parse_date(errors, path, value, *, required=True):
    if value is None:
        if required:
            errors.add(path, "La date est obligatoire (AAAA-MM-JJ).", "The date is required (YYYY-MM-DD).")
        return None
    if not isinstance(value, str) or not DATE_RE.match(value):
        errors.add(
            path,
            f"« {shown(value)} » n’est pas une date au format AAAA-MM-JJ.",
            f"'{shown(value)}' is not a YYYY-MM-DD date.",
        )
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.add(path, f"La date {value} n’existe pas.", f"The date {value} does not exist.")
        return None


def _parse_persons(errors, value, computed):
    if not isinstance(value, list) or not value:
        errors.add(
            "persons",
            "Il faut au moins une personne : le demandeur.",
            "At least one person is needed: the applicant.",
        )
        return []
    if len(value) > MAX_PERSONS:
        errors.add(
            "persons",
            f"Un foyer compte au plus {MAX_PERSONS} personnes (demandeur, conjoint et enfants).",
            f"A household has at most {MAX_PERSONS} persons (applicant, partner and children).",
        )
        return []
    persons, seen_ids = [], set()
    for i, raw in enumerate(value):
        person = _parse_person(errors, f"persons[{i}]", raw, computed)
        if person is None:
            continue
        if person.id in seen_ids:
            errors.add(
                f"persons[{i}].id",
                f"L’identifiant « {shown(person.id)} » est déjà pris.",
                f"Id '{shown(person.id)}' is used twice.",
            )
        seen_ids.add(person.id)
        persons.append(person)
    roles = [p.role for p in persons]
    if len(persons) == len(value):
        if roles.count(APPLICANT) != 1:
            errors.add(
                "persons",
                "Il faut exactement un demandeur (role « applicant »).",
                "Exactly one applicant is required.",
            )
        if roles.count(PARTNER) > 1:
            errors.add(
                "persons",
                "Il ne peut y avoir qu’un conjoint (role « partner »).",
                "There can be only one partner.",
            )
    if len(persons) == len(value):
        _check_children_ages(errors, persons)
    return persons


def _check_children_ages(errors, persons):
    adults = [p for p in persons if p.role != CHILD]
    if not adults:
        return
    oldest_adult_birth = min(p.birth_date for p in adults)
    for i, person in enumerate(persons):
        if person.role == CHILD and person.birth_date <= oldest_adult_birth:
            errors.add(
                f"persons[{i}].birth_date",
                "Un enfant ne peut pas être plus âgé que le demandeur ou son conjoint.",
                "A child cannot be older than the applicant or their partner.",
            )


def _parse_person(errors, path, raw, computed):
    if not isinstance(raw, dict):
        errors.add(path, "Chaque personne doit être un objet JSON.", "Each person must be a JSON object.")
        return None
    for key in sorted(map(str, set(raw) - PERSON_KEYS)):
        errors.add(
            f"{path}.{shown(key)}", f"Champ inconnu « {shown(key)} ».", f"Unknown field '{shown(key)}'."
        )
    person_id = raw.get("id")
    if not isinstance(person_id, str) or not person_id:
        errors.add(
            f"{path}.id", "L’identifiant de la personne est obligatoire.", "The person's id is required."
        )
        person_id = path
    elif not _valid_id(person_id):
        errors.add(
            f"{path}.id",
            f"L’identifiant doit être un texte imprimable d’au plus {MAX_ID_LENGTH} caractères.",
            f"The id must be printable text of at most {MAX_ID_LENGTH} characters.",
        )
        person_id = path
    role = raw.get("role")
    if role not in (APPLICANT, PARTNER, CHILD):
        errors.add(
            f"{path}.role",
            f"Rôle inconnu « {shown(role)} » : applicant, partner ou child.",
            f"Unknown role '{shown(role)}': applicant, partner or child.",
        )
        role = CHILD
    birth = _parse_date(errors, f"{path}.birth_date", raw.get("birth_date"))
    if birth is not None and computed is not None:
        check_birth_after_month(errors, path, role, birth, computed)  # an expected child is allowed
    if birth is not None and birth.year < 1900:
        errors.add(
            f"{path}.birth_date", "La date de naissance est trop ancienne.", "The birth date is too old."
        )
    nationality = raw.get("nationality", "FR")
    if not isinstance(nationality, str) or not NATIONALITY_RE.match(nationality):
        errors.add(
            f"{path}.nationality",
            "La nationalité doit être un code pays à deux lettres (FR, PT, MA...).",
            "The nationality must be a two-letter country code.",
        )
        nationality = "FR"
    permit = raw.get("residence_permit_years", 0)
    if type(permit) is not int or not 0 <= permit <= MAX_PERMIT_YEARS:
        errors.add(
            f"{path}.residence_permit_years",
            f"La durée du titre de séjour doit être un nombre entier d’années, de 0 à {MAX_PERMIT_YEARS}.",
            f"The residence permit duration must be a whole number of years, from 0 to {MAX_PERMIT_YEARS}.",
        )
        permit = 0
    activity = raw.get("activity")
    if activity is not None and activity not in ACTIVITIES:
        errors.add(
            f"{path}.activity",
            f"Situation inconnue « {shown(activity)} ».",
            f"Unknown activity '{shown(activity)}'.",
        )
        activity = None
    unemployed_since = _parse_date(
        errors, f"{path}.unemployed_since", raw.get("unemployed_since"), required=False
    )
    if unemployed_since is not None and activity != "unemployed":
        errors.add(
            f"{path}.unemployed_since",
            "La date de début de chômage n’a de sens que pour une personne au chômage.",
            "The unemployment start date requires activity 'unemployed'.",
        )
    rate = raw.get("disability_rate", 0.0)
    # NaN fails the comparison, so it is refused here too.
    if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 <= rate <= 1:
        errors.add(
            f"{path}.disability_rate",
            "Le taux d’incapacité doit être compris entre 0 et 1 (0,8 pour 80 %).",
            "The disability rate must be between 0 and 1 (0.8 for 80%).",
        )
        rate = 0.0
    flags = {}
    for flag in ("disability_employment_restriction", "aah_couple_calculation_option"):
        flags[flag] = raw.get(flag, False)
        if not isinstance(flags[flag], bool):
            errors.add(
                f"{path}.{flag}", "La valeur doit être vrai ou faux.", "The value must be true or false."
            )
            flags[flag] = False
    incomes, profit = _parse_incomes(errors, path, raw.get("incomes"), raw.get("yearly_taxable_income"))
    flags.update(parse_person_fields(errors, path, raw, role, _parse_date))
    check_adoption_after_birth(errors, path, birth, flags)
    if birth is None:
        return None
    return Person(
        id=person_id,
        role=role,
        birth_date=birth,
        nationality=nationality,
        residence_permit_years=permit,
        activity=activity,
        unemployed_since=unemployed_since,
        disability_rate=float(rate),
        incomes=incomes,
        self_employment_profit=profit,
        **flags,
    )


def _valid_month_index(month) -> int | None:
    """The index of an "AAAA-MM" month, or None. Memoised: a batch repeats the same few dozen months
    in every household, and the check with a regular expression is the costly part of parsing."""
    if not isinstance(month, str):
        return None
    index = _MONTH_INDEXES.get(month)
    if index is None and MONTH_RE.match(month):
        index = month_index(month)
        if len(_MONTH_INDEXES) < 10_000:  # bounded: only well-formed months get here
            _MONTH_INDEXES[month] = index
    return index


def _parse_amount(errors, path, value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        errors.add(path, "Le montant doit être un nombre d’euros.", "The amount must be a number of euros.")
        return None
    if isinstance(value, float) and not math.isfinite(value):
        # JSON has no NaN or Infinity, but Python's json module reads them: refuse them by name.
        errors.add(
            path,
            "Le montant doit être un nombre fini d’euros (NaN et Infinity ne sont pas des montants).",
            "The amount must be a finite number of euros (NaN and Infinity are not amounts).",
        )
        return None
    if value < 0:
        errors.add(path, "Le montant ne peut pas être négatif.", "The amount cannot be negative.")
        return None
    if value > MAX_AMOUNT:
        errors.add(path, "Le montant est trop élevé.", "The amount is too large.")
        return None
    return float(value)


def _parse_incomes(errors, path, raw_incomes, raw_yearly):
    series: dict[str, dict[int, float]] = {}
    if raw_incomes is not None and not isinstance(raw_incomes, dict):
        errors.add(
            f"{path}.incomes", "Les revenus doivent être un objet JSON.", "Incomes must be a JSON object."
        )
        raw_incomes = {}
    for kind, months in (raw_incomes or {}).items():
        kind_path = f"{path}.incomes.{shown(kind)}"
        if kind not in MONTHLY_INCOME_TYPES:
            errors.add(
                kind_path,
                f"Type de revenu inconnu « {shown(kind)} ».",
                f"Unknown income type '{shown(kind)}'.",
            )
            continue
        if not isinstance(months, dict):
            errors.add(
                kind_path,
                "Les montants doivent être donnés par mois (AAAA-MM).",
                "Amounts must be given by month.",
            )
            continue
        if len(months) > MAX_MONTHS_PER_INCOME:
            errors.add(
                kind_path,
                f"Au plus {MAX_MONTHS_PER_INCOME} mois par type de revenu.",
                f"At most {MAX_MONTHS_PER_INCOME} months per income type.",
            )
            continue
        values = {}
        for month, amount in months.items():
            index = _valid_month_index(month)
            if index is None:
                errors.add(
                    f"{kind_path}.{shown(month)}",
                    f"« {shown(month)} » n’est pas un mois AAAA-MM.",
                    f"'{shown(month)}' is not a month.",
                )
                continue
            # A valid amount is the common case: test it inline and build the error path only on error
            # (NaN fails the comparisons and goes to _parse_amount, which names it).
            if type(amount) in (int, float) and 0 <= amount <= MAX_AMOUNT:
                parsed = float(amount)
            else:
                parsed = _parse_amount(errors, f"{kind_path}.{month}", amount)
            if parsed:
                values[index] = parsed
        series[kind] = values
    # Taxable series default to the net amount of the same month (schema), month by month.
    for net, taxable in (
        ("salary", "salary_taxable"),
        ("unemployment_benefit", "unemployment_benefit_taxable"),
        ("pension", "pension_taxable"),
    ):
        if net in series or taxable in series:
            merged = dict(series.get(net, {}))
            merged.update(series.get(taxable, {}))
            series[taxable] = merged
    profit: dict[int, float] = {}
    if raw_yearly is not None and not isinstance(raw_yearly, dict):
        errors.add(
            f"{path}.yearly_taxable_income", "Doit être un objet par année.", "Must be an object by year."
        )
        raw_yearly = {}
    if raw_yearly and len(raw_yearly) > MAX_YEARS:
        errors.add(
            f"{path}.yearly_taxable_income",
            f"Au plus {MAX_YEARS} années de revenus.",
            f"At most {MAX_YEARS} years of income.",
        )
        raw_yearly = {}
    for year, categories in (raw_yearly or {}).items():
        year_path = f"{path}.yearly_taxable_income.{shown(year)}"
        if not isinstance(year, str) or not YEAR_RE.match(year):
            errors.add(
                year_path,
                f"« {shown(year)} » n’est pas une année AAAA.",
                f"'{shown(year)}' is not a YYYY year.",
            )
            continue
        if not isinstance(categories, dict):
            errors.add(year_path, "Doit être un objet par catégorie.", "Must be an object by category.")
            continue
        for category, amount in categories.items():
            if category not in YEARLY_INCOME_TYPES:
                errors.add(
                    f"{year_path}.{shown(category)}",
                    f"Catégorie inconnue « {shown(category)} ».",
                    f"Unknown category '{shown(category)}'.",
                )
                continue
            parsed = _parse_amount(errors, f"{year_path}.{category}", amount)
            if parsed is None:
                continue
            if category == "self_employment":
                profit[int(year)] = profit.get(int(year), 0.0) + parsed
            else:
                _spread_yearly(series, int(year), category, parsed)
    return {kind: values for kind, values in series.items() if values}, profit


def _spread_yearly(series, year, category, amount):
    """The yearly total is authoritative: what the months of that year do not already carry is spread
    evenly on the months without a figure (net and taxable alike, the net being unknown)."""
    net, taxable = SPREAD_CATEGORIES[category]
    months = range(year * 12, year * 12 + 12)
    taxable_series = series.setdefault(taxable, {})
    net_series = series.setdefault(net, {})
    known = [m for m in months if m in taxable_series]
    free = [m for m in months if m not in taxable_series]
    if not free:
        return
    share = (amount - sum(taxable_series[m] for m in known)) / len(free)
    for m in free:
        taxable_series[m] = share
        net_series[m] = net_series.get(m, 0.0) + share


def _parse_housing(errors, raw):
    if raw is None:
        # The oracle's convention: no housing described = housed free of charge.
        return Housing(status="hosted_free")
    if not isinstance(raw, dict):
        errors.add("housing", "Le logement doit être un objet JSON.", "Housing must be a JSON object.")
        return Housing(status="hosted_free")
    for key in sorted(map(str, set(raw) - HOUSING_KEYS)):
        errors.add(
            f"housing.{shown(key)}", f"Champ inconnu « {shown(key)} ».", f"Unknown field '{shown(key)}'."
        )
    status = raw.get("status")
    if status not in HOUSING_STATUSES:
        errors.add(
            "housing.status",
            f"Situation de logement inconnue « {shown(status)} ».",
            f"Unknown housing status '{shown(status)}'.",
        )
        status = "hosted_free"
    rent = 0.0
    if "rent" in raw:
        parsed = _parse_amount(errors, "housing.rent", raw["rent"])
        rent = parsed or 0.0
    elif status in TENANT_STATUSES:
        errors.add(
            "housing.rent", "Le loyer est obligatoire pour un locataire.", "A tenant's rent is required."
        )
    zone = raw.get("zone")
    # An integer only: 2.0 or true are not zones (true == 1 and 2.0 == 2 in Python).
    if zone is not None and (type(zone) is not int or zone not in (1, 2, 3)):
        errors.add("housing.zone", "La zone doit être 1, 2 ou 3.", "The zone must be 1, 2 or 3.")
        zone = None
    commune = raw.get("commune_insee")
    if commune is not None:
        if not isinstance(commune, str) or not COMMUNE_RE.match(commune):
            errors.add(
                "housing.commune_insee",
                "Le code commune INSEE a 5 caractères (ex. 75056).",
                "The INSEE code has 5 characters.",
            )
            commune = None
        elif commune.startswith(OVERSEAS_PREFIX):
            # The overseas rules (AF from the first child, other housing-aid scales, CSS L755-1 s.)
            # are not implemented: refuse rather than compute a mainland amount.
            errors.add(
                "housing.commune_insee",
                f"Commune {commune} : {OVERSEAS_FR}.",
                f"Commune {commune}: {OVERSEAS_EN}.",
            )
            commune = None
        elif zone is None and housing_zone_for_commune(commune) is None:
            errors.add(
                "housing.commune_insee",
                f"Commune {commune} inconnue : indiquez la zone (1, 2 ou 3).",
                f"Unknown commune {commune}: give the zone (1, 2 or 3).",
            )
            commune = None
    if (
        status in TENANT_STATUSES
        and zone is None
        and commune is None
        and "zone" not in raw
        and "commune_insee" not in raw
    ):
        errors.add(
            "housing.zone",
            "Pour un locataire, il faut la commune ou la zone du logement.",
            "A tenant needs the commune or the zone of the home.",
        )
    if zone is None and commune is not None:
        zone = housing_zone_for_commune(commune)
    if status not in TENANT_STATUSES and status != "owner_with_loan":
        rent = 0.0
    return Housing(status=status, rent=rent, zone=zone, commune_insee=commune)
