"""The progress the operator reads: the rate and the ETA count working time only, never the pauses."""

from datetime import timedelta

import pytest
from django.utils import timezone

from benefits.campaigns.models import Campaign, CampaignChunk, ChunkStatus
from benefits.campaigns.progress import campaign_progress
from benefits.campaigns.services import campaign_pause, campaign_resume

pytestmark = pytest.mark.django_db


def running(operator, *, started_ago: int, done: int, total: int) -> Campaign:
    now = timezone.now()
    campaign = Campaign.objects.create(
        kind="recalcul",
        month="2026-12",
        status="en_cours",
        created_by=operator,
        started_at=now - timedelta(seconds=started_ago),
        total=total,
    )
    CampaignChunk.objects.create(
        campaign=campaign, first_pk=1, last_pk=done, status=ChunkStatus.DONE, households=done
    )
    CampaignChunk.objects.create(campaign=campaign, first_pk=done + 1, last_pk=total)
    return campaign


def test_a_pause_counts_neither_in_the_rate_nor_in_the_eta(operator):
    # 1 000 households in 100 s of work, then a pause of an hour: 10 households a second all along.
    campaign = running(operator, started_ago=3700, done=1000, total=2000)
    assert campaign_pause(campaign=campaign, by=operator)
    Campaign.objects.filter(pk=campaign.pk).update(paused_at=campaign.started_at + timedelta(seconds=100))
    campaign.refresh_from_db()
    paused = campaign_progress(campaign=campaign)
    assert paused["rate"] == pytest.approx(10, rel=0.01) and paused["eta"] is None
    assert campaign_resume(campaign=campaign, by=operator)
    campaign.refresh_from_db()
    assert campaign.paused_at is None and campaign.paused_seconds == pytest.approx(3600, abs=5)
    now = timezone.now()
    resumed = campaign_progress(campaign=campaign, now=now)
    assert resumed["rate"] == pytest.approx(10, rel=0.05)  # without the fix: 1000 / 3700 s, 0.27 a second
    assert resumed["eta"] - now == pytest.approx(timedelta(seconds=100), abs=timedelta(seconds=5))


def test_a_campaign_cancelled_while_paused_keeps_the_rate_of_its_work(operator):
    campaign = running(operator, started_ago=600, done=500, total=2000)
    paused_at = campaign.started_at + timedelta(seconds=50)
    Campaign.objects.filter(pk=campaign.pk).update(
        status="annulee", paused_at=paused_at, finished_at=timezone.now()
    )
    campaign.refresh_from_db()
    assert campaign_progress(campaign=campaign)["rate"] == pytest.approx(10, rel=0.01)
