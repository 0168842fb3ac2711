"""The sweep: a running campaign whose chunks' messages were lost ends all the same, once per household."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from benefits.campaigns.models import Campaign, CampaignResult, CampaignStatus, ChunkStatus
from benefits.campaigns.services import campaign_create, campaign_dispatch
from benefits.campaigns.sweep import campaigns_sweep
from benefits.campaigns.tasks import campaigns_sweep_task
from benefits.claims.models import AllocataireFile

pytestmark = pytest.mark.django_db


def running(operator, started_ago: int) -> Campaign:
    campaign = campaign_create(
        kind="non_recours", month="2026-12", threshold=Decimal(10), by=operator, chunk_size=20
    )
    Campaign.objects.filter(pk=campaign.pk).update(
        status=CampaignStatus.RUNNING, started_at=timezone.now() - timedelta(seconds=started_ago)
    )
    return campaign


def test_lost_chunk_messages_are_enqueued_again_once_the_campaign_stalls(
    demo_file, operator, monkeypatch, settings
):
    settings.CAMPAIGN_SWEEP_AFTER = 600
    campaign = running(operator, started_ago=10)
    lost = []
    monkeypatch.setattr("benefits.campaigns.services.chunk_enqueue", lost.append)  # the broker loses them
    campaign_dispatch(campaign_id=campaign.pk)
    assert lost and campaign.chunks.filter(status=ChunkStatus.QUEUED).count() == len(lost)

    assert campaigns_sweep() == {}  # started 10 s ago: not stalled yet
    later = timezone.now() + timedelta(seconds=700)
    assert campaigns_sweep(now=later) == {campaign.pk: len(lost)}

    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.DONE
    assert CampaignResult.objects.filter(campaign=campaign).count() == AllocataireFile.objects.count()
    assert campaigns_sweep(now=later) == {}  # a done campaign is left alone


def test_the_sweep_is_idempotent_and_leaves_a_progressing_campaign_alone(
    demo_file, operator, monkeypatch, settings
):
    settings.CAMPAIGN_SWEEP_AFTER = 600
    campaign = running(operator, started_ago=3600)
    monkeypatch.setattr("benefits.campaigns.services.chunk_enqueue", lambda chunk_id: None)
    campaign_dispatch(campaign_id=campaign.pk)
    first, *rest = campaign.chunks.order_by("pk")
    # One chunk came back a minute ago: messages are flowing, nothing is enqueued again.
    campaign.chunks.filter(pk=first.pk).update(
        status=ChunkStatus.DONE, done_at=timezone.now() - timedelta(seconds=60)
    )
    assert campaigns_sweep() == {}

    sent = []
    monkeypatch.setattr("benefits.campaigns.sweep.chunk_enqueue", sent.append)
    later = timezone.now() + timedelta(seconds=700)
    assert campaigns_sweep(now=later) == {campaign.pk: len(rest)}
    assert campaigns_sweep(now=later) == {campaign.pk: len(rest)}  # swept twice: the same chunks, no more
    assert sent == [chunk.pk for chunk in rest] * 2
    monkeypatch.undo()
    for chunk_id in sent:  # both deliveries of each chunk arrive: the second finds it done
        campaigns_sweep_task.app.tasks["campaigns.chunk"].apply(args=[chunk_id])
    results = CampaignResult.objects.filter(campaign=campaign)
    assert results.count() == results.values("file").distinct().count()
    assert not campaign.chunks.filter(status=ChunkStatus.QUEUED).exclude(pk=first.pk).exists()


def test_a_running_campaign_whose_dispatcher_was_lost_is_dispatched_again(demo_file, operator, settings):
    settings.CAMPAIGN_SWEEP_AFTER = 600
    campaign = running(operator, started_ago=3600)
    assert campaigns_sweep_task.apply().get() == {str(campaign.pk): 1}
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.DONE
    assert CampaignResult.objects.filter(campaign=campaign).count() == AllocataireFile.objects.count()
