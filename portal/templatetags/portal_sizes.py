"""`{{ letter.size|file_size }}`: Django's filesizeformat in the units French readers know.

Django's French catalogue prints binary units ("46,7 Kio", "1,2 Mio"); French interfaces, and the
people reading them, say "Ko" and "Mo" (CONTRIBUTING.md, "French typography"). The number and its unit
stay joined by filesizeformat's no-break space."""

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language

register = template.Library()
FRENCH_UNITS = (("Kio", "Ko"), ("Mio", "Mo"), ("Gio", "Go"), ("Tio", "To"), ("Pio", "Po"))


@register.filter
def file_size(value) -> str:
    text = str(filesizeformat(value))
    if (get_language() or "fr").startswith("fr"):
        for binary, french in FRENCH_UNITS:
            text = text.replace(binary, french)
    return text
