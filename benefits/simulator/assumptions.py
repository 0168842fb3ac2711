"""The assumptions of a result as the pages show them: the core's sentences, except the one that
names the home's commune by its INSEE code ("d’après la commune 69123"), which is written with the
commune's name and what its housing-aid zone means ("Lyon est en zone 2…").

The core's words stay the core's (benefits/rules/assumptions.py, also used by the API and the CLI):
the page only recognises that sentence by the commune's code it contains.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from benefits.rules import housing_zone_for_commune
from benefits.simulator.communes import commune_display_name

# The housing-aid zones as a person reads them (arrêté du 17 mars 1978, art. 2; zone 1bis counts as 1).
ZONE_MEANING = {
    1: _("Paris et sa proche banlieue"),
    2: _("grandes villes et leur agglomération"),
    3: _("reste du territoire"),
}


def commune_sentence(code: str, zone: int) -> str:
    return str(
        format_lazy(
            _(
                "Votre commune, {commune}, est en zone {zone} des aides au logement ({meaning}) : "
                "les loyers plafonds de cette zone sont appliqués."
            ),
            commune=commune_display_name(code),
            zone=zone,
            meaning=ZONE_MEANING.get(zone, ""),
        )
    )


def assumption_lines(result: dict, household: dict, language: str) -> list[str]:
    """The result's assumptions in the page's language, the commune's one in words."""
    housing = household.get("housing") or {}
    code = housing.get("commune_insee") or ""
    zone = housing.get("zone") or housing_zone_for_commune(code)
    lines = []
    for assumption in result["assumptions"]:
        if code and zone and code in assumption["fr"]:
            lines.append(commune_sentence(code, int(zone)))
        else:
            lines.append(assumption[language])
    return lines
