"""Display helpers of the campaigns' operator screens."""

from django import template

from benefits.simulator.formatting import euros as format_euros

register = template.Library()


@register.filter
def euros(value) -> str:
    return format_euros(value or 0)


@register.filter
def per_second(value) -> str:
    return f"{value:,.0f}".replace(",", "\u202f")
