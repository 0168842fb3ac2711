"""A task makes the round trip through Redis and a real Celery worker (CI=true; locally with REDIS_URL)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from portal.celery import app as celery_app
from portal.tasks import health_ping_task
from tests.environment import REAL_WORKERS, is_ci

ROOT = Path(__file__).resolve().parents[2]

# One real worker at a time (tests/environment.py, REAL_WORKERS): see there why.
pytestmark = [pytest.mark.integration, pytest.mark.xdist_group(REAL_WORKERS)]


@pytest.fixture
def real_worker():
    if not settings.REDIS_URL:
        if is_ci():
            pytest.fail("CI=true but REDIS_URL is not set")
        pytest.skip("no REDIS_URL: Celery runs eagerly (set REDIS_URL to run this test)")
    env = {**os.environ, "CELERY_TASK_ALWAYS_EAGER": "false"}
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool", "solo", "--loglevel", "WARNING"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    yield worker
    worker.terminate()
    worker.wait(timeout=30)


def test_health_task_round_trip_through_a_real_worker(real_worker, monkeypatch):
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    result = health_ping_task.apply_async()
    assert result.get(timeout=60) == "pong"
    assert real_worker.poll() is None, "the worker died"


def test_a_letters_task_leaves_no_result_in_redis(real_worker, monkeypatch):
    """celery-task-meta-* keys: a letters task stores none; the health ping's is forgotten once read."""
    import redis

    from benefits.letters.tasks import letters_render_each_task

    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    backend = redis.Redis.from_url(settings.CELERY_RESULT_BACKEND)
    letters = letters_render_each_task.apply_async(args=[[]])  # no letter: the worker needs no database
    ping = health_ping_task.apply_async()  # the solo worker takes them in turn: once answered, both ran
    assert ping.get(timeout=60) == "pong"
    assert backend.exists(f"celery-task-meta-{ping.id}")
    ping.forget()
    assert not backend.exists(f"celery-task-meta-{ping.id}")
    assert not backend.exists(f"celery-task-meta-{letters.id}")
    assert real_worker.poll() is None, "the worker died"
