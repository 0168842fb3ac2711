"""Ages as OpenFisca-France counts them, so that the two calculators agree to the day.

OpenFisca divides the days lived (plus one) by the average Gregorian year (365.2425 days) or month
(30.436875 days), which is the calendar age except for a day or two around some birthdays.
"""

from datetime import date

DAYS_PER_YEAR = 365.2425
DAYS_PER_MONTH = DAYS_PER_YEAR / 12


def age_years(birth: date, day: date) -> int:
    return int(((day - birth).days + 1) // DAYS_PER_YEAR)


def age_months(birth: date, day: date) -> int:
    return int(((day - birth).days + 1) // DAYS_PER_MONTH)
