"""A worker killed (SIGKILL) in the middle of a render: after a restart the letter exists exactly once.

Runs on the real services (CI=true: PostgreSQL, Redis, real Celery workers); locally it needs
REDIS_URL and a PostgreSQL DATABASE_URL, and says so when they are missing. In CI it fails, never skips.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from benefits.letters.models import Letter, LetterStatus
from benefits.letters.services import letter_request
from portal.celery import app as celery_app
from tests.benefits.letters.conftest import file_claim
from tests.environment import REAL_WORKERS, is_ci

ROOT = Path(__file__).resolve().parents[3]
# The render's hard limit (its soft limit is 10 s less): generous, because on a loaded machine the long
# letter below renders for many seconds, and a render cut by the soft limit would be retried, not killed.
TASK_TIME_LIMIT = 40
# The broker gives an unacknowledged message to another worker after this many seconds (acks_late);
# the settings require it above the task's time limit.
VISIBILITY_TIMEOUT = TASK_TIME_LIMIT + 5

# One real worker at a time (tests/environment.py, REAL_WORKERS): this test purges the broker.
pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True),
    pytest.mark.xdist_group(REAL_WORKERS),
]


def needs_real_services():
    problems = []
    if not settings.REDIS_URL:
        problems.append("REDIS_URL is not set")
    if connection.vendor != "postgresql":
        problems.append("the database is not PostgreSQL")
    if problems:
        if is_ci():
            pytest.fail(f"CI=true but {' and '.join(problems)}")
        pytest.skip(f"{' and '.join(problems)}: the kill test needs a real worker on Redis and PostgreSQL")


def start_worker(letters_folder: Path) -> subprocess.Popen:
    db = connection.settings_dict
    env = {
        **os.environ,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        # The worker reads the test database and writes into this test's private folder.
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "LETTERS_ROOT": str(letters_folder),
        "LETTERS_TASK_TIME_LIMIT": str(TASK_TIME_LIMIT),
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool", "solo", "--loglevel", "WARNING"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def test_a_worker_killed_mid_render_leaves_exactly_one_letter(user, file, letters_folder, monkeypatch):
    needs_real_services()
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    celery_app.control.purge()
    # A long letter (about a hundred declared lines) renders for seconds: time to kill the worker.
    claim = file_claim(file, user, commit=False)
    receipt = Letter.objects.get(idempotency_key=f"receipt:claim:{claim.pk}:1")
    context = dict(receipt.context, figures=receipt.context["figures"] * 12)
    Letter.objects.all().delete()
    first = start_worker(letters_folder)
    second = None
    try:
        letter = letter_request(
            file=file, kind="receipt", source_key="claim:long", revision=1, context=context, subject="Long"
        )
        wait_for(lambda: Letter.objects.get(pk=letter.pk).attempts == 1, 60, "the render to start")
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
        letter.refresh_from_db()
        assert letter.status == LetterStatus.QUEUED and not letter.pdf, "killed before the end of the render"

        second = start_worker(letters_folder)
        wait_for(
            lambda: Letter.objects.get(pk=letter.pk).status == LetterStatus.READY,
            VISIBILITY_TIMEOUT + 180,
            "the letter to be rendered by the restarted worker",
        )
        letter.refresh_from_db()
        assert Letter.objects.filter(idempotency_key="receipt:claim:long:1").count() == 1
        assert letter.attempts == 2
        files = sorted(
            p.relative_to(letters_folder).as_posix() for p in letters_folder.rglob("*") if p.is_file()
        )
        assert files == [letter.pdf.name], files  # one PDF, no partial file left by the killed render
        with letter.pdf.open("rb") as handle:
            assert len(handle.read()) == letter.size
    finally:
        for worker in (first, second):
            if worker is not None and worker.poll() is None:
                worker.terminate()
                worker.wait(timeout=30)
