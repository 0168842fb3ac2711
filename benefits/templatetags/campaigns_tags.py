"""Display helpers of the campaigns' operator screens."""

from django import template

from benefits.simulator.formatting import euros as format_euros
from benefits.simulator.formatting import month_name

register = template.Library()


@register.filter
def euros(value) -> str:
    return format_euros(value or 0)


@register.filter
def per_second(value) -> str:
    return f"{value:,.0f}".replace(",", "\u202f")


@register.filter
def month(value) -> str:
    """ "2026-12" → "décembre 2026"."""
    return month_name(value) if value else ""
