"""/healthz: the state of the database, the cache (and broker), and Celery, as JSON."""

import logging

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from portal.tasks import health_ping_task

logger = logging.getLogger(__name__)
CELERY_TIMEOUT_SECONDS = 3


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def check_cache() -> str:
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("cache did not return the value just written")
    return "ok"


def check_celery() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        # In-process: Celery's "inside a task" flag is per process, so an eager campaign running in a
        # thread of this process (`make run`) would make .get() refuse here; the call itself is the check.
        health_ping_task.delay().get(timeout=CELERY_TIMEOUT_SECONDS, disable_sync_subtasks=False)
        return "ok (eager)"
    result = health_ping_task.delay()
    try:
        if result.get(timeout=CELERY_TIMEOUT_SECONDS) != "pong":
            raise RuntimeError("unexpected answer from the worker")
    finally:
        result.forget()  # its celery-task-meta key, read once (or expiring: CELERY_RESULT_EXPIRES)
    return "ok"


CHECKS = {"database": check_database, "cache": check_cache, "celery": check_celery}


@never_cache
@login_not_required
def healthz(request):
    states = {}
    for name, check in CHECKS.items():
        try:
            states[name] = check()
        except Exception as exc:  # any failure of a dependency is reported, never raised
            logger.warning("healthz: %s is down (%s)", name, type(exc).__name__)
            states[name] = "down"
    healthy = all(state.startswith("ok") for state in states.values())
    return JsonResponse(
        {"status": "ok" if healthy else "down", "checks": states}, status=200 if healthy else 503
    )
