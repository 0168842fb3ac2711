"""Nothing lost, nothing doubled: a real Celery worker on Redis is killed (SIGKILL) in the middle of a
campaign, a second worker takes over, and the campaign ends with exactly one result per household.

Runs with CI=true (PostgreSQL + Redis) — and fails there if they are missing; locally it needs
REDIS_URL and PostgreSQL. The campaign uses a queue of its own, so no other test's worker (or
another developer's) can consume its tasks.
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from benefits.campaigns.demo_load import campaign_demo_load
from benefits.campaigns.models import CampaignChunk, CampaignResult, ChunkStatus, Outcome
from benefits.campaigns.services import campaign_create, campaign_launch
from benefits.claims.models import AllocataireFile
from portal.celery import app as celery_app
from tests.environment import is_ci

ROOT = Path(__file__).resolve().parents[3]
pytestmark = [pytest.mark.integration, pytest.mark.xdist_group("campaign-worker")]


def worker_env(queue: str) -> dict:
    db = settings.DATABASES["default"]
    return {
        **os.environ,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CAMPAIGNS_QUEUE": queue,
        # The test database pytest-django created, not the configured one.
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
        # A message a killed worker held comes back within seconds (production: an hour, docs/campaigns.md).
        "LETTERS_TASK_TIME_LIMIT": "20",  # the visibility time-out must exceed the letters task limit
        "CELERY_VISIBILITY_TIMEOUT": "25",
        "CELERY_UNACKED_RESTORE_INTERVAL": "1",
        "CELERY_UNACKED_RESTORE_THROTTLE": "1",
    }


def start_worker(queue: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool", "solo"]
    command += ["-Q", queue, "--prefetch-multiplier", "1", "--loglevel", "WARNING", "-n", f"{queue}@%h"]
    return subprocess.Popen(command, cwd=ROOT, env=worker_env(queue), stdout=subprocess.DEVNULL)


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture
def real_services(settings, monkeypatch):
    if not settings.REDIS_URL or connection.vendor != "postgresql":
        if is_ci():
            pytest.fail("CI=true but Redis or PostgreSQL is not configured")
        pytest.skip("needs REDIS_URL and PostgreSQL (CI=true)")
    queue = f"campaigns-test-{uuid.uuid4().hex[:8]}"
    settings.CAMPAIGNS_QUEUE = queue
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    yield queue
    with celery_app.connection_for_write() as conn:
        conn.default_channel.queue_delete(queue)


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_campaign_loses_nothing_and_doubles_nothing(real_services, tmp_path):
    queue = real_services
    campaign_demo_load(households=400, last_month="2026-11", seed=11, folder=tmp_path)
    campaign = campaign_create(kind="recalcul", month="2026-12", threshold=Decimal(1), by=None, chunk_size=20)
    campaign_launch(campaign=campaign, by=None)
    chunks = CampaignChunk.objects.filter(campaign=campaign)

    first = start_worker(queue)
    try:
        wait_for(lambda: chunks.filter(status=ChunkStatus.DONE).count() >= 3, 120, "three chunks done")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    done_when_killed = chunks.filter(status=ChunkStatus.DONE).count()
    assert done_when_killed < chunks.count(), "the campaign ended before the kill: make the chunks smaller"

    second = start_worker(queue)
    try:
        wait_for(lambda: campaign.__class__.objects.get(pk=campaign.pk).status == "terminee", 180, "the end")
    finally:
        second.terminate()
        second.wait(timeout=30)

    files = AllocataireFile.objects.count()
    results = CampaignResult.objects.filter(campaign=campaign)
    assert results.count() == files
    assert results.values("file").distinct().count() == files
    assert set(chunks.values_list("status", flat=True)) == {ChunkStatus.DONE}
    assert sum(chunks.values_list("households", flat=True)) == files
    notified = results.filter(outcome=Outcome.NOTIFIED)
    assert notified.exists()
    # Every notified household's right was recorded exactly once: its file holds the new amounts.
    for result in notified[:50]:
        rights = {r["benefit"]: r["amount"] for r in AllocataireFile.objects.get(pk=result.file_id).rights}
        assert {k: rights[k] for k in result.new_amounts} == result.new_amounts
