"""The sweep: a running campaign that has made no progress for a while gets its queued chunks enqueued again.

A chunk's message can be lost (a Redis restart without AOF, a flushed database, a bug in between):
the chunk then stays queued forever and the campaign never ends. Celery beat runs `campaigns.sweep`
every CAMPAIGN_SWEEP_INTERVAL seconds; a running campaign with queued chunks and no chunk done for
CAMPAIGN_SWEEP_AFTER seconds (above the longest chunk, like the visibility time-out) has its queued
chunks enqueued again — a running campaign without any chunk has its dispatcher enqueued again.
Idempotent: a chunk enqueued twice is run once (chunks.py locks the row and finds it done), so a sweep
that re-enqueues a chunk still in a worker's hands only wastes a message.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Exists, Max, OuterRef
from django.utils import timezone

from benefits.campaigns.enqueue import chunk_enqueue, dispatch_enqueue
from benefits.campaigns.models import Campaign, CampaignChunk, CampaignStatus, ChunkStatus


def campaigns_sweep(*, now=None) -> dict[int, int]:
    """{campaign id: messages enqueued again} for every stalled running campaign."""
    now = now or timezone.now()
    stale = now - timedelta(seconds=settings.CAMPAIGN_SWEEP_AFTER)
    running = Campaign.objects.filter(status=CampaignStatus.RUNNING, started_at__lt=stale).annotate(
        has_chunks=Exists(CampaignChunk.objects.filter(campaign=OuterRef("pk"))),
        last_done=Max("chunks__done_at"),
    )
    swept = {}
    for campaign in running:
        if not campaign.has_chunks:
            dispatch_enqueue(campaign.pk)
            swept[campaign.pk] = 1
            continue
        if campaign.last_done and campaign.last_done >= stale:
            continue  # chunks are still coming back: their messages are flowing
        ids = list(
            campaign.chunks.filter(status=ChunkStatus.QUEUED).order_by("pk").values_list("pk", flat=True)
        )
        for chunk_id in ids:
            chunk_enqueue(chunk_id)
        if ids:
            swept[campaign.pk] = len(ids)
    return swept
