"""A file's dates against today: what the core cannot check, since a file is checked whatever the month
it is computed for (file_checks.core_problems gives it no month).

The one date a file holds is each member's `birth_date` (the housing and the rights carry none: the core
refuses any other housing key, and the rights are {benefit, amount}). An adult cannot be born after
today; a child can, as an expected child whose due date the CAF records with the pregnancy, at most nine
months ahead (the core's bound for a computed month: benefits/rules/extra_parsing.py); and a birth more
than 120 years ago is a typing error (the oldest person on record lived 122 years; the core itself
refuses only a year before 1900, which it reports).
"""

from datetime import date

from django.utils.translation import gettext as _

from benefits.rules.extra_parsing import MAX_EXPECTED_MONTHS
from benefits.rules.input_values import DATE_RE

OLDEST_AGE = 120


def iso_date(value) -> date | None:
    """A YYYY-MM-DD text as the core reads it (input_values.parse_date), or None: fromisoformat alone
    also reads "19850310" or "1985-W10", which the core refuses."""
    if not isinstance(value, str) or not DATE_RE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def birth_date_of(member: dict) -> date | None:
    """The member's birth date, or None when it is missing or not a date (the core says which)."""
    return iso_date(member.get("birth_date"))


def years_before(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February, in a year that has none
        return today.replace(year=today.year - years, day=28)


def birth_problem(role: str, born: date, today: date) -> str | None:
    if born > today:
        if role != "child":
            return _("La date de naissance est postérieure à aujourd’hui.")
        if (born.year - today.year) * 12 + born.month - today.month > MAX_EXPECTED_MONTHS:
            return _(
                "Un enfant à naître doit naître dans les neuf mois qui viennent (date prévue de naissance)."
            )
        return None
    if born.year >= 1900 and born < years_before(today, OLDEST_AGE):
        return _("La date de naissance remonte à plus de %(years)d ans.") % {"years": OLDEST_AGE}
    return None


def dates_problems(members: list, today: date) -> list[str]:
    """The messages (for the `members` field) of the birth dates that cannot be true today."""
    problems = []
    for position, member in enumerate(members, start=1):
        born = birth_date_of(member)
        if born is None:
            continue
        if (problem := birth_problem(member["role"], born, today)) is not None:
            problems.append(
                _("Personne n° %(position)d, « %(key)s » : %(problem)s")
                % {"position": position, "key": "birth_date", "problem": problem}
            )
    return problems
