"""Sends the campaigns' Celery tasks by name, on the campaigns' queue.

The services (services.py, events.py, sweep.py) enqueue through this module and never import
tasks.py, which imports them: the dependency goes one way only (tasks -> chunks -> services ->
enqueue). The task is looked up in the Celery app's registry, so an eager run (`make run`, the tests)
still runs it in-process; a process that has not imported the tasks modules yet (a web process)
imports them once, as a worker does at start.
"""

import queue
import threading

from celery import current_app
from django.conf import settings
from django.db import connections

DISPATCH_TASK = "campaigns.dispatch"
CHUNK_TASK = "campaigns.chunk"
THREAD_NAME = "campaign-in-process"


def task_enqueue(name: str, *args) -> None:
    app = current_app
    if name not in app.tasks:
        app.loader.import_default_modules()
    in_thread = threading.current_thread().name == THREAD_NAME
    if settings.CELERY_TASK_ALWAYS_EAGER and settings.CAMPAIGNS_RUN_IN_THREAD and not in_thread:
        in_background(app.tasks[name].apply_async, args=list(args), queue=settings.CAMPAIGNS_QUEUE)
        return
    app.tasks[name].apply_async(args=list(args), queue=settings.CAMPAIGNS_QUEUE)


_calls: queue.SimpleQueue = queue.SimpleQueue()
_worker_lock = threading.Lock()
_worker: threading.Thread | None = None


def in_background(function, **kwargs) -> threading.Thread:
    """Without a broker (`make run`), hands an eager task to one background thread of the web
    process, so that the operator's request returns at once and the progress page shows the campaign
    moving. Calls run one after the other in that thread, as on a one-process worker (a resume that
    enqueues every queued chunk does not start a thread per chunk); the chunks a dispatcher enqueues
    run inline in it. The thread ends when nothing is left. Production has a broker and workers."""
    global _worker
    _calls.put((function, kwargs))
    with _worker_lock:
        if _worker is None or not _worker.is_alive():
            _worker = threading.Thread(target=_drain, name=THREAD_NAME, daemon=True)
            _worker.start()
        return _worker


def _drain() -> None:
    global _worker
    while True:
        with _worker_lock:
            try:
                function, kwargs = _calls.get_nowait()
            except queue.Empty:
                _worker = None
                return
        try:
            function(**kwargs)
        finally:
            connections.close_all()


def dispatch_enqueue(campaign_id: int) -> None:
    task_enqueue(DISPATCH_TASK, campaign_id)


def chunk_enqueue(chunk_id: int) -> None:
    task_enqueue(CHUNK_TASK, chunk_id)
