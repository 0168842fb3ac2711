"""What follows an amount on the result pages: "par mois", "versés une fois", or when a yearly benefit
is paid ("par an, versée en août 2026"), so that nothing paid once reads as monthly.

The ARS is paid once, in August, for the school year starting that September (CSS L543-1, R543-1);
the core computes the one of the estimated month's year. For a month after August that payment is
already behind: the words say which school year it is for instead of announcing a past date.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from benefits.simulator.formatting import month_name

# One-off yearly benefits and the month they are paid in.
PAYMENT_MONTHS = {"ars": 8}


def payment_is_past(name: str, month: str) -> bool:
    """True when the estimated month comes after the month the yearly benefit is paid in."""
    paid = PAYMENT_MONTHS.get(name)
    return paid is not None and int(month[5:7]) > paid


def payment_text(name: str, month: str) -> str:
    """ "par an, versée en août 2026" (or "…, pour la rentrée 2026, versée en août 2026" after August)."""
    paid = PAYMENT_MONTHS.get(name)
    if paid is None:
        return str(_("par an"))
    when = month_name(f"{month[:4]}-{paid:02d}")
    if payment_is_past(name, month):
        return str(
            format_lazy(_("par an, pour la rentrée {year}, versée en {month}"), year=month[:4], month=when)
        )
    return str(format_lazy(_("par an, versée en {month}"), month=when))


def next_payment(name: str, month: str) -> str:
    """ "août 2027" for a December 2026 estimate: when the next payment comes, once this year's is past."""
    if not payment_is_past(name, month):
        return ""
    return month_name(f"{int(month[:4]) + 1}-{PAYMENT_MONTHS[name]:02d}")


def period_text(name: str, period: str, month: str) -> str:
    """What follows the amount of a benefit of this period ("month", "year" or "once")."""
    if period == "month":
        return str(_("par mois"))
    if period == "once":
        return str(_("versés une fois"))
    return payment_text(name, month)
