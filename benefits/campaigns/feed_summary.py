"""The feed summed per person, kept by the import: what a campaign chunk reads instead of the lines.

A chunk needs, for each adult of its files, the feed's window M-16..M-1 summed by kind and month
({kind: {month: euros}}, households.feed_window). Summing ≈ 18 lines a person for every chunk (an index
scan, a sort of ≈ 9 400 rows, two JSON aggregations) was 46 % of PostgreSQL's CPU for a recalculation
chunk (docs/campaigns-speed-log.md, "Session 8"). The import, which is the only writer of the lines, updates in
its own transaction the summary of every NIR whose lines it changed (IncomeSummary: one row a NIR,
that JSON text for every month from `since` on); a chunk reads one row a person by its primary key.

Exact: each month whose lines an import changed is summed again from all of that month's lines (every
payer and kind, the unchanged ones too), the other months are kept as they were summed, so a summary
is always the sums of the lines. Importing a file twice changes nothing (the second import stops at
its digest; a line seen again unchanged is not returned by the merge, so its month is not touched)
and a corrected line's month is summed again once its import commits. Every NIR with a line has a row
(the merge returns every line it inserts; migration 0016 filled the lines imported before): a NIR
without a row has no line, and costs the chunk no query. Lines are written by the import only (a test
that writes some by hand calls `summaries_refresh`). A row says what it holds: every line of a month
>= `since`, and the months it has (first_month..last_month). `incomes_summarised` uses a row only
when it covers the window asked, and leaves the NIR to the lines otherwise (a campaign of an older
month than the summaries keep). `since` is the latest month the feed holds minus 15: the window of
the next month's campaign exactly, so that on the usual path (the quarterly campaign of M once M-1 is
imported, the recalculation an import triggers) a summary needs no filtering.

Two imports at once would each sum a month from the lines it sees and the later commit would win
without the other's lines: the import takes a transaction lock first (`summaries_lock`) and imports
run one after the other (SQLite serialises its writers anyway).
"""

import json
from collections import defaultdict
from decimal import Decimal

from django.db import connection
from django.db.models import Sum

from benefits.campaigns.feed_models import IncomeRecord, IncomeSummary
from benefits.campaigns.file_rows import json_texts
from benefits.rules.months import month_index, month_label
from benefits.rules.periods import EARLIEST_MONTH_BACK
from portal.pg_copy import copy_to_stage, fetch_prepared

SUMMARIES = IncomeSummary._meta.db_table
LINES = IncomeRecord._meta.db_table
CENT = Decimal("0.01")  # the feed's amounts are to the cent (feed.py), and so are their sums
IMPORT_LOCK = 13_001  # pg_advisory_xact_lock's key for the feed's imports (any constant of our own)

# The sums of the (NIR, month) pairs given (two comma-separated texts, the pairs' NIRs and months: a
# NIR or a month never holds a comma, feed.py checks them), each pair's lines read through the unique
# index's (nir, month, …) prefix: a nested loop whatever the planner thinks of the list's length.
PAIR_SUMS = f"""
SELECT p.nir, s.kind, p.month, s.total::text
FROM unnest(string_to_array(%s, ','), string_to_array(%s, ',')) AS p(nir, month)
CROSS JOIN LATERAL (
    SELECT kind, sum(amount) AS total FROM {LINES} WHERE nir = p.nir AND month = p.month GROUP BY kind
) AS s
"""
# Every month >= since of the NIRs given: a person the summaries do not know yet.
WHOLE_SUMS = f"""
SELECT nir, kind, month, sum(amount)::text FROM {LINES}
WHERE nir = ANY(string_to_array(%s, ',')) AND month >= %s GROUP BY nir, kind, month
"""
COLUMNS = "nir, since, first_month, last_month, incomes"
STAGE = "income_summary_stage"
WRITE = f"""
INSERT INTO {SUMMARIES} ({COLUMNS}) SELECT {COLUMNS} FROM {STAGE}
ON CONFLICT (nir) DO UPDATE SET since = EXCLUDED.since, first_month = EXCLUDED.first_month,
    last_month = EXCLUDED.last_month, incomes = EXCLUDED.incomes
"""
READ = f"SELECT {COLUMNS} FROM {SUMMARIES} WHERE nir = ANY(string_to_array(%s, ','))"


def summary_since(latest_month: str) -> str:
    """The first month a summary keeps when the feed's latest month is `latest_month`: the window
    M-16..M-1 of the campaign of the month after it (households.feed_window)."""
    return month_label(month_index(latest_month) + 1 - EARLIEST_MONTH_BACK)


def summaries_lock() -> None:
    """The imports one at a time (PostgreSQL: a lock held until the import's transaction ends)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])


def summaries_refresh(changed, since: str) -> None:
    """The summaries of the NIRs of `changed`, the (NIR, month) pairs whose lines an import just wrote:
    each such month summed again from its lines (every kind and payer of it), the person's other months
    kept, those before `since` dropped; a NIR without a summary yet is summed from all its lines >= since.
    Importing a month thus reads that month's lines, not the person's sixteen months again (a full
    recomputation per import cost campaign_demo's 20 000 households 75 s more for 19 files)."""
    months_of: dict[str, set[str]] = defaultdict(set)
    for nir, month in changed:
        months_of[nir].add(month)
    if not months_of:
        return
    nirs = sorted(months_of)
    old = {nir: (row_since, text) for nir, row_since, _low, _high, text in summary_rows(nirs)}
    # A summary's `since` only grows (it follows the feed's latest month), so a row starting later than
    # `since` cannot be: summed whole all the same, like a new person.
    whole = {nir for nir in nirs if nir not in old or old[nir][0] > since}
    pairs = [(nir, month) for nir in nirs if nir not in whole for month in months_of[nir] if month >= since]
    sums = lines_summed(pairs, sorted(whole), since)
    rows = []
    for nir in nirs:
        fresh = sums.get(nir, {})
        if nir in whole:
            kinds = fresh
        else:
            redone, previous, kinds = months_of[nir], NUMBERS_AS_TEXT(old[nir][1]), {}
            for kind in previous.keys() | fresh.keys():
                values = {m: v for m, v in previous.get(kind, {}).items() if m >= since and m not in redone}
                values.update(fresh.get(kind, {}))
                if values:
                    kinds[kind] = values
        rows.append((nir, since, *summary_text(kinds)))
    summaries_write(rows)


# A summary's amounts stay the decimal texts they were written as (the database's exact sums): decoded
# as text, written back as they are, never through a float (and its repr) and back.
NUMBERS_AS_TEXT = json.JSONDecoder(parse_float=str, parse_int=str).decode


def summary_text(kinds: dict) -> tuple[str, str, str]:
    """(first month, last month, JSON text) of {kind: {month: amount's decimal text}}: kinds and months
    in order, as households.INCOMES writes them. A kind is one of IncomeKind's values and a month
    YYYY-MM (feed.py checks both): neither needs escaping."""
    parts, first, last = [], "", ""
    for kind in sorted(kinds):
        months = sorted(kinds[kind].items())
        first = months[0][0] if not first or months[0][0] < first else first
        last = max(last, months[-1][0])
        parts.append(f'"{kind}":{{' + ",".join(f'"{month}":{amount}' for month, amount in months) + "}")
    return first, last, "{" + ",".join(parts) + "}"


def lines_summed(pairs: list[tuple[str, str]], whole: list[str], since: str) -> dict:
    """{nir: {kind: {month: the exact sum's decimal text}}} of the lines of `pairs`, and of every month
    >= since of the NIRs of `whole`."""
    sums: dict = defaultdict(lambda: defaultdict(dict))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            rows = []
            if pairs:
                cursor.execute(PAIR_SUMS, [",".join(n for n, _m in pairs), ",".join(m for _n, m in pairs)])
                rows += cursor.fetchall()
            if whole:
                cursor.execute(WHOLE_SUMS, [",".join(whole), since])
                rows += cursor.fetchall()
    else:  # SQLite (`make run`, the tests): a superset read, the pairs kept here
        wanted = set(pairs)
        summed = IncomeRecord.objects.values_list("nir", "kind", "month").annotate(total=Sum("amount"))
        rows = [
            row
            for row in summed.filter(nir__in={n for n, _m in pairs}, month__in={m for _n, m in pairs})
            if (row[0], row[2]) in wanted
        ]
        rows += list(summed.filter(nir__in=whole, month__gte=since)) if whole else []
    if connection.vendor != "postgresql":  # SQLite's Decimal may come as "1125" or "1094.91000000000"
        rows = [(nir, kind, month, str(Decimal(total).quantize(CENT))) for nir, kind, month, total in rows]
    for nir, kind, month, total in rows:
        sums[nir][kind][month] = total  # "1125.00": read back as json reads households.INCOMES's 1125.00
    return sums


def summaries_write(rows: list[tuple]) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # inside the import's transaction: the stage is dropped at commit
            copy_to_stage(cursor, SUMMARIES, STAGE, COLUMNS, rows)
            cursor.execute(WRITE)
        return
    IncomeSummary.objects.bulk_create(
        [IncomeSummary(**dict(zip(COLUMNS.split(", "), row, strict=True))) for row in rows],
        update_conflicts=True,
        unique_fields=["nir"],
        update_fields=["since", "first_month", "last_month", "incomes"],
        batch_size=2000,
    )


def summary_rows(nirs: list[str]):
    if connection.vendor == "postgresql" and not any("," in nir for nir in nirs):
        return fetch_prepared(READ, [",".join(nirs)])  # planned once per connection
    return IncomeSummary.objects.filter(nir__in=nirs).values_list(
        "nir", "since", "first_month", "last_month", "incomes"
    )


def incomes_summarised(nirs, months: list[str], texts: dict | None = None) -> tuple[dict, set[str]]:
    """({nir: {kind: {month: euros}}} for `months` from the summaries, the NIRs whose summary does not
    cover `months`: the caller reads those from the lines). A NIR without a summary, or summarised
    without a line in `months`, has no income there and is in neither. With `texts`, each summary that
    is exactly `months` (no month dropped) leaves there its JSON text as the database gave it, the
    text its series was decoded from: what a letter freezes (letter_freeze.py) instead of encoding it."""
    nirs = list(nirs)
    wanted = sorted(months)
    if not nirs or not wanted:
        return {}, set()
    first, last = wanted[0], wanted[-1]
    contiguous = month_index(last) - month_index(first) + 1 == len(wanted)
    found, left, used = {}, set(), []
    for row in summary_rows(nirs):
        if row[1] > first:  # lines of the window's first months may be missing from this summary
            left.add(row[0])
        elif row[2]:  # summarised without a month: no income
            used.append(row)
    # The chunk's summaries decoded in one scan (json_texts): each month's and kind's name one string
    # for the chunk, not one per series (fewer objects to build and free, each name hashed once).
    for (nir, _since, low, high, text), series in zip(
        used, json_texts([row[4] for row in used]), strict=True
    ):
        if low < first or high > last or not contiguous:  # months outside the window: dropped
            keep = set(wanted)
            series = {
                kind: kept
                for kind, values in series.items()
                if (kept := {month: value for month, value in values.items() if month in keep})
            }
            if not series:
                continue
        elif texts is not None:
            texts[nir] = text
        found[nir] = series
    return found, left
