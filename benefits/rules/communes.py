"""Housing-aid zones (1, 2, 3) of French communes, by INSEE code, with their names.

Data: benefits/rules/data/communes.json, the zoning table of the housing-aid rent ceilings (arrêté du
17 mars 1978 as amended; table of 2011-09-14, the one OpenFisca-France uses; zone "1bis" counts as 1).
"""

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "communes.json"


@cache
def _table() -> dict[str, tuple[str, int]]:
    rows = json.loads(DATA.read_text(encoding="utf-8"))["communes"]
    return {code: (name, zone) for code, name, zone in rows}


def housing_zone_for_commune(insee: str) -> int | None:
    entry = _table().get(insee)
    return entry[1] if entry else None


def commune_name(insee: str) -> str | None:
    entry = _table().get(insee)
    return entry[0] if entry and entry[0] else None


def search_communes(query: str, limit: int = 10) -> list[tuple[str, str, int]]:
    """Communes whose name starts with (then contains) `query`, case- and accent-insensitive."""
    wanted = _fold(query)
    if len(wanted) < 2:
        return []
    starts, contains = [], []
    for code, (name, zone) in _table().items():
        folded = _fold(name)
        if folded.startswith(wanted):
            starts.append((code, name, zone))
        elif wanted in folded:
            contains.append((code, name, zone))
    return (
        sorted(starts, key=lambda row: row[1])[:limit]
        + sorted(contains, key=lambda row: row[1])[: max(0, limit - len(starts))]
    )


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("-", " ").replace("'", " ")
