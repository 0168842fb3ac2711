"""The day a month's benefits are paid: the 5th of the following month, or the nearest working day.

Arrêté du 29 juin 1994 fixant les dates de versement des prestations familiales par les caisses
d'allocations familiales, art. 1, as amended in 2021: « le cinquième jour du mois suivant celui pour
lequel les prestations sont dues ou le jour ouvré le plus proche si le cinquième jour n'est pas un jour
ouvré » (monthly payment: CSS R553-1). A Saturday 5th is paid on Friday 4th, a Sunday 5th on Monday 6th.
"""

from datetime import date, timedelta

from benefits.letters.holidays import is_public_holiday

PAYMENT_BASIS = "Arrêté du 29 juin 1994 modifié, art. 1 ; CSS R553-1"


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and not is_public_holiday(day)


def payment_day(month: str) -> dict:
    """{"day": date, "moved": bool} for the rights of `month` ("YYYY-MM")."""
    year, number = int(month[:4]), int(month[5:7])
    year, number = (year + 1, 1) if number == 12 else (year, number + 1)
    fifth = date(year, number, 5)
    if is_working_day(fifth):
        return {"day": fifth, "moved": False}
    # The nearest working day; at equal distance the earlier one (the money comes no later).
    for gap in range(1, 8):
        for candidate in (fifth - timedelta(days=gap), fifth + timedelta(days=gap)):
            if is_working_day(candidate):
                return {"day": candidate, "moved": True}
    raise AssertionError("no working day within a week")  # pragma: no cover
