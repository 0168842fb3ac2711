"""The payment calendar: the CAF pays the rights of a month on the 5th of the next one.

A campaign's payments must be in the payment run, whose cut-off is CAMPAIGN_PAYMENT_CUTOFF_DAYS
before the 5th (settings): an ETA after the cut-off means the next payment, a month later.
"""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

PAYMENT_DAY = 5


def next_payment_day(today: date) -> date:
    """The next 5th whose cut-off is still ahead. The cut-off falls at 00:00 of its day (cutoff_of), so
    on the cut-off day itself that payment run is closed: the next one is a month later."""
    candidate = today.replace(day=PAYMENT_DAY)
    while candidate - timedelta(days=settings.CAMPAIGN_PAYMENT_CUTOFF_DAYS) <= today:
        year, month = (
            (candidate.year + 1, 1) if candidate.month == 12 else (candidate.year, candidate.month + 1)
        )
        candidate = date(year, month, PAYMENT_DAY)
    return candidate


def cutoff_of(payment_day: date) -> datetime:
    day = payment_day - timedelta(days=settings.CAMPAIGN_PAYMENT_CUTOFF_DAYS)
    return timezone.make_aware(datetime.combine(day, time(0, 0)))


def calendar(*, now: datetime, eta: datetime | None) -> dict:
    payment = next_payment_day(timezone.localdate(now))
    cutoff = cutoff_of(payment)
    return {
        "payment_day": payment,
        "cutoff": cutoff,
        "eta": eta,
        "in_time": eta is not None and eta <= cutoff,
    }
