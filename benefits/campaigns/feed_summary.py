"""The feed summed per person, kept by the import: what a campaign chunk reads instead of the lines.

A chunk needs, for each adult of its files, the feed's window M-16..M-1 summed by kind and month
({kind: {month: euros}}, households.feed_window). Summing ≈ 18 lines a person for every chunk (an index
scan, a sort of ≈ 9 400 rows, two JSON aggregations) was 46 % of PostgreSQL's CPU for a recalculation
chunk (docs/campaigns.md, "Session 8"). The import, which is the only writer of the lines, recomputes
in its own transaction the summary of every NIR whose lines it changed (IncomeSummary: one row a NIR,
that JSON text for every month from `since` on); a chunk reads one row a person by its primary key.

Exact by construction: a summary is recomputed from the lines, never patched, with the very query
households.INCOMES runs on them, so importing a file twice changes nothing (the second import stops at
its digest; a line seen again unchanged is not returned by the merge) and a corrected line is in the
summary once its import commits. Every NIR with a line has a row (the merge returns every NIR it
inserts a line for; migration 0016 filled the lines imported before): a NIR without a row has no
line, and costs the chunk no query. Lines are written by the import only (a test that writes some by
hand calls `summaries_refresh`). A row says what it holds: every line of a month >= `since`, and the
months it has (first_month..last_month). `incomes_summarised` uses a row only when it covers the
window asked, and leaves the NIR to the lines otherwise (a campaign of an older month than the
summaries keep). `since` is the latest month the feed holds minus 15:
the window of the next month's campaign exactly, so that on the usual path (the quarterly campaign of
M once M-1 is imported, the recalculation an import triggers) a summary needs no filtering.

Two imports at once would each recompute a NIR from the lines it sees and the later commit would win
without the other's lines: the import takes a transaction lock first (`summaries_lock`) and imports
run one after the other (SQLite serialises its writers anyway).
"""

import json
from collections import defaultdict

from django.db import connection
from django.db.models import Sum

from benefits.campaigns.feed_models import IncomeRecord, IncomeSummary
from benefits.campaigns.file_rows import json_text
from benefits.rules.months import month_index, month_label
from benefits.rules.periods import EARLIEST_MONTH_BACK

SUMMARIES = IncomeSummary._meta.db_table
LINES = IncomeRecord._meta.db_table
IMPORT_LOCK = 13_001  # pg_advisory_xact_lock's key for the feed's imports (any constant of our own)

# The lines of the NIRs given (one comma-separated text: a NIR never holds a comma, feed.py checks it)
# summed as households.INCOMES sums them, for every month >= since; a NIR with no such line gets "{}".
# One row per NIR (DISTINCT: ON CONFLICT may not touch a row twice in one statement).
REFRESH = f"""
INSERT INTO {SUMMARIES} (nir, since, first_month, last_month, incomes)
SELECT n.nir, %(since)s, coalesce(p.low, ''), coalesce(p.high, ''), coalesce(p.incomes, '{{}}')
FROM (SELECT DISTINCT unnest(string_to_array(%(nirs)s, ',')) AS nir) AS n LEFT JOIN (
    SELECT nir, min(low) AS low, max(high) AS high, json_object_agg(kind, months ORDER BY kind)::text AS incomes
    FROM (
        SELECT nir, kind, min(month) AS low, max(month) AS high,
            json_object_agg(month, total ORDER BY month) AS months
        FROM (
            SELECT nir, kind, month, sum(amount) AS total FROM {LINES}
            WHERE nir = ANY(string_to_array(%(nirs)s, ',')) AND month >= %(since)s GROUP BY nir, kind, month
        ) AS sums GROUP BY nir, kind
    ) AS kinds GROUP BY nir
) AS p ON p.nir = n.nir
ON CONFLICT (nir) DO UPDATE SET since = EXCLUDED.since, first_month = EXCLUDED.first_month,
    last_month = EXCLUDED.last_month, incomes = EXCLUDED.incomes
"""
READ = f"SELECT nir, since, first_month, last_month, incomes FROM {SUMMARIES} WHERE nir = ANY(string_to_array(%s, ','))"


def summary_since(latest_month: str) -> str:
    """The first month a summary keeps when the feed's latest month is `latest_month`: the window
    M-16..M-1 of the campaign of the month after it (households.feed_window)."""
    return month_label(month_index(latest_month) + 1 - EARLIEST_MONTH_BACK)


def summaries_lock() -> None:
    """The imports one at a time (PostgreSQL: a lock held until the import's transaction ends)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])


def summaries_refresh(nirs, since: str) -> None:
    """Recomputes from the lines the summary of each NIR of `nirs`: every month >= since."""
    nirs = sorted(set(nirs))
    if not nirs:
        return
    if connection.vendor == "postgresql" and not any("," in nir for nir in nirs):
        with connection.cursor() as cursor:
            cursor.execute(REFRESH, {"since": since, "nirs": ",".join(nirs)})
        return
    # Elsewhere (SQLite: `make run`, the tests) the same sums in Python, written as JSON floats: the
    # float the reader decodes is the one the lines' path gives there (float of the database's sum).
    sums: dict = defaultdict(lambda: defaultdict(dict))
    rows = (
        IncomeRecord.objects.filter(nir__in=nirs, month__gte=since)
        .values_list("nir", "kind", "month")
        .annotate(total=Sum("amount"))
        .order_by("nir", "kind", "month")
    )
    for nir, kind, month, total in rows:
        sums[nir][kind][month] = float(total)
    summaries = []
    for nir in nirs:
        kinds = sums.get(nir, {})
        months = [month for series in kinds.values() for month in series]
        summaries.append(
            IncomeSummary(
                nir=nir,
                since=since,
                first_month=min(months, default=""),
                last_month=max(months, default=""),
                incomes=json.dumps(kinds),
            )
        )
    IncomeSummary.objects.bulk_create(
        summaries,
        update_conflicts=True,
        unique_fields=["nir"],
        update_fields=["since", "first_month", "last_month", "incomes"],
        batch_size=2000,
    )


def summary_rows(nirs: list[str]):
    if connection.vendor == "postgresql" and not any("," in nir for nir in nirs):
        with connection.cursor() as cursor:
            cursor.execute(READ, [",".join(nirs)])
            return cursor.fetchall()
    return IncomeSummary.objects.filter(nir__in=nirs).values_list(
        "nir", "since", "first_month", "last_month", "incomes"
    )


def incomes_summarised(nirs, months: list[str]) -> tuple[dict, set[str]]:
    """({nir: {kind: {month: euros}}} for `months` from the summaries, the NIRs whose summary does not
    cover `months`: the caller reads those from the lines). A NIR without a summary, or summarised
    without a line in `months`, has no income there and is in neither."""
    nirs = list(nirs)
    wanted = sorted(months)
    if not nirs or not wanted:
        return {}, set()
    first, last = wanted[0], wanted[-1]
    contiguous = month_index(last) - month_index(first) + 1 == len(wanted)
    found, left = {}, set()
    for nir, since, low, high, text in summary_rows(nirs):
        if since > first:  # lines of the window's first months may be missing from this summary
            left.add(nir)
            continue
        if not low:  # summarised, no month: no income
            continue
        series = json_text(text)
        if low < first or high > last or not contiguous:  # months outside the window: dropped
            keep = set(wanted)
            series = {
                kind: kept
                for kind, values in series.items()
                if (kept := {month: value for month, value in values.items() if month in keep})
            }
            if not series:
                continue
        found[nir] = series
    return found, left
