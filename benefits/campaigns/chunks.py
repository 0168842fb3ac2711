"""One chunk of a campaign, run exactly once whatever the deliveries.

The chunk's row is locked (SELECT … FOR UPDATE) for the whole transaction: a second delivery of the
same chunk (a worker killed after its work but before its ack, a visibility time-out) waits, then
finds the chunk done and returns. Results, new rights, payments and letters are written in that one
transaction with the chunk's status, so a worker killed in the middle leaves nothing behind and the
redelivered task starts again from scratch. Results are inserted under the unique (campaign, file)
with insert-or-skip, so even two campaigns' chunks overlapping could never double a result.
"""

import json
from json.encoder import c_make_encoder, encode_basestring_ascii

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from benefits.campaigns import notify
from benefits.campaigns.evaluate import evaluate
from benefits.campaigns.file_rows import FileRow, files_read
from benefits.campaigns.households import departement
from benefits.campaigns.kinds import rights_after
from benefits.campaigns.models import (
    Campaign,
    CampaignChunk,
    CampaignKind,
    CampaignResult,
    CampaignStatus,
    ChunkStatus,
    Outcome,
    PaymentOrder,
)
from benefits.campaigns.payments import next_payment_day
from benefits.campaigns.services import campaign_maybe_finish
from benefits.claims.models import AllocataireFile
from benefits.rules import ENGINE_VERSION, parameters_version
from portal.pg_copy import copy_insert_or_skip, copy_text, json_update


def chunk_files(chunk: CampaignChunk) -> list[FileRow]:
    files = AllocataireFile.objects.all()
    if chunk.file_ids is not None:
        files = files.filter(pk__in=chunk.file_ids)
    else:
        files = files.filter(pk__gte=chunk.first_pk, pk__lte=chunk.last_pk)
    # A recalculation and the exceptional aid compute only files holding a right (kinds.needs_core):
    # the others' members and housing are not sent. A non-recours campaign computes those very files.
    return files_read(files, holders_only=chunk.campaign.kind != CampaignKind.NON_RECOURS)


def chunk_run(*, chunk_id: int) -> str:
    """Runs the chunk if it is still queued and its campaign running; returns what happened."""
    with transaction.atomic():
        chunk = chunk_lock(chunk_id)
        campaign = chunk.campaign
        if chunk.status != ChunkStatus.QUEUED:
            return "already " + chunk.status
        if campaign.status == CampaignStatus.PAUSED:
            return "paused"
        if campaign.status != CampaignStatus.RUNNING:
            chunk.status = ChunkStatus.CANCELLED
            chunk.save(update_fields=["status"])
            return "cancelled"
        commit_unflushed()
        files = chunk_files(chunk)
        write(campaign, evaluate(campaign, files))
        chunk_done(chunk, len(files))
    campaign_maybe_finish(campaign_id=campaign.pk)
    return "done"


# The chunk's row locked for the whole transaction (a second delivery waits, then finds it done) and
# its campaign's row key-shared (PostgreSQL's FOR KEY SHARE, which an update of the campaign's status
# or counts does not wait for, but its deletion does): what the results' foreign-key check on the
# campaign did once per result at the commit, done once for the chunk (models.CampaignResult). One
# statement on a plain cursor: Django's select_for_update(of=…).select_related(…).get() and the
# lock's own statement cost the worker ≈ 2 ms a chunk to compile and build, for one row.
CHUNK_FIELDS = ["id", "campaign_id", "first_pk", "last_pk", "file_ids", "status"]
CAMPAIGN_FIELDS = ["id", "kind", "month", "threshold", "status", "chunk_size", "total"]
CHUNK_LOCK = (
    "SELECT ch.id, ch.campaign_id, ch.first_pk, ch.last_pk, ch.file_ids::text, ch.status, "
    + ", ".join(f"c.{name}" for name in CAMPAIGN_FIELDS)
    + f" FROM {CampaignChunk._meta.db_table} AS ch JOIN {Campaign._meta.db_table} AS c"
    " ON c.id = ch.campaign_id WHERE ch.id = %s FOR UPDATE OF ch FOR KEY SHARE OF c"
)


def chunk_lock(chunk_id: int) -> CampaignChunk:
    """The chunk, locked, with its campaign (only the fields a chunk reads; any other is read when
    asked, as a deferred field). SQLite (`make run`, the tests) serialises its writers: the ORM."""
    if connection.vendor != "postgresql":
        return CampaignChunk.objects.select_related("campaign").get(pk=chunk_id)
    with connection.cursor() as cursor:
        cursor.execute(CHUNK_LOCK, [chunk_id])
        row = cursor.fetchone()
    if row is None:
        raise CampaignChunk.DoesNotExist(f"chunk {chunk_id}")
    values = list(row[: len(CHUNK_FIELDS)])
    values[4] = None if values[4] is None else json.loads(values[4])
    chunk = CampaignChunk.from_db(connection.alias, CHUNK_FIELDS, values)
    chunk.campaign = Campaign.from_db(connection.alias, CAMPAIGN_FIELDS, row[len(CHUNK_FIELDS) :])
    return chunk


def commit_unflushed() -> None:
    """The chunk's commit does not wait for its WAL to reach the disk (PostgreSQL, this transaction
    only): 10–20 ms of a worker's wall clock a chunk. Only a crash of the database server within the
    WAL writer's delay (≈ 0.6 s) can lose a committed chunk, and then all of it at once (results,
    letters, rights and its done status: the WAL is replayed in order), as if it had never run; its
    message was acknowledged, so the sweep (sweep.py) enqueues the still-queued chunk again and it runs
    once. A worker killed at any time changes nothing (the commit is the server's). Whatever follows a
    chunk outside the database starts with a synchronous commit of its own (a letter's rendering counts
    its attempt first), which flushes the WAL up to the chunk's (docs/campaigns-speed-log.md, "Session 8")."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")


def chunk_done(chunk: CampaignChunk, households: int) -> None:
    """The chunk's status, in the chunk's transaction: one UPDATE of three columns (no save())."""
    chunk.status, chunk.households, chunk.done_at = ChunkStatus.DONE, households, timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {CampaignChunk._meta.db_table} SET status = %s, households = %s, done_at = %s WHERE id = %s",
            [chunk.status, households, connection.ops.adapt_datetimefield_value(chunk.done_at), chunk.pk],
        )


def write(campaign, evaluations) -> None:
    versions = {"engine_version": ENGINE_VERSION, "parameters_version": parameters_version()}
    notified = [e for e in evaluations if e.decision.outcome == Outcome.NOTIFIED]
    letters = notify.campaign_letters(campaign=campaign, evaluations=notified)
    results_insert(campaign, evaluations, letters, versions)
    if campaign.kind == CampaignKind.RECALCULATION and notified:
        rights_update({e.file["pk"]: rights_after(e.file["rights"], e.decision) for e in notified})
    if campaign.kind == CampaignKind.EXCEPTIONAL_AID and notified:
        payments_insert(campaign, notified, next_payment_day(timezone.localdate()))


PAYMENT_COLUMNS = ["campaign_id", "file_id", "benefit", "amount", "due_on"]


def payments_insert(campaign, notified, due_on) -> None:
    """The exceptional aid's payment orders, insert-or-skip under the unique (campaign, file): COPY on
    PostgreSQL (the ORM's bulk_create cost an aid chunk's worker ≈ 10 ms for its 335 orders), bulk_create
    elsewhere."""
    rows = [(campaign.pk, e.file["pk"], "aide_exceptionnelle", e.decision.payment, due_on) for e in notified]
    if connection.vendor == "postgresql":
        copy_insert_or_skip(PaymentOrder, PAYMENT_COLUMNS, rows, ["campaign_id", "file_id"])
        return
    PaymentOrder.objects.bulk_create(
        [PaymentOrder(**dict(zip(PAYMENT_COLUMNS, row, strict=True))) for row in rows], ignore_conflicts=True
    )


RESULT_COLUMNS = [
    "campaign_id",
    "file_id",
    "outcome",
    "departement",
    "old_amounts",
    "new_amounts",
    "total",
    "explanation",
    "engine_version",
    "parameters_version",
    "letter_id",
    "created_at",
]


def results_insert(campaign, evaluations, letters: dict, versions: dict) -> None:
    """One result per household, insert-or-skip under the unique (campaign, file): COPY on PostgreSQL
    (portal/pg_copy.py), bulk_create elsewhere. No explanation per household: the letter explains, from
    its frozen input (notify.py); an invalid file keeps its errors."""
    if connection.vendor == "postgresql":
        text = results_text(campaign.pk, evaluations, letters, versions, timezone.now())
        copy_insert_or_skip(CampaignResult, RESULT_COLUMNS, text, ["campaign_id", "file_id"])
        return
    now = timezone.now()
    CampaignResult.objects.bulk_create(
        [
            CampaignResult(
                campaign_id=campaign.pk,
                file_id=e.file["pk"],
                outcome=e.decision.outcome,
                departement=departement(e.file["commune"]),
                old_amounts=e.decision.old,
                new_amounts=e.decision.new,
                total=e.decision.total,
                explanation={"errors": e.errors} if e.errors else {},
                letter_id=letters.get(e.file["pk"]),
                created_at=now,
                **versions,
            )
            for e in evaluations
        ],
        ignore_conflicts=True,
        batch_size=settings.CAMPAIGN_CHUNK_SIZE,
    )


NULL = "\\N"


def results_text(campaign_id: int, evaluations, letters: dict, versions: dict, now) -> str:
    """The chunk's results as COPY's text (RESULT_COLUMNS, one line each): written by one f-string a
    row and sent in one piece, where psycopg's write_row dumped the twelve values of each row one by one
    (2026-12-02, a recalculation chunk: the worker's CPU for its results 7.0 ms → 4.2 ms). The columns
    the chunk shares (campaign, versions, time) are written once, the old and new amounts of the whole
    chunk encoded in one call (objects_texts). Escaped for COPY: the JSON texts' backslashes (json
    escapes tabs and newlines itself, so a backslash is all they may hold), any other text by
    copy_text; outcomes are the model's choices."""
    head = f"{campaign_id}\t"
    versions_text = f"{copy_text(versions['engine_version'])}\t{copy_text(versions['parameters_version'])}"
    tail = f"\t{now.isoformat(sep=' ')}\n"  # a space, as psycopg writes it: PostgreSQL reads "…T…" slower
    as_text = str.__str__  # an Outcome member's value as a plain str, in C (Choices.__str__ is Python)
    departements: dict = {}  # commune → département text, computed once per commune of the chunk
    amounts = []
    for e in evaluations:
        amounts.append(e.decision.old)
        amounts.append(e.decision.new)
    amounts = objects_texts(amounts)
    # The files a kind does not compute share one decision (evaluate.py): after the département, their
    # line is the same text, written once (shared).
    lines, shared_decision, shared = [], None, ("", "")
    for e, old, new in zip(evaluations, amounts[0::2], amounts[1::2], strict=True):
        decision, pk, commune = e.decision, e.file["pk"], e.file["commune"]
        if (place := departements.get(commune)) is None:
            place = departements[commune] = copy_text(departement(commune))
        letter = letters.get(pk)
        if decision is shared_decision and letter is None and not e.errors:
            lines.append(f"{head}{pk}\t{shared[0]}\t{place}{shared[1]}")
            continue
        explanation = dumps({"errors": e.errors}).replace("\\", "\\\\") if e.errors else "{}"
        rest = (
            f"\t{{{old}}}\t{{{new}}}\t{str(decision.total)}"
            f"\t{explanation}\t{versions_text}\t{NULL if letter is None else letter}{tail}"
        )
        if letter is None and not e.errors and not decision.old and not decision.new:
            shared_decision, shared = decision, (as_text(decision.outcome), rest)
        lines.append(f"{head}{pk}\t{as_text(decision.outcome)}\t{place}{rest}")
    return "".join(lines)


def objects_texts(values: list[dict]) -> list[str]:
    """The JSON text of each dict of `values`, escaped for COPY, without its braces ("" for {}): the
    whole list encoded in one call and cut at its "},{" (a chunk's 2 000 small amounts' dicts cost
    ≈ 2 µs each to encode one by one, the call's own overhead most of it). A "},{" inside a value
    would cut one text too many: the count tells, and then each dict is encoded alone."""
    if not values:
        return []
    pieces = ENCODE(values).replace("\\", "\\\\")[2:-2].split("},{")
    if len(pieces) == len(values):
        return pieces
    return [dumps(value).replace("\\", "\\\\")[1:-1] for value in values]


# Compact, and no check for circular references (the values are plain trees built here): a little
# less to encode, send and parse, the same JSON values. The C encoder is built once (JSONEncoder.encode
# builds one per call: about half of a small dict's encoding).
ENCODER = json.JSONEncoder(separators=(",", ":"), check_circular=False)
if c_make_encoder is not None:
    C_ENCODER = c_make_encoder(
        None, ENCODER.default, encode_basestring_ascii, None, ":", ",", False, False, True
    )

    def ENCODE(value) -> str:  # noqa: N802 (the encoder's name, a constant)
        return "".join(C_ENCODER(value, 0))
else:  # a Python without the json module's C accelerator
    ENCODE = ENCODER.encode


def dumps(value: dict) -> str:
    """JSON text for COPY; most results' amounts and explanation are empty."""
    return ENCODE(value) if value else "{}"


def rights_update(rights: dict[int, list]) -> None:
    """The new rights of a chunk's files in one statement (PostgreSQL: UPDATE … FROM jsonb_each)."""
    if connection.vendor != "postgresql":
        files = [AllocataireFile(pk=pk, rights=value) for pk, value in rights.items()]
        AllocataireFile.objects.bulk_update(files, ["rights"], batch_size=settings.CAMPAIGN_CHUNK_SIZE)
        return
    json_update(AllocataireFile, "rights", rights)


def chunk_fail(*, chunk_id: int, error: str, retries: int) -> int | None:
    """Counts a failed attempt and returns the count; a chunk out of retries is parked with its error
    (None: the chunk is no longer queued) and the rest of the campaign goes on."""
    with transaction.atomic():
        chunk = CampaignChunk.objects.select_for_update().get(pk=chunk_id)
        if chunk.status != ChunkStatus.QUEUED:
            return None
        chunk.attempts += 1
        chunk.error = error[:2000]
        park = chunk.attempts > retries
        if park:
            chunk.status = ChunkStatus.PARKED
        chunk.save(update_fields=["attempts", "error", "status"])
    if park:
        campaign_maybe_finish(campaign_id=chunk.campaign_id)
    return chunk.attempts
