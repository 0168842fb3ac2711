"""TRUNCATE empties a table without firing row triggers: a statement-level trigger refuses it too.

Only the test suite's flush may empty the journal between tests: it runs as a superuser session and
sets `portal.allow_truncate` for its own transaction (tests/database_roles.py). A least-privilege
application role has no TRUNCATE privilege at all (`manage.py db_roles`).
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION portal_journal_no_truncate() RETURNS trigger AS $$
BEGIN
    IF current_setting('portal.allow_truncate', true) = 'on'
       AND (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'journal entries are append-only: TRUNCATE refused';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER portal_journalentry_no_truncate
    BEFORE TRUNCATE ON portal_journalentry
    FOR EACH STATEMENT EXECUTE FUNCTION portal_journal_no_truncate();
"""
DROP = """
DROP TRIGGER IF EXISTS portal_journalentry_no_truncate ON portal_journalentry;
DROP FUNCTION IF EXISTS portal_journal_no_truncate();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_journal_append_only_in_database")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
