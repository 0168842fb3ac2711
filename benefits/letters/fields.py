"""The letters' context column: JSON kept as written (`text` on PostgreSQL), neither parsed nor checked.

Nothing queries inside a letter's context (no `context__…` lookup, no index, no comparison): it is
written once (a campaign chunk writes hundreds at a time), completed once and read whole when the
letter is shown or rendered. PostgreSQL's `jsonb` parses every context into its binary tree on insert
(a third of the server's CPU for a chunk's letters, docs/campaigns-speed-log.md "Session 7: letters"); `json`
(session 7 to 8) still ran its parser over every context to check it, ≈ 3 ms of the server's CPU for a
chunk's 513 letters of 1.2 KB (docs/campaigns-speed-log.md, "Session 9: PostgreSQL's side"). Every context is
written by a JSON encoder (this field's, or a chunk's own: benefits/campaigns/letter_freeze.Freezer,
whose texts the tests decode), so the check found nothing; a text that were not JSON would fail where
it is read (json.loads), as it would in SQLite, where the column is Django's JSONField's.
"""

import json

from django.db import models


class JSONTextField(models.JSONField):
    def db_type(self, connection):
        if connection.vendor == "postgresql":
            return "text"
        return super().db_type(connection)

    def get_db_prep_value(self, value, connection, prepared=False):
        if connection.vendor != "postgresql":
            return super().get_db_prep_value(value, connection, prepared)
        if not prepared:
            value = self.get_prep_value(value)
        # The JSON text itself, as psycopg's Json adapter wrote it for the `json` column.
        return self.encoder().encode(value) if self.encoder else json.dumps(value)

    def from_db_value(self, value, expression, connection):
        # The text column comes as a str (a `json` column, before migration 0020, as psycopg's dict).
        if value is not None and not isinstance(value, str):
            return value
        return super().from_db_value(value, expression, connection)
