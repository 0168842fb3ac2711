"""Postal codes ↔ communes (open data shipped in data/postal_codes.csv: source and date in its header).

A postal code is not an INSEE code (69003 is Lyon 3e for La Poste, Albigny-sur-Saône for the INSEE),
and one postal code can cover several communes. The municipal arrondissements of Paris, Lyon and
Marseille have their own INSEE codes; the housing-aid zoning knows the commune, so they are folded
into it (75101–75120 → 75056, 69381–69389 → 69123, 13201–13216 → 13055).
"""

import csv
import re
from functools import cache
from pathlib import Path

from benefits.rules.communes import _fold

DATA = Path(__file__).resolve().parent / "data" / "postal_codes.csv"
POSTAL_CODE = re.compile(r"[0-9]{5}")
CITIES = {"paris": ("75056", "751", 20), "lyon": ("69123", "6938", 9), "marseille": ("13055", "132", 16)}
ARRONDISSEMENT = re.compile(
    r"^(?P<city>paris|lyon|marseille)\s*(?P<number>[0-9]{1,2})\s*(e|er|eme|ere|me)?(\s+arrondissement)?$"
)


@cache
def _by_postal_code() -> dict[str, list[tuple[str, str]]]:
    table: dict[str, list[tuple[str, str]]] = {}
    with DATA.open(encoding="utf-8") as rows:
        for row in csv.DictReader(line for line in rows if not line.startswith("#")):
            table.setdefault(row["code_postal"], []).append((row["code_insee"], row["nom_commune"]))
    return table


@cache
def communes_by_insee() -> dict[str, list[tuple[str, str]]]:
    """{INSEE code: [(postal code, name)]}: the same data read from the commune's side."""
    table: dict[str, list[tuple[str, str]]] = {}
    for postal_code, rows in _by_postal_code().items():
        for insee, name in rows:
            table.setdefault(insee, []).append((postal_code, name))
    return table


def commune_of(insee: str) -> str:
    """The commune of a municipal arrondissement (its zone is the commune's); any other code as it is."""
    for commune, prefix, count in CITIES.values():
        if insee.startswith(prefix) and len(insee) == 5 and 1 <= int(insee[len(prefix) :]) <= count:
            return commune
    return insee


def arrondissement_number(insee: str) -> int | None:
    """69383 → 3: the number of a municipal arrondissement of Paris, Lyon or Marseille; None otherwise."""
    for _commune, prefix, count in CITIES.values():
        if insee.startswith(prefix) and len(insee) == 5 and 1 <= int(insee[len(prefix) :]) <= count:
            return int(insee[len(prefix) :])
    return None


def communes_for_postal_code(code: str) -> list[tuple[str, str]]:
    """[(INSEE code, name)] of the communes (or arrondissements) a postal code covers; [] if unknown."""
    return list(_by_postal_code().get(code.strip(), []))


def arrondissement(text: str) -> tuple[str, str] | None:
    """ "Lyon 3e", "Paris 15ème", "marseille 1er arrondissement" → (the arrondissement's INSEE code, name)."""
    match = ARRONDISSEMENT.match(_fold(text).strip())
    if not match:
        return None
    _commune, prefix, count = CITIES[match["city"]]
    number = int(match["number"])
    if not 1 <= number <= count:
        return None
    insee = f"{prefix}{number:0{5 - len(prefix)}d}"
    names = {name for codes in _by_postal_code().values() for code, name in codes if code == insee}
    return insee, min(names) if names else text
