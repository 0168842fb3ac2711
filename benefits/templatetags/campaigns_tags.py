"""Display helpers of the campaigns' operator screens."""

from django import template
from django.utils.translation import get_language

from benefits.campaigns.models import Outcome
from benefits.labels import benefit_label
from benefits.simulator.formatting import NBSP, month_name
from benefits.simulator.formatting import euros as format_euros
from benefits.simulator.result_page import step_lines

register = template.Library()


@register.filter
def euros(value) -> str:
    return format_euros(value or 0)


@register.filter
def per_second(value) -> str:
    return f"{value:,.0f}".replace(",", NBSP)


@register.filter
def month(value) -> str:
    """ "2026-12" → "décembre 2026"."""
    return month_name(value) if value else ""


@register.filter
def benefit(code) -> str:
    """ "ppa" → "Prime d’activité"."""
    return benefit_label(code)


@register.filter
def outcome(value) -> str:
    """ "non_concerne" → "Non concerné"."""
    return Outcome(value).label if value in Outcome.values else value


@register.filter
def count(value) -> str:
    """5007 → "5 007" (French thousands, the no-break space of euros()); anything else as it came."""
    try:
        return f"{int(value):,}".replace(",", NBSP)
    except (TypeError, ValueError):
        return value


@register.filter
def explained(benefit: dict) -> dict:
    """A dry-run example's benefit as benefits/includes/explanation_steps.html reads it (label, steps
    with their text, amount and legal basis), in the page's language. A dry run stored before the legal
    bases were kept has French labels and no basis: its steps read without one."""
    language = "en" if get_language() == "en" else "fr"
    steps = [
        step
        | {
            "label": step["label"]
            if isinstance(step["label"], dict)
            else {"fr": step["label"], "en": step["label"]}
        }
        for step in benefit.get("steps", [])
    ]
    return {"label": benefit_label(benefit["benefit"]), "steps": step_lines(steps, language)}
