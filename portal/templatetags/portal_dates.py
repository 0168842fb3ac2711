"""`{{ value|long_date }}`, `{{ value|long_date:_("j F Y à H:i") }}`, `{{ value|long_until }}`: see
portal/dates.py."""

from django import template

from portal.dates import long_date as format_long_date
from portal.dates import long_until as format_long_until

register = template.Library()


@register.filter
def long_date(value, format_string="j F Y") -> str:
    return format_long_date(value, str(format_string))


@register.filter
def long_datetime(value) -> str:
    return format_long_date(value, "j F Y H:i")


@register.filter
def long_until(value) -> str:
    return format_long_until(value) if value else ""
