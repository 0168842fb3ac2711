"""French long dates: "1er" on the first of the month, in Python and in templates."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.template import Context, Template
from django.utils import translation

from benefits.claims.presenters import day_text
from portal.dates import long_date


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
