"""Celery tasks of the campaigns: thin, they carry an id to a service (benefits/campaigns/services.py).

They run on their own queue (settings.CAMPAIGNS_QUEUE, routed in portal/settings.py) so that letters
and the portal's own tasks are never starved. acks_late + reject_on_worker_lost: a task is
acknowledged only once its chunk is committed, so a worker killed in the middle (SIGKILL, OOM, a lost
machine) gives the message back to the broker, and another worker runs the chunk again from scratch.
"""

from celery import shared_task
from django.conf import settings

from benefits.campaigns.chunks import chunk_fail, chunk_run
from benefits.campaigns.services import campaign_dispatch
from benefits.campaigns.sweep import campaigns_sweep

RELIABLE = {"acks_late": True, "reject_on_worker_lost": True}


@shared_task(name="campaigns.dispatch", **RELIABLE)
def campaign_dispatch_task(campaign_id: int) -> int:
    return campaign_dispatch(campaign_id=campaign_id)


@shared_task(name="campaigns.chunk", bind=True, max_retries=None, **RELIABLE)
def campaign_chunk_task(self, chunk_id: int) -> str:
    """Failures are retried with an exponential backoff, counted on the chunk's row (so a worker's death
    does not reset them), and a chunk out of retries is parked; in-process (no broker) it retries at once."""
    while True:
        try:
            return chunk_run(chunk_id=chunk_id)
        except Exception as error:  # any failure: retried, then parked, never lost
            attempts = chunk_fail(
                chunk_id=chunk_id,
                error=f"{type(error).__name__}: {error}",
                retries=settings.CAMPAIGN_CHUNK_RETRIES,
            )
            if attempts is None or attempts > settings.CAMPAIGN_CHUNK_RETRIES:
                return "parked"
            if not self.request.is_eager:
                raise self.retry(countdown=settings.CAMPAIGN_RETRY_BACKOFF * 2 ** (attempts - 1)) from error


@shared_task(name="campaigns.sweep")
def campaigns_sweep_task() -> dict:
    """Celery beat's (CELERY_BEAT_SCHEDULE): stalled campaigns get their queued chunks enqueued again."""
    return {str(pk): count for pk, count in campaigns_sweep().items()}
