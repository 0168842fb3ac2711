"""Parsing and validation of the neutral household format (household.schema.json).

Every problem is collected with its JSON path and a French message (with its English translation),
so a person or an API client sees all of them at once.
"""

import re

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
    PARTNER,
    Household,
    Person,
)
from benefits.rules.housing_parsing import parse_housing
from benefits.rules.income_parsing import parse_incomes
from benefits.rules.input_values import (  # noqa: F401 (re-exported: the public names of the format)
    COMMUNE_RE,
    DATE_RE,
    MAX_AMOUNT,
    MAX_ID_LENGTH,
    MAX_MONTHS_PER_INCOME,
    MAX_PERMIT_YEARS,
    MAX_PERSONS,
    MAX_YEARS,
    MONTH_RE,
    OVERSEAS_EN,
    OVERSEAS_FR,
    OVERSEAS_PREFIX,
    YEAR_RE,
    Collector,
    parse_amount,
    parse_date,
    parse_month,
    shown,
    valid_id,
)
from benefits.rules.months import month_index, month_label

NATIONALITY_RE = re.compile(r"^[A-Z]{2}$")
FIRST_SUPPORTED, LAST_SUPPORTED = month_index("2025-01"), month_index("2026-12")
SUPPORTED_MONTHS = tuple(month_label(i) for i in range(FIRST_SUPPORTED, LAST_SUPPORTED + 1))

HOUSEHOLD_KEYS = {
    "id",
    "month",
    "persons",
    "housing",
    "single_parent_since",
    "other_parent_pays_maintenance",
    *HOUSEHOLD_FIELDS,
}
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


def parse_household(data, month: str | None = None) -> Household:
    """Validates `data` (a dict in the neutral format) and returns a frozen Household.

    Raises HouseholdInputError listing every problem. `month` (YYYY-MM) overrides data["month"].
    """
    errors = Collector()
    if not isinstance(data, dict):
        raise HouseholdInputError(
            [InputError("", "Le foyer doit être un objet JSON.", "The household must be a JSON object.")]
        )
    for key in () if HOUSEHOLD_KEYS.issuperset(data) else sorted(map(str, set(data) - HOUSEHOLD_KEYS)):
        errors.add(shown(key), f"Champ inconnu « {shown(key)} ».", f"Unknown field '{shown(key)}'.")
    computed = parse_month(errors, "month", month if month is not None else data.get("month"), required=False)
    if computed is not None and not FIRST_SUPPORTED <= computed <= LAST_SUPPORTED:
        errors.add(
            "month",
            f"Le mois {month_label(computed)} n’est pas couvert : les calculs vont de 2025-01 à 2026-12.",
            f"Month {month_label(computed)} is not supported: computations cover 2025-01 to 2026-12.",
        )
    persons = _parse_persons(errors, data.get("persons"), computed)
    housing = parse_housing(errors, data.get("housing"))
    single_parent_since = parse_month(
        errors, "single_parent_since", data.get("single_parent_since"), required=False
    )
    childcare = parse_childcare(errors, data.get("childcare"), parse_amount)
    maintenance = parse_maintenance(errors, data.get("other_parent_pays_maintenance"), persons)
    household_id = data.get("id", "")
    if not isinstance(household_id, str):
        errors.add("id", "L’identifiant doit être un texte.", "The id must be a string.")
        household_id = ""
    elif household_id and not valid_id(household_id):
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
        other_parent_pays_maintenance=maintenance,
    )


def parse_maintenance(errors, value, persons) -> bool | None:
    """`other_parent_pays_maintenance`: absent (not asked), or a boolean; when true, the amount paid is
    needed in `alimony_received` (the ASF is then differential, CSS L523-1 I 4°)."""
    if value is None or value is False:
        return value
    if value is not True:
        errors.add(
            "other_parent_pays_maintenance",
            "Indiquez true ou false.",
            "Give true or false.",
        )
        return None
    if not any(person.incomes.get("alimony_received") for person in persons):
        errors.add(
            "other_parent_pays_maintenance",
            "Indiquez le montant de la pension alimentaire reçue (revenus « alimony_received »).",
            "Give the amount of the maintenance received (income 'alimony_received').",
        )
    return True


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
    for key in () if PERSON_KEYS.issuperset(raw) else sorted(map(str, set(raw) - PERSON_KEYS)):
        errors.add(
            f"{path}.{shown(key)}", f"Champ inconnu « {shown(key)} ».", f"Unknown field '{shown(key)}'."
        )
    person_id = raw.get("id")
    if not isinstance(person_id, str) or not person_id:
        errors.add(
            f"{path}.id", "L’identifiant de la personne est obligatoire.", "The person's id is required."
        )
        person_id = path
    elif not valid_id(person_id):
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
    birth = parse_date(errors, f"{path}.birth_date", raw.get("birth_date"))
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
    unemployed_since = parse_date(
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
    incomes, profit = parse_incomes(errors, path, raw.get("incomes"), raw.get("yearly_taxable_income"))
    flags.update(parse_person_fields(errors, path, raw, role, parse_date))
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
