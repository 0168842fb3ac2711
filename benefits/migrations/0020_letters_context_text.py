"""The letters' context stored as `text` on PostgreSQL, where it was `json` (benefits/letters/fields.py;
docs/campaigns-speed-log.md, "Session 9: PostgreSQL's side"): the same text, kept as written, without the
server's parse of every context to check it (≈ 3 ms of its CPU for a recalculation chunk's 513
letters). `json` to `text` keeps each value's text; the reverse parses them again. Elsewhere (SQLite)
the column does not change."""

from django.db import migrations


def context_text(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("ALTER TABLE benefits_letter ALTER COLUMN context TYPE text")


def context_json(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("ALTER TABLE benefits_letter ALTER COLUMN context TYPE json USING context::json")


class Migration(migrations.Migration):
    dependencies = [
        ("benefits", "0019_campaign_kind_typography"),
    ]

    operations = [
        migrations.RunPython(context_text, context_json),
    ]
