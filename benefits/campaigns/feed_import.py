"""income_feed_import: one monthly feed file into IncomeRecord rows, idempotently and in large batches.

The same file twice is recognised by its digest and changes nothing. Within a file, each batch of
lines is merged in one statement (benefits/campaigns/feed_store.py: COPY and INSERT … ON CONFLICT on
PostgreSQL) that writes only the lines that are new or changed; an unchanged line is not written, and
the months whose lines changed are summed again into their people's summaries in the same
transaction (feed_summary.py: what the campaigns read). The files whose incomes changed get their
recalculation enqueued once the import is committed (benefits/campaigns/events.py).
"""

import hashlib
from dataclasses import dataclass, field
from itertools import islice

from django.db import transaction

from benefits.campaigns.feed import FeedLine, FeedRefused, Refusal, read_feed
from benefits.campaigns.feed_models import IncomeFeedImport, IncomeRecord, IncomeSummary, PersonNir
from benefits.campaigns.feed_store import store_batch
from benefits.campaigns.feed_summary import summaries_lock, summaries_refresh, summary_since
from portal.pg_copy import tables_analyze, tables_vacuum

BATCH = 20000
KEPT_REFUSALS = 1000  # a file with more bad lines is a wrong file: the count says it, not the list


@dataclass
class ImportReport:
    feed: IncomeFeedImport | None
    already_imported: bool = False
    refused_file: str = ""
    changed_files: set[int] = field(default_factory=set)
    months: set[str] = field(default_factory=set)


def batches(iterable, size):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def income_feed_import(
    *, data: bytes, name: str, strict: bool = False, recalculate: bool = True
) -> ImportReport:
    digest = hashlib.sha256(data).hexdigest()
    earlier = IncomeFeedImport.objects.filter(digest=digest).first()
    if earlier:
        return ImportReport(feed=earlier, already_imported=True)
    try:
        with transaction.atomic():
            report = import_lines(data, name, digest, strict)
    except FeedRefused as refused:
        return ImportReport(feed=None, refused_file=str(refused))
    if report.feed.stored:
        tables_analyze(IncomeRecord)  # the campaigns read the feed by NIR: fresh statistics, index scans
        tables_vacuum(IncomeSummary)  # each of its rows an import touched was rewritten (feed_summary.py)
    if recalculate and report.changed_files:
        from benefits.campaigns.events import recalculation_on_import

        recalculation_on_import(feed=report.feed, file_ids=report.changed_files, months=report.months)
    return report


def import_lines(data: bytes, name: str, digest: str, strict: bool) -> ImportReport:
    summaries_lock()  # one import at a time: each sums months again from the lines it sees
    # The feed's latest month so far (a dozen imports a year): where the summaries start (feed_summary.py).
    latest = max(
        (m for months in IncomeFeedImport.objects.values_list("months", flat=True) for m in months),
        default="",
    )
    feed = IncomeFeedImport.objects.create(digest=digest, name=name[:255])
    report = ImportReport(feed=feed)
    for batch in batches(read_feed(data, name), BATCH):
        lines = [item for item in batch if isinstance(item, FeedLine)]
        refusals = [item for item in batch if isinstance(item, Refusal)]
        feed.lines += len(batch)
        feed.refused += len(refusals)
        room = KEPT_REFUSALS - len(feed.refusals)
        feed.refusals.extend({"line": r.number, "reason": r.reason} for r in refusals[:room])
        if strict and refusals:
            first = refusals[0]
            raise FeedRefused(f"ligne {first.number} : {first.reason} (import strict : fichier refusé)")
        report.months.update(line.month for line in lines)
        changed = store_batch(feed, lines)
        changed_nirs = {nir for nir, _month in changed}
        if changed:
            latest = max(latest, *report.months)
            summaries_refresh(changed, summary_since(latest))
        report.changed_files.update(
            PersonNir.objects.filter(nir__in=changed_nirs).values_list("file_id", flat=True)
        )
    feed.months = sorted(report.months)  # the feed's coverage: benefits/income/imported.py
    feed.save()
    return report
