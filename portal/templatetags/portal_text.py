"""Filters on the portal's texts.

`{{ letter.reference|unbroken }}`: a reference read as one word ("2026-12-000123", "7K3M-Q9"). A browser
or WeasyPrint may break a line after any hyphen, and "2026-12-" at a line's end, "000123" on the next,
is not what a reader copies or reads out on the phone: it is kept on one line (portal.css, letter.css).

`{{ benefit.reason|after_colon }}`: a whole sentence of the calculation core read after a colon or a dash.

The core writes its reasons as sentences ("Vos ressources dépassent…"), read alone elsewhere (letters'
steps, the API). After "Pourquoi :" or "Pas de droit estimé —", French typography wants a lower-case
first letter: "Pourquoi : vos ressources…". Only a capital followed by a lower-case letter ("Vos") or
standing alone before a space or an apostrophe ("À partir", "L’ASPA") is lowered: an acronym ("RSA",
"CAF", "AAH") keeps its capitals. English keeps the sentence as it is ("Why: Your…", and "I" stays "I").
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()
ALONE_BEFORE = (" ", "\u00a0", "’", "'")


def lower_first(text: str) -> str:
    if len(text) < 2 or not text[0].isupper():
        return text
    if text[1].islower() or text[1] in ALONE_BEFORE:
        return text[0].lower() + text[1:]
    return text


@register.filter(is_safe=True)
def after_colon(value):
    if not isinstance(value, str) or not (get_language() or "fr").startswith("fr"):
        return value
    return lower_first(value)


@register.filter
def unbroken(value):
    return format_html('<span class="portal-unbroken">{}</span>', value) if value else value
