"""Long dates as French writes them: "1er décembre 2026" (ordinal on the first day), "5 mai 2026".

Django's "j F Y" writes "1 décembre 2026", which reads as a typo in French; English keeps "1 December 2026".
And the end of a short span (a mandate), as a French clock says it: "jusqu’à 14 h 30", "jusqu’à minuit".
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

NBSP = "\u00a0"


def long_date(value, format_string: str = "j F Y") -> str:
    """A date or datetime (aware ones in local time) in a format starting with the day ("j F Y",
    "j F Y à H:i"), with "1er" on the first of the month in French."""
    if not isinstance(value, date):
        return value or ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    text = date_format(value, format_string)
    if value.day == 1 and format_string.startswith("j ") and is_french():
        text = "1er" + text[1:]
    return text


def is_french() -> bool:
    return (get_language() or "fr").startswith("fr")


def clock_time(value: time) -> str:
    """ "14 h 30", "9 h" (no-break spaces: the hour never wraps away from its "h"); "14:30" in English."""
    if not is_french():
        return f"{value:%H:%M}"
    minutes = f"{NBSP}{value.minute:02d}" if value.minute else ""
    return f"{value.hour}{NBSP}h{minutes}"


def long_until(value: datetime, now: datetime | None = None) -> str:
    """The end of a span that started today, in local time: "jusqu’à 14 h 30", "jusqu’à minuit" (00:00 the
    next day, the end of a day mandate), or with its day when it ends on another day than today (a visit
    started late in the evening): "jusqu’au 5 décembre à 1 h 30".

    Local wall-clock time from the aware value (zoneinfo), so a span across a change of time (last Sunday
    of March or October, Europe/Paris) still shows the hour a clock on the wall shows at its end."""
    end = timezone.localtime(value)
    today = timezone.localtime(now).date() if now else timezone.localdate()
    at_midnight = end.time() == time.min
    # Midnight ends the day before it: a day mandate given today ends "à minuit", not "demain à 0 h".
    day = end.date() - timedelta(days=1) if at_midnight else end.date()
    if day == today:
        if at_midnight:
            return _("jusqu’à minuit")
        return _("jusqu’à %(time)s") % {"time": clock_time(end.time())}
    day_text = long_date(day, "j F")
    if at_midnight:
        return _("jusqu’au %(day)s à minuit") % {"day": day_text}
    return _("jusqu’au %(day)s à %(time)s") % {"day": day_text, "time": clock_time(end.time())}
