"""The allocataire files as a campaign reads them: one query of tuples, the large JSON decoded only if read.

A kind decides most files from their rights alone (a recalculation computes only the current
recipients, a non-recours campaign only the others): the members and housing of a file it does not
compute are never decoded. They are read as text — the JSON columns as they come: Django has psycopg
load jsonb as text (its JSONField decodes), and SQLite stores JSON as text; no cast to build and
compile — and decoded on first reading (`FileRow.__missing__`); the département of every file's
result is read by the database from the housing (`housing->>'commune_insee'`).

The query is Django's (compiled from the queryset) but run on a plain cursor: Django's per-row
conversions (the rights' JSON, the casts) cost a chunk of 1 000 files about as much as the query
itself, and every column here is text the code below decodes once.
"""

import json

from django.db import connections
from django.db.models import Case, F, JSONField, Q, When
from django.db.models.fields.json import KeyTextTransform

LAZY = ("members", "housing")

# The C scanner behind json.loads, without its Python wrapper (a third of the cost of decoding a
# file's small JSON): used on the database's own JSON text, with json.loads as the judge otherwise.
_scan = json.JSONDecoder().scan_once


def json_text(text: str):
    """json.loads(text), faster on text that starts with its value and has nothing after it."""
    try:
        value, end = _scan(text, 0)
    except StopIteration:
        return json.loads(text)  # leading white space, or not JSON: json.loads says which
    return value if end == len(text) else json.loads(text)


def json_texts(texts: list[str]) -> list:
    """[json_text(text) for text in texts], in one scan of their JSON array: the scanner shares the
    keys of every object it decodes in one call (its memo), so a chunk's thousands of members,
    rights and months get one string per key name instead of one per object, and one call instead of
    one per text. Anything that is not one JSON value per text goes the one-by-one way."""
    if not texts:
        return []
    try:
        values, end = _scan("[" + ",".join(texts) + "]", 0)
    except (StopIteration, ValueError, TypeError):  # json_text says which text, and why
        values, end = None, -1
    if values is None or end != sum(map(len, texts)) + len(texts) + 1 or len(values) != len(texts):
        return [json_text(text) for text in texts]
    return values


class FileRow(dict):
    """A file's row {pk, number, rights, given_names, family_name, commune, members, housing}; "members"
    and "housing" are decoded from their JSON text the first time they are read."""

    def __missing__(self, key):
        if key not in LAZY:
            raise KeyError(key)
        value = self[key] = json_text(self["_" + key])
        return value


def files_decode(rows: list[FileRow]) -> None:
    """Decodes the members and housing of `rows` (the files a kind computes) in one scan
    (json_texts), where reading them one by one decoded each text in its own call."""
    todo = [row for row in rows if "members" not in row and "housing" not in row]
    texts = []
    for row in todo:
        texts.append(row["_members"])
        texts.append(row["_housing"])
    values = json_texts(texts)
    for position, row in enumerate(todo):
        row["members"], row["housing"] = values[2 * position], values[2 * position + 1]


def files_read(queryset, holders_only: bool = False) -> list[FileRow]:
    """The files of `queryset` in primary-key order. With `holders_only` (a kind that computes only
    files holding a right: kinds.needs_core), the members and housing of a file without any right
    are not sent (None): turning the two jsonb columns into text was two thirds of the server's CPU
    for the read, and ≈ 40 % of the files hold nothing (measured alone, 1 000 files: 5.2 → 4.3 ms,
    docs/campaigns-speed-log.md "Session 9: PostgreSQL's side")."""
    members, housing = "members", "housing"
    if holders_only:
        held = ~Q(rights=[])
        members = Case(When(held, then=F("members")), default=None, output_field=JSONField())
        housing = Case(When(held, then=F("housing")), default=None, output_field=JSONField())
    query = queryset.order_by("pk").values_list(
        "pk",
        "number",
        "rights",
        "given_names",
        "family_name",
        KeyTextTransform("commune_insee", "housing"),
        members,
        housing,
    )
    sql, params = query.query.sql_with_params()
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    # Keywords rather than zip(column names, row): the row dict built in one call, no pair per column.
    out, held = [], []
    for pk, number, rights, given_names, family_name, commune, members, housing in rows:
        row = FileRow(
            pk=pk,
            number=number,
            # the rights are read for every file (kinds.needs_core), decoded below in one scan; the
            # rest only if computed
            rights=[] if rights == "[]" else rights,
            given_names=given_names,
            family_name=family_name,
            commune=commune,
            _members=members,
            _housing=housing,
        )
        out.append(row)
        if rights is not None and rights != "[]":
            held.append(row)
    for row, rights in zip(held, json_texts([row["rights"] for row in held]), strict=True):
        row["rights"] = rights
    return out
