"""The summaries' key compared as bytes on PostgreSQL (COLLATE "C"; docs/campaigns.md, "Session 9:
PostgreSQL's side").

A chunk reads its ≈ 700 adults' summaries by `nir = ANY(…)`: the key's B-tree sorts the list and
descends once per NIR, ≈ 20 000 comparisons of text. Under the database's collation (`C.UTF-8` on the
project machines, not recognised as "C" by PostgreSQL 15) each is a strcoll() on NUL-terminated
copies; under "C" a memcmp. Measured over a whole campaign (20 chunks, the same run, alternated): the
summaries' read 4.8 → 3.7 ms of the server's CPU per chunk. A NIR is ASCII digits (and 2A/2B): its
order is the same under both, so no result, merge or ON CONFLICT changes; compared with a column of
the default collation (the import's stage, the lines), "C" is the one used. The key's index is rebuilt
(no table rewrite). SQLite compares bytes already: nothing to do there."""

from django.db import migrations


def nir_bytes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute('ALTER TABLE benefits_incomesummary ALTER COLUMN nir TYPE varchar(15) COLLATE "C"')


def nir_default(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute('ALTER TABLE benefits_incomesummary ALTER COLUMN nir TYPE varchar(15) COLLATE "default"')


class Migration(migrations.Migration):
    dependencies = [
        ("benefits", "0019_campaign_kind_typography"),
    ]

    operations = [
        migrations.RunPython(nir_bytes, nir_default),
    ]
