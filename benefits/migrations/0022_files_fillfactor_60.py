"""The allocataire files' pages filled to 60 % on PostgreSQL (70 % since 0011): a recalculation updates
the rights of about half of a chunk's files in one transaction, and at 70 % 29 % of those new versions
found no room on their page (an update out of the page writes an entry in each of the table's six
indexes). Measured (docs/campaigns.md, session 11: bench/pg_statements.py, 20 000 files, alternated):
HOT updates 71 % → 96 %, the server's CPU for the rights' UPDATE 6.1–6.9 → 4.3 ms a chunk; 50 % made
them all HOT (3.7 ms) for a table 1.47 times as large, 60 % takes 1.18 times the room of 70 %. The
fill factor applies to the pages written from now on; an existing table reaches it when rewritten
(VACUUM FULL benefits_allocatairefile, out of hours)."""

from django.db import migrations

FILES_FILLFACTOR = 60
BEFORE = 70  # migration 0011's


def files_fillfactor(value):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"ALTER TABLE benefits_allocatairefile SET (fillfactor = {value})")

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("benefits", "0021_auu_epicene_perpetrators"),
    ]

    operations = [
        migrations.RunPython(files_fillfactor(FILES_FILLFACTOR), files_fillfactor(BEFORE)),
    ]
