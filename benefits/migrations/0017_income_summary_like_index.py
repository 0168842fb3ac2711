"""The summaries' primary key without its LIKE-pattern twin (PostgreSQL), which Django adds to a text
key at the end of the migration that creates it (hence a migration of its own): nothing looks a NIR
up by prefix, and every import would keep it up to date."""

from django.db import migrations


def like_index_drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
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
        migrations.RunPython(like_index_drop, migrations.RunPython.noop),
    ]
