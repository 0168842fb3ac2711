"""Bulk writes on PostgreSQL: the campaign chunks' results, letters and rights, the income feed.

Django's bulk_create binds every value client-side: psycopg quotes each one into the statement's text,
regular expressions over large JSON contexts (about 1 s for a chunk's thousand results and letters).
COPY sends the rows as a stream instead. Insert-or-skip (a chunk's results and letters: a chunk
delivered twice writes nothing the second time) copies the rows straight into the target table inside
a savepoint: nearly always none is there yet, and one COPY is the cheapest insert PostgreSQL has (no
temporary table to create, ≈ 2 ms of the server's CPU each, no second pass over the rows). When one
of them is there already (a unique violation), the savepoint is rolled back and the rows are copied
into a temporary stage shaped like the target's columns instead, then merged by one
INSERT … SELECT … ON CONFLICT (…) DO NOTHING: the same rows end up written either way. The income
feed (benefits/campaigns/feed_store.py) merges its stage with its own INSERT … ON CONFLICT DO UPDATE.
The stages are dropped at commit: call inside a transaction. The recalculated rights go the other way
(json_update): one UPDATE … FROM jsonb_each of a single JSON parameter, no stage at all.
PostgreSQL only; the callers keep bulk_create for SQLite (`make run`).
"""

import json

import psycopg
from django.db import connection, transaction
from psycopg.errors import UniqueViolation


def copy_to_stage(cursor, table: str, stage: str, listed: str, rows) -> None:
    """Streams `rows` into a temporary table shaped like `listed` columns of `table`, emptied first
    (dropped at commit)."""
    cursor.execute(
        f"CREATE TEMPORARY TABLE IF NOT EXISTS {stage} ON COMMIT DROP AS SELECT {listed} FROM {table} WITH NO DATA"
    )
    cursor.execute(f"TRUNCATE {stage}")
    copy_rows(cursor, f"COPY {stage} ({listed}) FROM STDIN", rows)


def copy_insert_or_skip(
    model, columns: list[str], rows: list | str, conflict: list[str], returning: str = ""
) -> list:
    """Inserts `rows` (a list of tuples of database values for `columns`: JSON as json.dumps text, which
    the server parses, no Django instance or client-side quoting; or the rows already written as COPY's
    text, `copy_text`), skipping those that conflict on the `conflict` columns; returns the `returning`
    column (one of `columns`, tuples only) of the rows inserted, as 1-tuples, or [] without it."""
    if not rows:
        return []
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("copy_insert_or_skip runs inside a transaction (its stage is dropped at commit)")
    table = model._meta.db_table
    listed = ", ".join(columns)
    try:
        with transaction.atomic(), connection.cursor() as cursor:  # a savepoint: undone on a conflict
            copy_rows(cursor, f"COPY {table} ({listed}) FROM STDIN", rows)
    except UniqueViolation:
        pass  # some rows are there already: merged below, skipping those
    else:
        if not returning:
            return []
        position = columns.index(returning)
        return [(row[position],) for row in rows]
    stage = f"{table}_stage"
    with connection.cursor() as cursor:
        copy_to_stage(cursor, table, stage, listed, rows)
        cursor.execute(
            f"INSERT INTO {table} ({listed}) SELECT {listed} FROM {stage} "
            f"ON CONFLICT ({', '.join(conflict)}) DO NOTHING"
            + (f" RETURNING {returning}" if returning else "")
        )
        return cursor.fetchall() if returning else []


def copy_rows(cursor, statement: str, rows) -> None:
    with cursor.copy(statement) as copy:
        if isinstance(rows, str):
            copy.write(rows)
            return
        for row in rows:
            copy.write_row(row)


# COPY's text format: a tab between columns, a newline after each row, \N for NULL, and these four
# characters escaped in a value. JSON text has no raw tab or newline (json escapes them), only backslashes.
def copy_text(value: str) -> str:
    """A text value as COPY's text format writes it (most values need nothing: checked first). Each
    str.replace is one scan in C, where str.translate looked every character up in a dict: a letter's
    context (JSON text whose non-ASCII letters are backslash escapes) cost ≈ 290 000 instructions."""
    if "\\" in value:
        value = value.replace("\\", "\\\\")
    if "\t" in value or "\n" in value or "\r" in value:
        value = value.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return value


def next_ids(model, count: int) -> list[int]:
    """`count` primary keys drawn from the table's sequence (a key drawn and not used is a gap, harmless).
    The sequence's name is looked up once per process: inside the draw, `pg_get_serial_sequence` ran
    once per key (1.7 ms of the server's CPU for a chunk's 545 letters, 0.25 ms with the name bound)."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        sequence = _sequences.get(table)
        if sequence is None:
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, model._meta.pk.column])
            sequence = _sequences[table] = cursor.fetchone()[0]
        cursor.execute("SELECT nextval(%s::regclass) FROM generate_series(1, %s)", [sequence, count])
        return [row[0] for row in cursor.fetchall()]


_sequences: dict[str, str] = {}  # table -> its primary key's sequence


def json_update(model, name: str, values: dict) -> None:
    """Sets the JSON column `name` of each row {pk: value} in one UPDATE … FROM jsonb_each(one
    parameter): the worker encodes one JSON object {pk: value} (one json.dumps, not one per row), the
    server parses it once. Measured for a recalculation chunk's 545 new rights (2026-12-02): the
    server's CPU 7.2 ms through a COPYed temporary stage (CREATE, TRUNCATE, COPY, UPDATE … FROM),
    3.0 ms this way; json_to_recordset 3.8 ms."""
    if not values:
        return
    table, field = model._meta.db_table, model._meta.get_field(name)
    pk, column = model._meta.pk.column, field.column
    text = json.dumps(values, cls=field.encoder, separators=(",", ":"), check_circular=False)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} AS t SET {column} = s.value FROM jsonb_each(%s::jsonb) AS s"
            f" WHERE t.{pk} = s.key::bigint",
            [text],
        )


# psycopg prepares a statement after this many executions, or at once when asked (prepare=True).
ONLY_WHEN_ASKED = 2**31


def fetch_prepared(sql: str, params: list) -> list[tuple]:
    """The rows of `sql` run as a prepared statement of this connection (server-side parameters,
    psycopg's `prepare=True`): planned once per connection, then only executed. Django's cursors bind
    client-side, so the server parses and plans every statement again with its values in its text;
    for a chunk's reads by hundreds of NIRs (one text parameter split by string_to_array) that meant
    folding the whole list into a constant array and estimating each of its elements: measured alone
    (2026-12-02, 720 NIRs, two runs), the changed incomes 1.4–2.2 → 0.6–0.9 ms of the server's CPU,
    the summaries 3.2–4.6 → 2.75–3.9 ms (docs/campaigns-speed-log.md, "Session 9: PostgreSQL's side"). Django's error wrapping is kept;
    its query log (DEBUG) does not see these statements. Not for a pooler in transaction mode that
    does not keep prepared statements (PgBouncer before 1.21)."""
    connection.ensure_connection()
    raw = connection.connection
    if raw.prepare_threshold is None:  # Django's setting: psycopg then prepares nothing, even when asked
        raw.prepare_threshold = ONLY_WHEN_ASKED  # Django's cursors bind client-side: they never prepare
    with connection.wrap_database_errors, psycopg.Cursor(raw) as cursor:
        cursor.execute(sql, params, prepare=True)
        return cursor.fetchall()


def tables_analyze(*models) -> None:
    """ANALYZE after a bulk write (PostgreSQL; nothing elsewhere): the planner's statistics follow the
    rows just written even where autovacuum is off or has not run yet. Without them a chunk's read of
    the feed by hundreds of NIRs is planned as a scan of the whole feed table (seconds at a million lines)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(model._meta.db_table for model in models))


def tables_vacuum(*models) -> None:
    """VACUUM (ANALYZE) after a bulk rewrite (PostgreSQL, outside a transaction; ANALYZE alone inside
    one, as in the tests): the old versions of the rows rewritten are freed for the next rewrite and the
    reads skip them, where autovacuum is off (the project machines) or has not run yet."""
    if connection.vendor != "postgresql":
        return
    if connection.in_atomic_block:
        tables_analyze(*models)
        return
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) " + ", ".join(model._meta.db_table for model in models))
