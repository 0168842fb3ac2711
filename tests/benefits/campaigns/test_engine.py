"""The engine: a chunk delivered twice changes nothing; failures are retried, then parked; pause,
resume and cancel; progress read from the rows (in-process Celery; the real worker is test_worker.py)."""

from decimal import Decimal

import pytest

from benefits.campaigns import chunks
from benefits.campaigns.models import CampaignChunk, CampaignResult, ChunkStatus
from benefits.campaigns.progress import campaign_progress
from benefits.campaigns.services import (
    campaign_cancel,
    campaign_create,
    campaign_dispatch,
    campaign_launch,
    campaign_pause,
    campaign_resume,
)
from benefits.campaigns.tasks import campaign_chunk_task
from benefits.claims.models import AllocataireFile

pytestmark = pytest.mark.django_db


def new(kind="non_recours", operator=None, chunk_size=20):
    return campaign_create(
        kind=kind, month="2026-12", threshold=Decimal(10), by=operator, chunk_size=chunk_size
    )


def test_chunks_cover_every_file_once_and_a_redelivered_chunk_changes_nothing(demo_file, operator):
    campaign = new(operator=operator)
    campaign_launch(campaign=campaign, by=operator)  # the dispatcher waits for the commit
    campaign_dispatch(campaign_id=campaign.pk)
    ranges = list(campaign.chunks.order_by("first_pk").values_list("first_pk", "last_pk"))
    pks = list(AllocataireFile.objects.order_by("pk").values_list("pk", flat=True))
    covered = [pk for pk in pks if any(a <= pk <= b for a, b in ranges)]
    assert covered == pks and len(ranges) == -(-len(pks) // 20)
    assert all(ranges[i][1] < ranges[i + 1][0] for i in range(len(ranges) - 1))
    chunk = campaign.chunks.first()
    before = CampaignResult.objects.filter(campaign=campaign).count()
    assert campaign_chunk_task.apply(args=[chunk.pk]).get() == "already done"
    assert CampaignResult.objects.filter(campaign=campaign).count() == before == len(pks)
    campaign.refresh_from_db()
    assert campaign.status == "terminee"


def test_a_chunk_failing_twice_is_retried_and_ends_with_one_result_per_household(
    demo_file, monkeypatch, settings
):
    settings.CAMPAIGN_RETRY_BACKOFF = 0
    failures = {"left": 2}
    real = chunks.evaluate

    def flaky(campaign, files):
        if failures["left"]:
            failures["left"] -= 1
            raise ConnectionError("database went away")
        return real(campaign, files)

    monkeypatch.setattr(chunks, "evaluate", flaky)
    campaign = new(chunk_size=1000)
    campaign_launch(campaign=campaign, by=None)
    campaign_dispatch(campaign_id=campaign.pk)
    chunk = campaign.chunks.get()
    assert (chunk.status, chunk.attempts, chunk.error) == ("done", 2, "ConnectionError: database went away")
    assert campaign.results.count() == AllocataireFile.objects.count()


def test_a_chunk_that_keeps_failing_is_parked_with_its_error_and_the_rest_goes_on(
    demo_file, monkeypatch, settings
):
    settings.CAMPAIGN_RETRY_BACKOFF = 0
    settings.CAMPAIGN_CHUNK_RETRIES = 2
    real = chunks.evaluate
    first_pk = AllocataireFile.objects.order_by("pk").first().pk

    def broken_first(campaign, files):
        if files and files[0]["pk"] == first_pk:
            raise ValueError("household 1 is corrupt")
        return real(campaign, files)

    monkeypatch.setattr(chunks, "evaluate", broken_first)
    campaign = new()
    campaign_launch(campaign=campaign, by=None)
    campaign_dispatch(campaign_id=campaign.pk)
    parked = campaign.chunks.get(status=ChunkStatus.PARKED)
    assert parked.first_pk == first_pk and parked.attempts == 3 and "corrupt" in parked.error
    assert campaign.chunks.filter(status=ChunkStatus.DONE).count() == campaign.chunks.count() - 1
    campaign.refresh_from_db()
    assert campaign.status == "terminee"
    progress = campaign_progress(campaign=campaign)
    assert progress["errors"] == 1 and progress["done"] == AllocataireFile.objects.count() - 20


def test_pause_resume_and_cancel(demo_file, operator, django_capture_on_commit_callbacks):
    campaign = new(operator=operator)
    campaign_launch(campaign=campaign, by=operator)
    assert campaign_pause(campaign=campaign, by=operator)
    campaign_dispatch(campaign_id=campaign.pk)  # the chunks' tasks run and return at once
    assert not campaign.results.exists()
    assert set(campaign.chunks.values_list("status", flat=True)) == {"queued"}
    assert campaign_progress(campaign=campaign)["done"] == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert campaign_resume(campaign=campaign, by=operator)
    campaign.refresh_from_db()
    assert campaign.status == "terminee"
    assert campaign.results.count() == AllocataireFile.objects.count()
    assert not campaign_pause(campaign=campaign, by=operator)  # a finished campaign stays finished

    other = new(operator=operator)
    campaign_launch(campaign=other, by=operator)
    campaign_dispatch_only = CampaignChunk.objects.filter(campaign=other)
    assert campaign_pause(campaign=other, by=operator)
    campaign_dispatch(campaign_id=other.pk)
    first = campaign_dispatch_only.order_by("pk").first()
    assert campaign_cancel(campaign=other, by=operator)
    other.refresh_from_db()
    assert other.status == "annulee"
    assert set(campaign_dispatch_only.values_list("status", flat=True)) == {"cancelled"}
    assert campaign_chunk_task.apply(args=[first.pk]).get() == "already cancelled"
    assert not other.results.exists()
