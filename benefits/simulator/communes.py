"""The commune of the home: found from a name, an INSEE code or a picked suggestion, without any outside API.

Suggestions are written "Saint-Denis (93066)" so that a name shared by several communes stays
unambiguous; a name typed by hand is accepted when it designates one commune only.
"""

import re

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from benefits.rules import housing_zone_for_commune
from benefits.rules.communes import _fold, commune_name, search_communes
from benefits.simulator import postal_codes

SUGGESTIONS = 12
MAIN_CITIES = ("75056", "13055", "69123", "31555", "06088", "44109", "67482", "34172", "33063", "59350")
LABELLED_CODE = re.compile(r"\((?P<code>[0-9][0-9AB][0-9]{3})\)\s*$", re.IGNORECASE)


def commune_label(code: str, name: str) -> str:
    return f"{name} ({code})"


def resolve_commune(text: str) -> tuple[str, str]:
    """A commune typed or picked → (INSEE code of the commune, "") or ("", the reason in words).

    Read in this order: a picked suggestion "Name (code)"; a postal code (69003 is Lyon 3e, never the
    INSEE code of Albigny-sur-Saône); an arrondissement ("Lyon 3e", "Paris 15e"); a name, compared
    without accents, case or hyphens ("Saint-Etienne"); an INSEE code typed alone.
    """
    text = text.strip()
    labelled = LABELLED_CODE.search(text)
    if labelled:
        code = postal_codes.commune_of(labelled.group("code").upper())
        if housing_zone_for_commune(code) is not None:
            return code, ""
    if postal_codes.POSTAL_CODE.fullmatch(text):
        found = {postal_codes.commune_of(code) for code, _name in postal_codes.communes_for_postal_code(text)}
        known = [code for code in found if housing_zone_for_commune(code) is not None]
        if len(known) == 1:
            return known[0], ""
        if len(known) > 1:
            return "", str(
                format_lazy(
                    _("Le code postal {code} couvre plusieurs communes : choisissez la vôtre dans la liste."),
                    code=text,
                )
            )
    district = postal_codes.arrondissement(text)
    if district:
        return postal_codes.commune_of(district[0]), ""
    matches = search_communes(text, limit=20)
    exact = [m for m in matches if _fold(m[1]) == _fold(text)]
    if len(exact) == 1 or (not exact and len(matches) == 1):
        return (exact or matches)[0][0], ""
    if len(exact) > 1:
        return "", str(
            format_lazy(
                _(
                    "Plusieurs communes s’appellent {name} : choisissez-la dans la liste ou indiquez son code postal."
                ),
                name=text,
            )
        )
    if housing_zone_for_commune(text.upper()) is not None:
        return text.upper(), ""
    return "", str(
        _("Commune introuvable : vérifiez l’orthographe, indiquez le code postal ou choisissez la zone.")
    )


def commune_choices(text: str) -> list[str]:
    """The communes to choose from when a postal code or a name designates several ("Name (code)")."""
    text = (text or "").strip()
    if postal_codes.POSTAL_CODE.fullmatch(text):
        rows = postal_codes.communes_for_postal_code(text)
        return [
            commune_label(code, name)
            for code, name in rows
            if housing_zone_for_commune(postal_codes.commune_of(code))
        ]
    if len(text) >= 2 and not LABELLED_CODE.search(text):
        exact = [
            (code, name)
            for code, name, _zone in search_communes(text, limit=20)
            if _fold(name) == _fold(text)
        ]
        if len(exact) > 1:
            return [commune_label(code, name) for code, name in exact]
    return []


def commune_suggestions(typed: str = "") -> list[str]:
    """Suggestions for the commune field: the main cities, or the communes matching what was typed."""
    if typed and postal_codes.POSTAL_CODE.fullmatch(typed.strip()):
        rows = postal_codes.communes_for_postal_code(typed.strip())[:SUGGESTIONS]
    elif typed and len(typed.strip()) >= 2 and not LABELLED_CODE.search(typed):
        rows = [(code, name) for code, name, _zone in search_communes(typed.strip(), limit=SUGGESTIONS)]
    else:
        rows = [(code, commune_name(code)) for code in MAIN_CITIES]
    return [commune_label(code, name) for code, name in rows]


def arrondissement_typed(typed: str) -> str | None:
    """The INSEE code of the arrondissement a person named ("Lyon 3e", 69003, a picked "Lyon 3e
    Arrondissement (69383)"), or None when what they typed names no arrondissement."""
    typed = (typed or "").strip()
    labelled = LABELLED_CODE.search(typed)
    if labelled:
        code = labelled.group("code").upper()
    elif postal_codes.POSTAL_CODE.fullmatch(typed):
        rows = postal_codes.communes_for_postal_code(typed)
        code = rows[0][0] if len(rows) == 1 else None
    else:
        district = postal_codes.arrondissement(typed)
        code = district[0] if district else None
    return code if code and postal_codes.arrondissement_number(code) else None


def commune_retained(code: str, typed: str = "") -> str:
    """The commune the estimate uses, said with the arrondissement the person named: "Lyon (3e
    arrondissement)", not a bare "Lyon" after "Lyon 3e". The housing-aid zone is the commune's
    (arrêté du 17 mars 1978: the zoning lists communes), so the arrondissement changes no amount."""
    name = commune_display_name(code)
    district = arrondissement_typed(typed)
    if not district or postal_codes.commune_of(district) != code:
        return name
    number = postal_codes.arrondissement_number(district)
    if number == 1:
        return str(format_lazy(_("{commune} (1er arrondissement)"), commune=name))
    return str(format_lazy(_("{commune} ({number}e arrondissement)"), commune=name, number=number))


def commune_display_name(code: str) -> str:
    """The name a person knows a commune by: the zoning table's, else the postal data's, else its code."""
    name = commune_name(code)
    if name:
        return name
    names = sorted({n for c, n in postal_codes.communes_by_insee().get(code, [])})
    return names[0] if names else code
