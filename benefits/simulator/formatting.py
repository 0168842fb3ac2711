"""French display of money, dates and months for the simulator's pages ("1 234,56 €", "juin 2026")."""

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import date_format

# French typography separates thousands with a no-break space, so "1 234,56 €" never wraps.
NBSP = "\u00a0"
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def euros(value) -> str:
    """1234.5 → "1 234,50 €" (always two decimals, as on a CAF statement)."""
    amount = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    units, cents = f"{abs(amount):.2f}".split(".")
    groups = []
    while units:
        groups.insert(0, units[-3:])
        units = units[:-3]
    return f"{sign}{NBSP.join(groups)},{cents}{NBSP}€"


def month_name(month: str) -> str:
    """ "2026-06" → "juin 2026" in the active language."""
    return date_format(date(int(month[:4]), int(month[5:7]), 1), "F Y")


def day(iso: str) -> str:
    """ "1990-03-10" → "10/03/1990", the format the questionnaire asks for."""
    if not iso or not ISO_DATE.fullmatch(iso):
        return iso or ""  # already as typed (a form redisplayed after an error)
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"
