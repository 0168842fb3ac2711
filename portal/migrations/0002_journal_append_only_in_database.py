"""On PostgreSQL the database itself refuses to update or delete a journal entry, whatever the code path
(raw SQL, a bulk operation, a shell). SQLite (development) relies on the model's checks alone."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION portal_journal_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'journal entries are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER portal_journalentry_append_only
    BEFORE UPDATE OR DELETE ON portal_journalentry
    FOR EACH ROW EXECUTE FUNCTION portal_journal_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS portal_journalentry_append_only ON portal_journalentry;
DROP FUNCTION IF EXISTS portal_journal_append_only();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
