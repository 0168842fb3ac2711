"""The housing of the household format: status, rent, zone or commune (CCH zoning table), and the
refusal of the overseas communes whose rules are not implemented.
"""

from benefits.rules.communes import housing_zone_for_commune
from benefits.rules.household import HOUSING_STATUSES, TENANT_STATUSES, Housing
from benefits.rules.input_values import (
    COMMUNE_RE,
    OVERSEAS_EN,
    OVERSEAS_FR,
    OVERSEAS_PREFIX,
    parse_amount,
    shown,
)

HOUSING_KEYS = {"status", "rent", "commune_insee", "zone"}


def parse_housing(errors, raw):
    if raw is None:
        # The oracle's convention: no housing described = housed free of charge.
        return Housing(status="hosted_free")
    if not isinstance(raw, dict):
        errors.add("housing", "Le logement doit être un objet JSON.", "Housing must be a JSON object.")
        return Housing(status="hosted_free")
    for key in sorted(map(str, set(raw) - HOUSING_KEYS)):
        errors.add(
            f"housing.{shown(key)}", f"Champ inconnu « {shown(key)} ».", f"Unknown field '{shown(key)}'."
        )
    status = raw.get("status")
    if status not in HOUSING_STATUSES:
        errors.add(
            "housing.status",
            f"Situation de logement inconnue « {shown(status)} ».",
            f"Unknown housing status '{shown(status)}'.",
        )
        status = "hosted_free"
    rent = 0.0
    if "rent" in raw:
        parsed = parse_amount(errors, "housing.rent", raw["rent"])
        rent = parsed or 0.0
    elif status in TENANT_STATUSES:
        errors.add(
            "housing.rent", "Le loyer est obligatoire pour un locataire.", "A tenant's rent is required."
        )
    zone = raw.get("zone")
    # An integer only: 2.0 or true are not zones (true == 1 and 2.0 == 2 in Python).
    if zone is not None and (type(zone) is not int or zone not in (1, 2, 3)):
        errors.add("housing.zone", "La zone doit être 1, 2 ou 3.", "The zone must be 1, 2 or 3.")
        zone = None
    commune = raw.get("commune_insee")
    if commune is not None:
        if not isinstance(commune, str) or not COMMUNE_RE.match(commune):
            errors.add(
                "housing.commune_insee",
                "Le code commune INSEE a 5 caractères (ex. 75056).",
                "The INSEE code has 5 characters.",
            )
            commune = None
        elif commune.startswith(OVERSEAS_PREFIX):
            # The overseas rules (AF from the first child, other housing-aid scales, CSS L755-1 s.)
            # are not implemented: refuse rather than compute a mainland amount.
            errors.add(
                "housing.commune_insee",
                f"Commune {commune} : {OVERSEAS_FR}.",
                f"Commune {commune}: {OVERSEAS_EN}.",
            )
            commune = None
        elif zone is None and housing_zone_for_commune(commune) is None:
            errors.add(
                "housing.commune_insee",
                f"Commune {commune} inconnue : indiquez la zone (1, 2 ou 3).",
                f"Unknown commune {commune}: give the zone (1, 2 or 3).",
            )
            commune = None
    if (
        status in TENANT_STATUSES
        and zone is None
        and commune is None
        and "zone" not in raw
        and "commune_insee" not in raw
    ):
        errors.add(
            "housing.zone",
            "Pour un locataire, il faut la commune ou la zone du logement.",
            "A tenant needs the commune or the zone of the home.",
        )
    if zone is None and commune is not None:
        zone = housing_zone_for_commune(commune)
    if status not in TENANT_STATUSES and status != "owner_with_loan":
        rent = 0.0
    return Housing(status=status, rent=rent, zone=zone, commune_insee=commune)
