"""The commune of the home: found from a name, an INSEE code or a picked suggestion, without any outside API.

Suggestions are written "Saint-Denis (93066)" so that a name shared by several communes stays
unambiguous; a name typed by hand is accepted when it designates one commune only.
"""

import re

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from benefits.rules import housing_zone_for_commune
from benefits.rules.communes import commune_name, search_communes

SUGGESTIONS = 12
MAIN_CITIES = ("75056", "13055", "69123", "31555", "06088", "44109", "67482", "34172", "33063", "59350")
LABELLED_CODE = re.compile(r"\((?P<code>[0-9][0-9AB][0-9]{3})\)\s*$", re.IGNORECASE)


def commune_label(code: str, name: str) -> str:
    return f"{name} ({code})"


def resolve_commune(text: str) -> tuple[str, str]:
    """A commune typed or picked → (INSEE code, "") or ("", the reason in words)."""
    labelled = LABELLED_CODE.search(text)
    code = (labelled.group("code") if labelled else text).strip().upper()
    if housing_zone_for_commune(code) is not None:
        return code, ""
    matches = search_communes(text, limit=20)
    exact = [m for m in matches if m[1].casefold() == text.casefold()]
    if len(exact) == 1 or (not exact and len(matches) == 1):
        return (exact or matches)[0][0], ""
    if len(exact) > 1:
        return "", str(
            format_lazy(
                _(
                    "Plusieurs communes s’appellent {name} : choisissez-la dans la liste ou indiquez son code INSEE."
                ),
                name=text,
            )
        )
    return "", str(
        _("Commune introuvable : vérifiez l’orthographe, indiquez le code INSEE ou choisissez la zone.")
    )


def commune_suggestions(typed: str = "") -> list[str]:
    """Suggestions for the commune field: the main cities, or the communes matching what was typed."""
    if typed and len(typed.strip()) >= 2 and not LABELLED_CODE.search(typed):
        rows = [(code, name) for code, name, _zone in search_communes(typed.strip(), limit=SUGGESTIONS)]
    else:
        rows = [(code, commune_name(code)) for code in MAIN_CITIES]
    return [commune_label(code, name) for code, name in rows]
