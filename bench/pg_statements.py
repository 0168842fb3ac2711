"""Where a campaign's PostgreSQL CPU goes, statement by statement, over every chunk in one process.

    DATABASE_URL=postgres://… python bench/pg_statements.py [KIND] [PASSES] [VARIANT …]

On an existing database (`campaign_demo --households N`), as bench/campaign_phases.py: a fresh running
campaign of KIND (recalcul) with its chunks as the dispatcher cuts them, every chunk run by chunk_run in
this process, each pass in one transaction rolled back (the first pass warms up and is not counted).
The PostgreSQL backend's CPU (/proc/<pg_backend_pid()>/schedstat, nanoseconds on a CPU: the server
must run on this machine) is read around every statement the chunks send (Django's execute wrapper,
the COPYs of portal/pg_copy.py) and summed by statement; the deferred foreign-key checks, which a
rolled-back pass never reaches, are run after each chunk by `SET CONSTRAINTS ALL IMMEDIATE` and counted
as a statement. Between passes the written tables are VACUUMed, so that each pass finds the same pages
(a rolled-back pass leaves its rows as dead versions, and autovacuum is off on the project machines).

VARIANTs (default "base") are compared in the same run, alternated pass by pass (A B A B …): a variant
is a name from VARIANTS below, whose SQL runs at the start of the pass's transaction and is rolled back
with it (DDL is transactional in PostgreSQL), e.g. an index dropped, a column's type changed.
Prints, per variant, the median over its passes of the backend's CPU per statement and in total.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

# name -> SQL run at the start of the pass's transaction (rolled back with it).
VARIANTS: dict[str, list[str]] = {
    "base": [],
    "no_outcome_idx": ["DROP INDEX IF EXISTS {result_outcome_index}"],
    "no_result_file_idx": ["DROP INDEX IF EXISTS {result_file_index}"],
    "no_result_file_fk": ["ALTER TABLE benefits_campaignresult DROP CONSTRAINT {result_file_fk}"],
    "no_letter_file_fk": ["ALTER TABLE benefits_letter DROP CONSTRAINT {letter_file_fk}"],
    "results_json": [
        "ALTER TABLE benefits_campaignresult ALTER old_amounts TYPE json, ALTER new_amounts TYPE json,"
        " ALTER explanation TYPE json"
    ],
    "key_collate_c": ['ALTER TABLE benefits_letter ALTER idempotency_key TYPE varchar(200) COLLATE "C"'],
    # Text keys compared in the C collation (bytes) instead of the database's C.UTF-8 (strcoll).
    "summary_nir_c": ['ALTER TABLE benefits_incomesummary ALTER nir TYPE varchar(15) COLLATE "C"'],
    "record_keys_c": [
        'ALTER TABLE benefits_incomerecord ALTER nir TYPE varchar(15) COLLATE "C",'
        ' ALTER month TYPE varchar(7) COLLATE "C"'
    ],
    "outcome_c": ['ALTER TABLE benefits_campaignresult ALTER outcome TYPE varchar(16) COLLATE "C"'],
    "all_c": [
        'ALTER TABLE benefits_incomesummary ALTER nir TYPE varchar(15) COLLATE "C"',
        'ALTER TABLE benefits_incomerecord ALTER nir TYPE varchar(15) COLLATE "C",'
        ' ALTER month TYPE varchar(7) COLLATE "C"',
        'ALTER TABLE benefits_campaignresult ALTER outcome TYPE varchar(16) COLLATE "C"',
        'ALTER TABLE benefits_letter ALTER idempotency_key TYPE varchar(200) COLLATE "C"',
    ],
    # Session 9's changes undone: the letters' context as `json` (and, by PATCHES, the two reads by
    # NIRs bound client-side, every file's members and housing read).
    "before_session9": ["ALTER TABLE benefits_letter ALTER context TYPE json USING context::json"],
    "summary_nir_default": [
        'ALTER TABLE benefits_incomesummary ALTER nir TYPE varchar(15) COLLATE "default"'
    ],
    "context_json": ["ALTER TABLE benefits_letter ALTER context TYPE json USING context::json"],
    "letters_context_text": ["ALTER TABLE benefits_letter ALTER context TYPE text"],
    "letters_context_external": ["ALTER TABLE benefits_letter ALTER context SET STORAGE EXTERNAL"],
    "no_letter_file_idx": ["DROP INDEX IF EXISTS {letter_file_index}"],
    "no_file_like_idx": [
        "DROP INDEX IF EXISTS {file_number_like}",
        "DROP INDEX IF EXISTS {file_fcplus_like}",
    ],
}


def fetch_unprepared(sql: str, params: list) -> list[tuple]:
    """portal.pg_copy.fetch_prepared as it was before session 9: Django's cursor, bound client-side."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def files_read_all(queryset, holders_only: bool = False):
    """file_rows.files_read as it was before session 9: every file's members and housing."""
    from benefits.campaigns.file_rows import files_read

    return files_read(queryset)


# name -> [(module, attribute, replacement)] patched for the variant's passes only.
PATCHES = {
    "before_session9": [
        ("benefits.campaigns.feed_summary", "fetch_prepared", fetch_unprepared),
        ("benefits.campaigns.notify", "fetch_prepared", fetch_unprepared),
        ("benefits.campaigns.chunks", "files_read", files_read_all),
    ],
    "files_all": [("benefits.campaigns.chunks", "files_read", files_read_all)],
    "unprepared": [
        ("benefits.campaigns.feed_summary", "fetch_prepared", fetch_unprepared),
        ("benefits.campaigns.notify", "fetch_prepared", fetch_unprepared),
    ],
}


def label_of(sql: str) -> str:
    text = " ".join(sql.split())
    low = text.lower()
    if "for update of ch" in low:
        return "chunk lock"
    if low.startswith("set constraints all immediate"):
        return "deferred FK checks (at the commit)"
    if low.startswith("set local"):
        return "SET LOCAL synchronous_commit"
    if low.startswith("savepoint") or low.startswith("release savepoint"):
        return "savepoints"
    if low.startswith("prepared: "):
        return label_of(text[len("prepared: ") :]) + " (prepared)"
    if "incomesummary" in low or "income_summary" in low:
        return "incomes (summaries)"
    if "nextval" in low:
        return "letters: ids (nextval)"
    if low.startswith("copy "):
        return "COPY " + text.split()[1]
    if low.startswith("update benefits_allocatairefile"):
        return "rights UPDATE … jsonb_each"
    if low.startswith("update benefits_campaignchunk"):
        return "chunk done"
    if low.startswith("update benefits_campaign "):
        return "campaign's end"
    if "benefits_allocatairefile" in low and low.startswith("select"):
        return "files read"
    if "incomerecord" in low or "income_record" in low:
        return "changed incomes / lines"
    return text[:70]


def main():
    import django

    django.setup()
    from django.db import connection, transaction

    from benefits.campaigns import chunks
    from benefits.campaigns.models import Campaign, CampaignChunk, CampaignStatus
    from benefits.campaigns.services import pk_ranges
    from benefits.letters import services as letters_services
    from portal import pg_copy

    kind = sys.argv[1] if len(sys.argv) > 1 else "recalcul"
    passes = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    variants = sys.argv[3:] or ["base"]
    letters_services.render_each_enqueue = lambda letter_ids: None

    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        stat = Path(f"/proc/{cursor.fetchone()[0]}/schedstat")
        names = names_of(cursor)

    def backend() -> float:
        return int(stat.read_text().split()[0]) / 1e9

    spent: dict[str, float] = {}

    def add(label: str, seconds: float) -> None:
        spent[label] = spent.get(label, 0.0) + seconds

    def wrapper(execute, sql, params, many, context):
        before = backend()
        try:
            return execute(sql, params, many, context)
        finally:
            add(label_of(sql), backend() - before)

    inner_copy = pg_copy.copy_rows

    def copy_rows(cursor, statement, rows):
        before = backend()
        try:
            return inner_copy(cursor, statement, rows)
        finally:
            add(label_of(statement), backend() - before)

    pg_copy.copy_rows = copy_rows
    import importlib

    for module_name in ("benefits.campaigns.feed_summary", "benefits.campaigns.notify"):
        module = importlib.import_module(module_name)
        inner_fetch = getattr(module, "fetch_prepared", None)
        if inner_fetch is None:  # a tree without it
            continue

        def fetch_prepared(sql, params, inner_fetch=inner_fetch):
            before = backend()
            try:
                return inner_fetch(sql, params)
            finally:
                add(label_of("prepared: " + sql), backend() - before)

        module.fetch_prepared = fetch_prepared
    inner_done = chunks.chunk_done

    def chunk_done(chunk, households):
        inner_done(chunk, households)
        with connection.cursor() as cursor:  # timed as a statement by the execute wrapper
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")

    chunks.chunk_done = chunk_done

    by_variant: dict[str, list[dict[str, float]]] = {name: [] for name in variants}
    order = ["warm-up"] + [variants[number % len(variants)] for number in range(passes * len(variants))]
    for number, variant in enumerate(order):
        with connection.cursor() as cursor:
            cursor.execute(
                "VACUUM benefits_allocatairefile, benefits_campaignresult, benefits_letter,"
                " benefits_campaignchunk, benefits_campaign"
            )
        transaction.set_autocommit(False)
        with connection.cursor() as cursor:
            for sql in VARIANTS.get(variant, []):
                cursor.execute(sql.format(**names))
        undo = []
        for module_name, attribute, replacement in PATCHES.get(variant, []):
            module = importlib.import_module(module_name)
            undo.append((module, attribute, getattr(module, attribute)))
            setattr(module, attribute, replacement)
        campaign = Campaign.objects.create(
            kind=kind,
            month="2026-12",
            threshold=1,
            status=CampaignStatus.RUNNING,
            total=0,
            chunk_size=int(os.environ.get("CHUNK_SIZE", "1000")),
        )
        ids = [
            CampaignChunk.objects.create(campaign=campaign, first_pk=first, last_pk=last).pk
            for first, last, _count in pk_ranges(campaign.chunk_size)
        ]
        spent.clear()
        total_before, started = backend(), time.process_time()
        with connection.execute_wrapper(wrapper):
            for chunk_id in ids:
                chunks.chunk_run(chunk_id=chunk_id)
        whole = backend() - total_before
        worker = time.process_time() - started
        if os.environ.get("INSPECT") and number == 0:
            inspect(connection)
        transaction.rollback()
        transaction.set_autocommit(True)
        for module, attribute, inner in undo:
            setattr(module, attribute, inner)
        if number == 0:
            continue
        figures = dict(spent)
        figures["(whole pass, backend)"] = whole
        figures["(whole pass, this process)"] = worker
        by_variant[variant].append(figures)
        if not os.environ.get("QUIET"):
            print(
                f"pass {number} {variant}: {len(ids)} chunks, backend {whole:.3f} s, process {worker:.3f} s"
            )
    labels = sorted({label for runs in by_variant.values() for run in runs for label in run})
    chunk_count = len(ids)
    print(f"backend CPU, ms per chunk ({chunk_count} chunks), median over the passes")
    print(f"{'statement':<46}" + "".join(f"{name[:18]:>19}" for name in variants))
    medians = {
        name: {label: statistics.median(run.get(label, 0.0) for run in runs) for label in labels}
        for name, runs in by_variant.items()
    }
    for label in sorted(labels, key=lambda label: -medians[variants[0]][label]):
        print(
            f"{label[:45]:<46}"
            + "".join(f"{medians[name][label] / chunk_count * 1e3:19.2f}" for name in variants)
        )
    for name, runs in by_variant.items():
        whole = [run["(whole pass, backend)"] for run in runs]
        print(f"{name}: backend per pass {', '.join(f'{value:.3f}' for value in whole)} s")


def inspect(connection) -> None:
    """What the pass wrote, before its rollback: the letters' context sizes (stored, compressed?)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), avg(octet_length(context::text)), max(octet_length(context::text)),"
            " avg(pg_column_size(context)), avg(pg_column_size(l.*)), count(*) FILTER"
            " (WHERE pg_column_compression(context) IS NOT NULL) FROM benefits_letter AS l"
        )
        print("letters: count, context bytes avg/max, stored avg, row avg, compressed:", cursor.fetchone())
        cursor.execute(
            "SELECT count(*), avg(pg_column_size(r.*)), avg(octet_length(old_amounts::text))"
            " FROM benefits_campaignresult AS r"
        )
        print("results: count, row avg, old_amounts text avg:", cursor.fetchone())


def names_of(cursor) -> dict[str, str]:
    """The generated names the variants refer to (indexes, constraints)."""

    def one(sql: str) -> str:
        cursor.execute(sql)
        row = cursor.fetchone()
        return row[0] if row else "none_such"

    return {
        "result_outcome_index": one(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'benefits_campaignresult'"
            " AND indexdef LIKE '%(campaign_id, outcome)%'"
        ),
        "result_file_index": one(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'benefits_campaignresult'"
            " AND indexdef LIKE '%(file_id)%'"
        ),
        "result_file_fk": one(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'benefits_campaignresult'::regclass"
            " AND contype = 'f'"
        ),
        "letter_file_fk": one(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'benefits_letter'::regclass AND contype = 'f'"
            " AND pg_get_constraintdef(oid) LIKE '%(file_id)%'"
        ),
        "letter_file_index": one(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'benefits_letter'"
            " AND indexdef LIKE '%(file_id, created_at DESC)%'"
        ),
        "file_number_like": one(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'benefits_allocatairefile'"
            " AND indexdef LIKE '%(number varchar_pattern_ops)%'"
        ),
        "file_fcplus_like": one(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'benefits_allocatairefile'"
            " AND indexdef LIKE '%(fcplus_sub varchar_pattern_ops)%'"
        ),
    }


if __name__ == "__main__":
    main()
