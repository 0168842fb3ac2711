"""In-process tasks (no broker: `make run`, the tests) with Celery's own eager mode, quietly.

Celery's eager apply_async takes a producer from the pool (a kombu connection to the in-memory
transport) only to read its serializer; with the bare URL `memory://` kombu warned "No hostname was
supplied" at each call (each campaign launched under make run). The in-process URL names a host."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from celery.contrib.django.task import DjangoTask
from kombu.exceptions import EncodeError

from portal.celery import app

ROOT = Path(__file__).resolve().parents[2]
# What `make run` sets (DEBUG) and does not set (no Redis, no broker, no eager override).
NOT_UNDER_MAKE_RUN = {"REDIS_URL", "CELERY_BROKER_URL", "CELERY_TASK_ALWAYS_EAGER", "SECRET_KEY", "DEBUG"}


def test_every_project_task_has_djangos_task_class():
    """delay_on_commit (the letters, the campaigns' launch) comes with Celery's Django task class."""
    from tests.portal.test_celery_results import project_tasks

    tasks = project_tasks()
    assert tasks and all(isinstance(task, DjangoTask) for task in tasks.values())


def test_without_a_broker_a_task_runs_in_process_and_kombu_says_nothing():
    code = (
        "import logging, django; logging.basicConfig(level=logging.WARNING); django.setup()\n"
        "from django.conf import settings\n"
        "from portal.tasks import health_ping_task\n"
        "assert settings.CELERY_TASK_ALWAYS_EAGER, settings.CELERY_BROKER_URL\n"
        "print(health_ping_task.delay().get(disable_sync_subtasks=False))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in NOT_UNDER_MAKE_RUN}
    env |= {"DJANGO_SETTINGS_MODULE": "portal.settings", "DEBUG": "true", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["pong"]
    assert "WARNING" not in out.stderr and "hostname" not in out.stderr, out.stderr


def test_its_arguments_still_go_through_the_serializer(monkeypatch):
    """As a message would: what JSON cannot carry fails here too, not only on a real worker."""
    monkeypatch.setitem(app.conf, "task_always_eager", True)
    from benefits.letters.tasks import letter_render_task

    with pytest.raises(EncodeError, match="not JSON serializable"):
        letter_render_task.delay(object())
