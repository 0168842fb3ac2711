"""Month arithmetic on integer indexes (year * 12 + month - 1): fast, and no day-of-month traps."""

from datetime import date


def month_index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def month_label(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def first_day(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def age_on(birth: date, day: date) -> int:
    """Age in whole years on `day` (a birthday counts from its own day)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def age_in_months_on(birth: date, day: date) -> int:
    months = (day.year - birth.year) * 12 + day.month - birth.month
    return months - (day.day < birth.day)
