"""French long dates: "1er" on the first of the month, in Python and in templates; the end of a mandate as
a French clock says it ("jusqu’à 14 h 30", "jusqu’à minuit")."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.template import Context, Template
from django.utils import translation

from benefits.claims.presenters import day_text
from benefits.desk.mandates import expiry_of
from benefits.desk.models import Duration
from portal.dates import long_date, long_until

PARIS = ZoneInfo("Europe/Paris")
NBSP = "\u00a0"


def test_first_of_the_month_is_an_ordinal_in_french_only():
    with translation.override("fr"):
        assert long_date(date(2026, 12, 1)) == "1er décembre 2026"
        assert long_date(date(2026, 12, 11)) == "11 décembre 2026"
        assert day_text("2026-09-01") == "1er septembre 2026"
    with translation.override("en"):
        assert long_date(date(2026, 12, 1)) == "1 December 2026"


def test_aware_datetimes_are_shown_in_local_time(settings):
    settings.TIME_ZONE = "Europe/Paris"
    late_utc = datetime(2026, 11, 30, 23, 30, tzinfo=ZoneInfo("UTC"))  # 1 December 00:30 in Paris
    with translation.override("fr"):
        assert long_date(late_utc, "j F Y à H:i") == "1er décembre 2026 à 00:30"


def test_template_filters():
    template = Template(
        "{% load portal_dates %}{{ day|long_date }} / {{ day|long_datetime }} / {{ none|long_date }}"
    )
    with translation.override("fr"):
        text = template.render(Context({"day": datetime(2026, 5, 1, 9, 5), "none": None}))
    assert text == "1er mai 2026 / 1er mai 2026 09:05 / "


def paris(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def utc_of(*args) -> datetime:
    """A Paris wall-clock time as timezone.now() gives it (UTC): a mandate's start."""
    return paris(*args).astimezone(ZoneInfo("UTC"))


def test_the_end_of_a_mandate_reads_as_a_french_clock(settings):
    settings.TIME_ZONE = "Europe/Paris"
    now = paris(2026, 12, 4, 12, 30)
    with translation.override("fr"):
        assert long_until(paris(2026, 12, 4, 14, 30), now) == f"jusqu’à 14{NBSP}h{NBSP}30"
        assert long_until(paris(2026, 12, 4, 9, 5), now) == f"jusqu’à 9{NBSP}h{NBSP}05"
        assert long_until(paris(2026, 12, 4, 15, 0), now) == f"jusqu’à 15{NBSP}h"
        # Midnight ends today: a day mandate, not "demain à 0 h".
        assert long_until(paris(2026, 12, 5, 0, 0), now) == "jusqu’à minuit"
        assert long_until(expiry_of(Duration.DAY, utc_of(2026, 12, 4, 12, 30)), now) == "jusqu’à minuit"
        # A visit that started late in the evening ends tomorrow: its day is said.
        late = utc_of(2026, 12, 4, 23, 30)
        assert long_until(expiry_of(Duration.VISIT, late), late) == f"jusqu’au 5 décembre à 1{NBSP}h{NBSP}30"
        # UTC in, Paris out: 13:30 UTC is 14:30 in December.
        assert long_until(datetime(2026, 12, 4, 13, 30, tzinfo=ZoneInfo("UTC")), now) == (
            f"jusqu’à 14{NBSP}h{NBSP}30"
        )
    with translation.override("en"):
        assert long_until(paris(2026, 12, 4, 14, 30), now) == "until 14:30"
        assert long_until(paris(2026, 12, 5, 0, 0), now) == "until midnight"


def test_the_end_of_a_mandate_is_the_wall_clock_across_a_change_of_time(settings):
    settings.TIME_ZONE = "Europe/Paris"
    with translation.override("fr"):
        # Sunday 29 March 2026, 02:00 → 03:00: a visit from 01:30 lasts 2 hours and ends at 4 h 30.
        spring = utc_of(2026, 3, 29, 1, 30)
        assert long_until(expiry_of(Duration.VISIT, spring), spring) == f"jusqu’à 4{NBSP}h{NBSP}30"
        # Sunday 25 October 2026, 03:00 → 02:00: from 01:30 (summer time) 2 hours end at 2 h 30 (winter).
        autumn = utc_of(2026, 10, 25, 1, 30)
        assert expiry_of(Duration.VISIT, autumn) - autumn == timedelta(hours=2)
        assert long_until(expiry_of(Duration.VISIT, autumn), autumn) == f"jusqu’à 2{NBSP}h{NBSP}30"
        # A day mandate on either Sunday ends at midnight, local time.
        for day in (utc_of(2026, 3, 29, 10, 0), utc_of(2026, 10, 25, 10, 0)):
            assert long_until(expiry_of(Duration.DAY, day), day) == "jusqu’à minuit"


def test_a_visit_lasts_two_hours_whatever_the_time_zone_of_its_start(settings):
    settings.TIME_ZONE = "Europe/Paris"
    utc = ZoneInfo("UTC")
    # Sunday 25 October 2026: 01:30 Paris summer time (23:30 UTC) given as a Paris datetime, not UTC.
    # Added on Paris's wall clock the 2 hours would end at 3 h 30 winter time, 3 real hours later.
    start = paris(2026, 10, 25, 1, 30)
    end = expiry_of(Duration.VISIT, start)
    assert end.astimezone(utc) - start.astimezone(utc) == timedelta(hours=2)
    assert end == datetime(2026, 10, 25, 1, 30, tzinfo=utc)
    with translation.override("fr"):
        assert long_until(end, start) == f"jusqu’à 2{NBSP}h{NBSP}30"
    # The day mandate given the same Paris datetime still ends at midnight, local time.
    assert expiry_of(Duration.DAY, start) == paris(2026, 10, 26, 0, 0)


def test_the_long_until_filter(settings):
    settings.TIME_ZONE = "Europe/Paris"
    template = Template("{% load portal_dates %}{{ end|long_until }}/{{ none|long_until }}")
    with translation.override("fr"):
        text = template.render(Context({"end": paris(2099, 1, 1, 0, 0), "none": None}))
    assert text == "jusqu’au 31 décembre à minuit/"
