"""What the operator sees of a running campaign, read from its rows (never from Celery's state)."""

from datetime import timedelta

from django.db.models import Count, Sum
from django.utils import timezone

from benefits.campaigns.models import Campaign, ChunkStatus
from benefits.campaigns.payments import calendar


def campaign_progress(*, campaign: Campaign, now=None) -> dict:
    now = now or timezone.now()
    by_status = {
        row["status"]: row
        for row in campaign.chunks.values("status").annotate(chunks=Count("pk"), households=Sum("households"))
    }
    done = (by_status.get(ChunkStatus.DONE) or {}).get("households") or 0
    errors = (by_status.get(ChunkStatus.PARKED) or {}).get("chunks") or 0
    total = campaign.total
    # Working time only: a campaign paused (or cancelled while paused) stopped at its pause, and the
    # past pauses are taken off, or a night's pause would divide the rate and push the ETA away.
    end = campaign.paused_at or campaign.finished_at or now
    elapsed = (
        (end - campaign.started_at).total_seconds() - campaign.paused_seconds if campaign.started_at else 0
    )
    rate = done / elapsed if elapsed > 0 and done else 0.0
    remaining = max(total - done, 0)
    eta = None
    if campaign.finished_at:
        eta = campaign.finished_at
    elif rate and campaign.status == "en_cours":
        eta = now + timedelta(seconds=remaining / rate)
    return {
        "campaign": campaign,
        "done": done,
        "total": total,
        "percent": round(100 * done / total) if total else 0,
        "errors": errors,
        "rate": rate,
        "eta": eta,
        "finished": bool(campaign.finished_at),
        # A finished campaign's calendar is the one of the day it finished, not of today's next run.
        "calendar": calendar(now=campaign.finished_at or now, eta=eta) if campaign.pays else None,
    }
