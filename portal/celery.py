"""Celery application. Tasks are thin: they fetch by id and call a service."""

import gc
import os

from celery import Celery
from celery.signals import task_postrun, task_prerun, worker_process_init, worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Feature packages inside the benefits app keep their own tasks modules.
app.autodiscover_tasks(["benefits.campaigns", "benefits.letters"])

# Celery's Django fixup closes the database connections before and after every task unless
# CELERY_DB_REUSE_MAX is set: a campaign worker opened a new PostgreSQL connection for each chunk (a
# new backend, its catalog caches cold, the session set up again). The worker keeps its connection as
# Django does between requests instead: closed when older than CONN_MAX_AGE or unusable
# (close_old_connections, around each task); the fixup closes it anyway every DB_REUSE tasks.
DB_REUSE = 1000
app.conf.CELERY_DB_REUSE_MAX = DB_REUSE


@task_prerun.connect
@task_postrun.connect
def connections_refresh(task=None, **kwargs) -> None:
    if task is None or getattr(task.request, "is_eager", False):
        return  # in-process (make run, tests): the caller's connection and transaction
    from django.db import close_old_connections

    close_old_connections()


# The garbage collector: a chunk allocates hundreds of thousands of small objects (the households, their
# evaluations, the letters' contexts), nearly all freed by reference counting, none in a cycle that
# matters. With Python's default thresholds (700, 10, 10) a campaign worker spent ≈ 0.03 s a chunk in
# collections (≈ 7 % of its CPU), a full one (0.18 s) every few chunks walking the whole process: Celery,
# Django, the rules, the parameters, all imported once and alive for good. After start-up those are
# frozen (gc.freeze: never walked again) and the young generation is collected every GC_YOUNG
# allocations instead of 700: cycles are still collected, a little later.
GC_YOUNG = 50_000


@worker_ready.connect
@worker_process_init.connect
def gc_tune(**kwargs) -> None:
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])
