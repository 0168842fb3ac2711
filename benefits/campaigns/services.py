"""Every write of a campaign's life: create, launch (dispatch over pk ranges), pause, resume, cancel.

The chunk itself is run by benefits/campaigns/chunks.py. Celery tasks only carry ids to these services.
"""

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Min
from django.utils import timezone

from benefits.campaigns.enqueue import chunk_enqueue, dispatch_enqueue
from benefits.campaigns.models import Campaign, CampaignChunk, CampaignStatus, ChunkStatus
from benefits.claims.models import AllocataireFile
from portal.journal import journal_record


def campaign_create(*, kind: str, month: str, threshold, by, chunk_size: int | None = None) -> Campaign:
    campaign = Campaign.objects.create(
        kind=kind,
        month=month,
        threshold=threshold,
        created_by=by,
        chunk_size=chunk_size or settings.CAMPAIGN_CHUNK_SIZE,
    )
    journal(action="campaign_created", campaign=campaign, by=by)
    return campaign


def journal(*, action: str, campaign: Campaign, by) -> None:
    journal_record(
        action=action,
        target=f"campaign:{campaign.pk}",
        by=by,
        channel="agent",
        details={"kind": campaign.kind, "month": campaign.month},
    )


def pk_ranges(chunk_size: int, queryset=None):
    """(first pk, last pk, households) of consecutive chunks, walking the primary key (keyset)."""
    queryset = (queryset or AllocataireFile.objects.all()).order_by("pk")
    start = queryset.aggregate(first=Min("pk"))["first"]
    while start is not None:
        pks = list(queryset.filter(pk__gte=start).values_list("pk", flat=True)[: chunk_size + 1])
        if len(pks) > chunk_size:
            yield pks[0], pks[chunk_size - 1], chunk_size
            start = pks[chunk_size]
        else:
            yield pks[0], pks[-1], len(pks)
            start = None


def campaign_launch(*, campaign: Campaign, by) -> Campaign:
    """Marks the campaign running and enqueues its dispatcher once the transaction commits."""
    with transaction.atomic():
        updated = Campaign.objects.filter(pk=campaign.pk, status=CampaignStatus.DRAFT).update(
            status=CampaignStatus.RUNNING, started_at=timezone.now()
        )
        if updated:
            journal(action="campaign_launched", campaign=campaign, by=by)
            transaction.on_commit(lambda: dispatch_enqueue(campaign.pk))
    campaign.refresh_from_db()
    return campaign


def campaign_dispatch(*, campaign_id: int) -> int:
    """Creates the chunks (once: a redelivered dispatcher finds them) and enqueues the queued ones."""
    campaign = Campaign.objects.get(pk=campaign_id)
    if not campaign.chunks.exists():
        batch, total = [], 0
        for first, last, count in pk_ranges(campaign.chunk_size):
            batch.append(CampaignChunk(campaign=campaign, first_pk=first, last_pk=last))
            total += count
            if len(batch) >= 1000:
                CampaignChunk.objects.bulk_create(batch, ignore_conflicts=True)
                batch = []
        CampaignChunk.objects.bulk_create(batch, ignore_conflicts=True)
        Campaign.objects.filter(pk=campaign.pk).update(total=total)
    return chunks_enqueue(campaign=campaign)


def chunks_enqueue(*, campaign: Campaign) -> int:
    ids = list(campaign.chunks.filter(status=ChunkStatus.QUEUED).order_by("pk").values_list("pk", flat=True))
    for chunk_id in ids:
        chunk_enqueue(chunk_id)
    if not ids:
        campaign_maybe_finish(campaign_id=campaign.pk)
    return len(ids)


def campaign_pause(*, campaign: Campaign, by) -> bool:
    """Chunks not started yet stay queued (their tasks return at once); running ones finish."""
    paused = Campaign.objects.filter(pk=campaign.pk, status=CampaignStatus.RUNNING).update(
        status=CampaignStatus.PAUSED, paused_at=timezone.now()
    )
    if paused:
        journal(action="campaign_paused", campaign=campaign, by=by)
    return bool(paused)


def campaign_resume(*, campaign: Campaign, by) -> bool:
    with transaction.atomic():
        paused = Campaign.objects.select_for_update().filter(pk=campaign.pk, status=CampaignStatus.PAUSED)
        row = paused.values("paused_at", "paused_seconds").first()
        resumed = row and paused.update(
            status=CampaignStatus.RUNNING,
            paused_at=None,
            paused_seconds=row["paused_seconds"] + paused_seconds(row["paused_at"]),
        )
        if resumed:
            journal(action="campaign_resumed", campaign=campaign, by=by)
            # A chunk enqueued twice is harmless: the second delivery finds it done.
            transaction.on_commit(lambda: chunks_enqueue(campaign=campaign))
    return bool(resumed)


def paused_seconds(paused_at) -> float:
    """The length of the pause that ends now (none for a campaign paused before pauses were timed)."""
    return max((timezone.now() - paused_at).total_seconds(), 0.0) if paused_at else 0.0


def campaign_cancel(*, campaign: Campaign, by) -> bool:
    """Results already written stay (they are true); the chunks not run are cancelled."""
    with transaction.atomic():
        cancelled = Campaign.objects.filter(pk=campaign.pk, status__in=ACTIVE).update(
            status=CampaignStatus.CANCELLED, finished_at=timezone.now()
        )
        if cancelled:
            campaign.chunks.filter(status=ChunkStatus.QUEUED).update(status=ChunkStatus.CANCELLED)
            journal(action="campaign_cancelled", campaign=campaign, by=by)
    return bool(cancelled)


ACTIVE = (CampaignStatus.DRAFT, CampaignStatus.RUNNING, CampaignStatus.PAUSED)


# Django's table names, read once (the app's models, not user input).
FINISH = (
    f"UPDATE {Campaign._meta.db_table} SET status = %s, finished_at = %s WHERE id = %s AND status = %s"
    f" AND NOT EXISTS (SELECT 1 FROM {CampaignChunk._meta.db_table} WHERE campaign_id = %s AND status = %s)"
)


def campaign_maybe_finish(*, campaign_id: int) -> bool:
    """A running campaign without a queued chunk is done (parked chunks are reported, not waited for).
    Run after every chunk's commit, so that it sees the other workers' committed chunks: one
    UPDATE … WHERE NOT EXISTS on a plain cursor (the chunks' (campaign, status) index answers it),
    where the ORM's exists() then update() cost the worker two compiled queries a chunk."""
    finished_at = connection.ops.adapt_datetimefield_value(timezone.now())
    params = [CampaignStatus.DONE, finished_at, campaign_id, CampaignStatus.RUNNING]
    with connection.cursor() as cursor:
        cursor.execute(FINISH, params + [campaign_id, ChunkStatus.QUEUED])
        return cursor.rowcount > 0
