"""The payment calendar: the 5th of the month, closed CAMPAIGN_PAYMENT_CUTOFF_DAYS before at 00:00."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from benefits.campaigns.payments import calendar, cutoff_of, next_payment_day


@pytest.fixture(autouse=True)
def three_days(settings):
    settings.CAMPAIGN_PAYMENT_CUTOFF_DAYS = 3


@pytest.mark.parametrize(
    ("today", "payment"),
    [
        (date(2026, 12, 1), date(2026, 12, 5)),  # the day before the cut-off: this month's run
        (date(2026, 12, 2), date(2027, 1, 5)),  # the cut-off day: closed since 00:00, next month
        (date(2026, 12, 5), date(2027, 1, 5)),
        (date(2026, 12, 31), date(2027, 1, 5)),  # across the year
        (date(2027, 1, 2), date(2027, 2, 5)),
    ],
)
def test_the_next_payment_is_the_first_whose_cut_off_is_ahead(today, payment):
    assert next_payment_day(today) == payment
    start_of_today = timezone.make_aware(datetime.combine(today, datetime.min.time()))
    assert cutoff_of(payment) > start_of_today


def test_a_campaign_finishing_on_the_cut_off_day_is_in_time_for_the_next_run():
    """Before the fix, on the cut-off day the calendar named this month's run, already closed, and a
    finished campaign read « not in time » (the operators' page said so between 00:00 and the 5th)."""
    finished = timezone.make_aware(datetime(2026, 12, 2, 0, 30))
    found = calendar(now=finished, eta=finished)
    assert found["payment_day"] == date(2027, 1, 5)
    assert found["in_time"]
    day_before = finished - timedelta(days=1)
    assert calendar(now=day_before, eta=day_before)["payment_day"] == date(2026, 12, 5)
    assert calendar(now=day_before, eta=day_before)["in_time"]
