"""Sends the campaigns' Celery tasks by name, on the campaigns' queue.

The services (services.py, events.py, sweep.py) enqueue through this module and never import
tasks.py, which imports them: the dependency goes one way only (tasks -> chunks -> services ->
enqueue). The task is looked up in the Celery app's registry, so an eager run (`make run`, the tests)
still runs it in-process; a process that has not imported the tasks modules yet (a web process)
imports them once, as a worker does at start.
"""

from celery import current_app
from django.conf import settings

DISPATCH_TASK = "campaigns.dispatch"
CHUNK_TASK = "campaigns.chunk"


def task_enqueue(name: str, *args) -> None:
    app = current_app
    if name not in app.tasks:
        app.loader.import_default_modules()
    app.tasks[name].apply_async(args=list(args), queue=settings.CAMPAIGNS_QUEUE)


def dispatch_enqueue(campaign_id: int) -> None:
    task_enqueue(DISPATCH_TASK, campaign_id)


def chunk_enqueue(chunk_id: int) -> None:
    task_enqueue(CHUNK_TASK, chunk_id)
