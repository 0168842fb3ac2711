"""The letters' context column: JSON kept as written (`json` on PostgreSQL), not parsed into `jsonb`.

Nothing queries inside a letter's context (no `context__…` lookup, no index, no comparison): it is
written once (a campaign chunk writes hundreds at a time), completed once and read whole when the
letter is shown or rendered. PostgreSQL's `jsonb` parses every context into its binary tree on insert
(a third of the server's CPU for a chunk's letters, docs/campaigns.md "Session 7: letters"); `json`
only checks that the text is JSON and stores it. Elsewhere (SQLite) the column is Django's JSONField's.
"""

from django.db import models
from psycopg.types.json import Json


class JSONTextField(models.JSONField):
    def db_type(self, connection):
        if connection.vendor == "postgresql":
            return "json"
        return super().db_type(connection)

    def get_db_prep_value(self, value, connection, prepared=False):
        if connection.vendor != "postgresql":
            return super().get_db_prep_value(value, connection, prepared)
        if not prepared:
            value = self.get_prep_value(value)
        # Sent typed `json`, not `jsonb` (Django's adaptation), so the server does not build a jsonb
        # value only to cast it back to text.
        return Json(value, dumps=self.encoder().encode if self.encoder else None)

    def from_db_value(self, value, expression, connection):
        # psycopg decodes a `json` column itself (Django only asks it for `jsonb` as text).
        if value is not None and not isinstance(value, str):
            return value
        return super().from_db_value(value, expression, connection)
