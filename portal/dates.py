"""Long dates as French writes them: "1er décembre 2026" (ordinal on the first day), "5 mai 2026".

Django's "j F Y" writes "1 décembre 2026", which reads as a typo in French; English keeps "1 December 2026".
"""

from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language


def long_date(value, format_string: str = "j F Y") -> str:
    """A date or datetime (aware ones in local time) in a format starting with the day ("j F Y",
    "j F Y à H:i"), with "1er" on the first of the month in French."""
    if not isinstance(value, date):
        return value or ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    text = date_format(value, format_string)
    if value.day == 1 and format_string.startswith("j ") and (get_language() or "fr").startswith("fr"):
        text = "1er" + text[1:]
    return text
