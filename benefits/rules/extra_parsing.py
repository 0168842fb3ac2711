"""Parsing of the household fields added for the PAJE, CMG and AEEH (household.schema.json).

Kept apart from parsing.py so that the neutral format's original fields keep their code path: a
household without these fields parses exactly as before.

- An **expected child** is a `child` whose `birth_date` (the expected date of birth) falls after the
  computed month, at most nine months ahead: the convention OpenFisca-France's reading also gives
  (oracle README, quirk E1). Adults born after the computed month are still refused.
- `aeeh_category` (1 to 6: the AEEH complement the CDAPH granted), `aeeh_specialised_care` and
  `adoption_date` are for children only.
- `childcare` (household): the childcare the family pays for, for the CMG.
"""

from datetime import date

from benefits.rules.household import CHILD, CHILDCARE_MODES, Childcare

MAX_EXPECTED_MONTHS = 9  # a pregnancy lasts about nine months: a due date further ahead is a typo
MAX_CHILDCARE_HOURS = 31 * 24  # hours in a month: above it, a typing error
AEEH_CATEGORIES = (1, 2, 3, 4, 5, 6)  # CSS R541-2
PERSON_FIELDS = frozenset({"aeeh_category", "aeeh_specialised_care", "adoption_date"})
HOUSEHOLD_FIELDS = frozenset({"childcare"})
CHILDCARE_FIELDS = frozenset({"mode", "monthly_cost", "monthly_hours"})


def check_birth_after_month(errors, path: str, role: str, birth: date, computed: int) -> None:
    """A birth date after the computed month: an expected child, or an error."""
    ahead = birth.year * 12 + birth.month - 1 - computed
    if ahead <= 0:
        return
    if role != CHILD:
        errors.add(
            f"{path}.birth_date",
            "La date de naissance est postérieure au mois calculé.",
            "The birth date is after the computed month.",
        )
    elif ahead > MAX_EXPECTED_MONTHS:
        errors.add(
            f"{path}.birth_date",
            "Un enfant attendu doit naître dans les neuf mois qui suivent le mois calculé "
            "(date prévue de naissance).",
            "An expected child must be due within nine months of the computed month (expected date of birth).",
        )


def parse_person_fields(errors, path: str, raw: dict, role: str, parse_date) -> dict:
    """The children's AEEH and adoption fields, as keyword arguments of Person."""
    if PERSON_FIELDS.isdisjoint(raw):  # most persons: none of these fields
        return {}
    present = PERSON_FIELDS & set(raw)
    if role != CHILD:
        for key in sorted(present):
            errors.add(
                f"{path}.{key}",
                "Ce champ ne concerne qu’un enfant (role « child »).",
                "This field is for a child only (role 'child').",
            )
        return {}
    fields = {}
    category = raw.get("aeeh_category")
    if category is not None:
        if isinstance(category, bool) or category not in AEEH_CATEGORIES:
            errors.add(
                f"{path}.aeeh_category",
                "La catégorie de complément d’AEEH est un nombre entier de 1 à 6 (notification de la CDAPH).",
                "The AEEH complement category is a whole number from 1 to 6 (CDAPH decision).",
            )
        else:
            fields["aeeh_category"] = int(category)
    care = raw.get("aeeh_specialised_care", False)
    if not isinstance(care, bool):
        errors.add(
            f"{path}.aeeh_specialised_care",
            "La valeur doit être vrai ou faux.",
            "The value must be true or false.",
        )
    else:
        fields["aeeh_specialised_care"] = care
    if "adoption_date" in raw:
        adopted = parse_date(errors, f"{path}.adoption_date", raw["adoption_date"], required=False)
        if adopted is not None:
            fields["adoption_date"] = adopted
    return fields


def check_adoption_after_birth(errors, path: str, birth: date | None, fields: dict) -> None:
    adopted = fields.get("adoption_date")
    if adopted is not None and birth is not None and adopted < birth:
        errors.add(
            f"{path}.adoption_date",
            "L’arrivée au foyer ne peut pas précéder la naissance.",
            "The arrival in the home cannot come before the birth.",
        )


def parse_childcare(errors, raw, parse_amount) -> Childcare | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        errors.add(
            "childcare", "La garde d’enfant doit être un objet JSON.", "Childcare must be a JSON object."
        )
        return None
    for key in sorted(set(raw) - CHILDCARE_FIELDS):
        errors.add(f"childcare.{key}", f"Champ inconnu « {key} ».", f"Unknown field '{key}'.")
    mode = raw.get("mode")
    if mode not in CHILDCARE_MODES:
        errors.add(
            "childcare.mode",
            "Le mode de garde est « assistante_maternelle » ou « home_care » (garde à domicile).",
            "The childcare mode is 'assistante_maternelle' or 'home_care'.",
        )
    cost = None
    if "monthly_cost" in raw:
        cost = parse_amount(errors, "childcare.monthly_cost", raw["monthly_cost"])
    else:
        errors.add(
            "childcare.monthly_cost",
            "Indiquez le coût mensuel de la garde (salaire net versé, en euros).",
            "Give the monthly cost of childcare (net pay, in euros).",
        )
    hours = raw.get("monthly_hours")
    if (
        isinstance(hours, bool)
        or not isinstance(hours, (int, float))
        or not 0 <= hours <= MAX_CHILDCARE_HOURS
    ):
        errors.add(
            "childcare.monthly_hours",
            f"Le nombre d’heures de garde par mois est un nombre de 0 à {MAX_CHILDCARE_HOURS}.",
            f"The monthly childcare hours are a number from 0 to {MAX_CHILDCARE_HOURS}.",
        )
        hours = None
    if mode not in CHILDCARE_MODES or cost is None or hours is None:
        return None
    return Childcare(mode=mode, monthly_cost=float(cost), monthly_hours=float(hours))
