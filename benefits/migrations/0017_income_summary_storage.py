"""The summaries' storage on PostgreSQL (docs/campaigns-speed-log.md, "Session 8"):

- fillfactor 50: every monthly import rewrites the summary of each person it brings a month for; with
  room left in each page the new version stays in its page (a HOT update: no new index entry, the old
  version pruned in place), where at 100 % every version went elsewhere and the table and its key grew
  with each import (19 imports of campaign_demo: 22 005 rows in 117 MB, 440 000 dead versions, a
  chunk's read 7.6 ms of the server's CPU instead of 2 ms);
- no LIKE-pattern twin of the primary key, which Django adds to a text key at the end of the migration
  that creates it (hence a migration of its own): nothing looks a NIR up by prefix, and every import
  would keep it up to date."""

from django.db import migrations

SUMMARIES_FILLFACTOR = 50


def storage_set(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE benefits_incomesummary SET (fillfactor = {SUMMARIES_FILLFACTOR})")
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'benefits_incomesummary'"
            " AND indexname LIKE %s",
            ["%\\_like"],
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("benefits", "0016_income_summary"),
    ]

    operations = [
        migrations.RunPython(storage_set, migrations.RunPython.noop),
    ]
