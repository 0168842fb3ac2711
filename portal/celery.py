"""Celery application. Tasks are thin: they fetch by id and call a service."""

import os

from celery import Celery
from celery.signals import task_postrun, task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

# In-process runs touch no broker connection (portal/celery_task.py).
app = Celery("portal", task_cls="portal.celery_task:PortalTask")
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
