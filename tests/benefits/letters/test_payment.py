"""The payment day: the 5th of the following month, or the nearest working day (arrêté du 29 juin 1994)."""

from datetime import date

import pytest

from benefits.letters.holidays import easter, is_public_holiday
from benefits.letters.payment import payment_day


@pytest.mark.parametrize(
    ("month", "day", "moved"),
    [
        ("2026-10", date(2026, 11, 5), False),  # a Thursday
        ("2026-11", date(2026, 12, 4), True),  # Saturday 5 December → Friday 4
        ("2025-09", date(2025, 10, 6), True),  # Sunday 5 October → Monday 6
        ("2026-12", date(2027, 1, 5), False),  # across the year
        ("2021-03", date(2021, 4, 6), True),  # Easter Monday 5 April 2021 → Tuesday 6
        # Easter Sunday 5 April 2026 and Easter Monday: Friday 3 and Tuesday 7 are as near; the earlier.
        ("2026-03", date(2026, 4, 3), True),
    ],
)
def test_payment_day(month, day, moved):
    assert payment_day(month) == {"day": day, "moved": moved}


def test_public_holidays():
    assert easter(2026) == date(2026, 4, 5) and easter(2027) == date(2027, 3, 28)
    assert is_public_holiday(date(2026, 5, 14))  # Ascension 2026
    assert is_public_holiday(date(2026, 5, 25))  # Whit Monday 2026
    assert is_public_holiday(date(2026, 7, 14)) and not is_public_holiday(date(2026, 7, 15))
