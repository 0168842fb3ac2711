"""French public holidays (Code du travail L3133-1), for the payment day of the benefits."""

from datetime import date, timedelta
from functools import cache


@cache
def easter(year: int) -> date:
    """Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own name)
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


@cache
def public_holidays(year: int) -> frozenset[date]:
    sunday = easter(year)
    fixed = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]
    return frozenset(
        [date(year, month, day) for month, day in fixed]
        + [sunday + timedelta(days=1), sunday + timedelta(days=39), sunday + timedelta(days=50)]
    )


def is_public_holiday(day: date) -> bool:
    return day in public_holidays(day.year)
