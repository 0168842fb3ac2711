"""The allocataire files as a campaign reads them: one query of tuples, the large JSON decoded only if read.

A kind decides most files from their rights alone (a recalculation computes only the current
recipients, a non-recours campaign only the others): the members and housing of a file it does not
compute are never decoded. They are read as text (`::text` of the jsonb, which PostgreSQL sends as
text anyway) and decoded on first reading (`FileRow.__missing__`); the département of every file's
result is read by the database from the housing (`housing->>'commune_insee'`).
"""

import json

from django.db.models import TextField
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

LAZY = ("members", "housing")
COLUMNS = ("pk", "number", "rights", "given_names", "family_name", "commune", "_members", "_housing")


class FileRow(dict):
    """A file's row {pk, number, rights, given_names, family_name, commune, members, housing}; "members"
    and "housing" are decoded from their JSON text the first time they are read."""

    def __missing__(self, key):
        if key not in LAZY:
            raise KeyError(key)
        value = self[key] = json.loads(self["_" + key])
        return value


def files_read(queryset) -> list[FileRow]:
    """The files of `queryset` in primary-key order."""
    rows = queryset.order_by("pk").values_list(
        "pk",
        "number",
        "rights",
        "given_names",
        "family_name",
        KeyTextTransform("commune_insee", "housing"),
        Cast("members", TextField()),
        Cast("housing", TextField()),
    )
    return [FileRow(zip(COLUMNS, row, strict=True)) for row in rows]
