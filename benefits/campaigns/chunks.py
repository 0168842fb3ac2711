"""One chunk of a campaign, run exactly once whatever the deliveries.

The chunk's row is locked (SELECT … FOR UPDATE) for the whole transaction: a second delivery of the
same chunk (a worker killed after its work but before its ack, a visibility time-out) waits, then
finds the chunk done and returns. Results, new rights, payments and letters are written in that one
transaction with the chunk's status, so a worker killed in the middle leaves nothing behind and the
redelivered task starts again from scratch. Results are inserted under the unique (campaign, file)
with insert-or-skip, so even two campaigns' chunks overlapping could never double a result.
"""

import json

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
from portal.pg_copy import copy_insert_or_skip, copy_update


def chunk_files(chunk: CampaignChunk) -> list[FileRow]:
    files = AllocataireFile.objects.all()
    if chunk.file_ids is not None:
        files = files.filter(pk__in=chunk.file_ids)
    else:
        files = files.filter(pk__gte=chunk.first_pk, pk__lte=chunk.last_pk)
    return files_read(files)


def chunk_run(*, chunk_id: int) -> str:
    """Runs the chunk if it is still queued and its campaign running; returns what happened."""
    with transaction.atomic():
        # Only the chunk row is locked (of=self): locking the joined campaign row would serialise all workers.
        chunk = (
            CampaignChunk.objects.select_for_update(of=("self",)).select_related("campaign").get(pk=chunk_id)
        )
        campaign = chunk.campaign
        if chunk.status != ChunkStatus.QUEUED:
            return "already " + chunk.status
        if campaign.status == CampaignStatus.PAUSED:
            return "paused"
        if campaign.status != CampaignStatus.RUNNING:
            chunk.status = ChunkStatus.CANCELLED
            chunk.save(update_fields=["status"])
            return "cancelled"
        campaign_key_share(campaign.pk)
        files = chunk_files(chunk)
        write(campaign, evaluate(campaign, files))
        chunk.status, chunk.households, chunk.done_at = ChunkStatus.DONE, len(files), timezone.now()
        chunk.save(update_fields=["status", "households", "done_at"])
    campaign_maybe_finish(campaign_id=campaign.pk)
    return "done"


def campaign_key_share(campaign_id: int) -> None:
    """Keeps the campaign from being deleted until the chunk commits (PostgreSQL's FOR KEY SHARE, which
    an update of its status or counts does not wait for): what the results' foreign-key check did once
    per result at the commit, done once for the chunk (models.CampaignResult). SQLite (`make run`, the
    tests) serialises its writers."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT 1 FROM {Campaign._meta.db_table} WHERE id = %s FOR KEY SHARE", [campaign_id]
            )


def write(campaign, evaluations) -> None:
    versions = {"engine_version": ENGINE_VERSION, "parameters_version": parameters_version()}
    notified = [e for e in evaluations if e.decision.outcome == Outcome.NOTIFIED]
    letters = notify.campaign_letters(campaign=campaign, evaluations=notified)
    results_insert(campaign, evaluations, letters, versions)
    if campaign.kind == CampaignKind.RECALCULATION and notified:
        rights_update({e.file["pk"]: rights_after(e.file["rights"], e.decision) for e in notified})
    if campaign.kind == CampaignKind.EXCEPTIONAL_AID and notified:
        due_on = next_payment_day(timezone.localdate())
        PaymentOrder.objects.bulk_create(
            [
                PaymentOrder(
                    campaign=campaign,
                    file_id=e.file["pk"],
                    benefit="aide_exceptionnelle",
                    amount=e.decision.payment,
                    due_on=due_on,
                )
                for e in notified
            ],
            ignore_conflicts=True,
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
    (portal/pg_copy.py, the JSON columns as text), bulk_create elsewhere. No explanation per household:
    the letter explains, from its frozen input (notify.py); an invalid file keeps its errors."""
    postgresql = connection.vendor == "postgresql"
    encode = dumps if postgresql else dict
    now, campaign_id = timezone.now(), campaign.pk
    engine_version, parameters_version = versions["engine_version"], versions["parameters_version"]
    rows = [
        (
            campaign_id,
            e.file["pk"],
            e.decision.outcome,
            departement(e.file["commune"]),
            encode(e.decision.old),
            encode(e.decision.new),
            e.decision.total,
            encode({"errors": e.errors} if e.errors else {}),
            engine_version,
            parameters_version,
            letters.get(e.file["pk"]),
            now,
        )
        for e in evaluations
    ]
    if postgresql:
        copy_insert_or_skip(CampaignResult, RESULT_COLUMNS, rows, ["campaign_id", "file_id"])
        return
    CampaignResult.objects.bulk_create(
        [CampaignResult(**dict(zip(RESULT_COLUMNS, row, strict=True))) for row in rows],
        ignore_conflicts=True,
        batch_size=settings.CAMPAIGN_CHUNK_SIZE,
    )


# Compact, and no check for circular references (the values are plain trees built here): a little
# less to encode, send and parse, the same JSON values.
ENCODE = json.JSONEncoder(separators=(",", ":"), check_circular=False).encode


def dumps(value: dict) -> str:
    """JSON text for COPY; most results' amounts and explanation are empty."""
    return ENCODE(value) if value else "{}"


def rights_update(rights: dict[int, list]) -> None:
    """The new rights of a chunk's files in one statement (PostgreSQL: UPDATE … FROM a COPYed stage)."""
    if connection.vendor != "postgresql":
        files = [AllocataireFile(pk=pk, rights=value) for pk, value in rights.items()]
        AllocataireFile.objects.bulk_update(files, ["rights"], batch_size=settings.CAMPAIGN_CHUNK_SIZE)
        return
    copy_update(AllocataireFile, "rights", rights)


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
