"""The values of the household format and their checks: months, dates, amounts, the input limits,
and how a wrong value is echoed in an error message. Shared by parsing.py and its two helpers
(income_parsing.py, housing_parsing.py).
"""

import math
import re
from datetime import date

from benefits.rules.errors import InputError
from benefits.rules.months import month_index

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
MONTH_INDEXES: dict[str, int] = {}  # "AAAA-MM" → month index, see valid_month_index


def shown(value) -> str:
    """A wrong value as an error message may echo it: short, and always encodable (a lone surrogate, a
    NUL or another control character is written as its escape instead of breaking the answer)."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > SHOWN_LENGTH:
        text = text[:SHOWN_LENGTH] + "…"
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def valid_id(value: str) -> bool:
    return len(value) <= MAX_ID_LENGTH and value.isprintable()


class Collector:
    def __init__(self):
        self.errors: list[InputError] = []

    def add(self, path: str, fr: str, en: str) -> None:
        self.errors.append(InputError(path, fr, en))


def parse_month(errors, path, value, *, required):
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


def parse_date(errors, path, value, *, required=True):
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


def valid_month_index(month) -> int | None:
    """The index of an "AAAA-MM" month, or None. Memoised: a batch repeats the same few dozen months
    in every household, and the check with a regular expression is the costly part of parsing."""
    if not isinstance(month, str):
        return None
    index = MONTH_INDEXES.get(month)
    if index is None and MONTH_RE.match(month):
        index = month_index(month)
        if len(MONTH_INDEXES) < 10_000:  # bounded: only well-formed months get here
            MONTH_INDEXES[month] = index
    return index


def parse_amount(errors, path, value):
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
