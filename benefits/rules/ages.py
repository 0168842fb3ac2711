"""Ages as the law counts them: in calendar birthdays.

A person reaches the age of N on their N-th birthday (born on 29 February: on 1 March of a common
year), and N months on the same day of the N-th month after birth. OpenFisca-France divides the days
lived (plus one) by the average Gregorian year (365.2425 days) instead, which is a day or two off
around some birthdays (someone born on 1961-06-02 counts as 65 on 2026-06-01): those households are
listed, with this cause, in tests/benefits/rules/KNOWN_DISAGREEMENTS.md.
"""

from datetime import date


def age_years(birth: date, day: date) -> int:
    """Whole years on `day`: the birthday itself counts (CSS L512-3 "âge de N ans", civil reckoning)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def age_months(birth: date, day: date) -> int:
    """Whole months on `day` (negative before birth: -1 means born within the coming month)."""
    months = (day.year - birth.year) * 12 + day.month - birth.month
    return months - (day.day < birth.day)


def age_years_in_month(birth: date, month: int) -> int:
    """`age_years` on the first day of `month` (a month index), without building that day."""
    month_of_year = month % 12 + 1
    before_birthday = month_of_year < birth.month or (month_of_year == birth.month and birth.day > 1)
    return month // 12 - birth.year - before_birthday


def age_months_in_month(birth: date, month: int) -> int:
    """`age_months` on the first day of `month` (a month index), without building that day."""
    return (month // 12 - birth.year) * 12 + month % 12 + 1 - birth.month - (birth.day > 1)
