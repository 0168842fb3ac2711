"""Working days in France: not a Saturday, a Sunday or a public holiday (Code du travail L3133-1).

The aide universelle d'urgence is paid within 3 working days of the request, 5 for a person who is
not yet an allocataire (CASF L214-9, D214-19): agents see the deadline this gives.
"""

from datetime import date, timedelta

FIXED_HOLIDAYS = ((1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25))


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def holidays(year: int) -> set[date]:
    sunday = easter(year)
    movable = {sunday + timedelta(days=1), sunday + timedelta(days=39), sunday + timedelta(days=50)}
    return {date(year, m, d) for m, d in FIXED_HOLIDAYS} | movable


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    current = start
    while days > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            days -= 1
    return current
