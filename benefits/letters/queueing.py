"""Queues the letters' Celery tasks by name, so that the services never import the tasks module (which
imports the services): no import cycle, and the same behaviour as calling the task object.

The task is looked up in the Celery app's registry rather than sent with `send_task`, so Celery's own
options still apply: eager mode without a broker (`make run`, the tests), `delay_on_commit`, the task's
retry and time-limit settings.
"""

from celery import current_app

RENDER_TASK = "letters.render"
RENDER_EACH_TASK = "letters.render_each"


def registered_task(name: str):
    app = current_app
    if name not in app.tasks:
        # The autodiscovered tasks modules are imported lazily; a worker imports them at start.
        app.loader.import_default_modules()
    return app.tasks[name]


def render_enqueue(letter_id: int) -> None:
    """Renders the letter once the current transaction commits (nothing is queued on rollback)."""
    registered_task(RENDER_TASK).delay_on_commit(letter_id)


def render_each_enqueue(letter_ids: list[int]) -> None:
    """One message for many letters (a campaign chunk's), sent once the current transaction commits:
    a letters worker then queues each rendering (tasks.py). A thousand messages from the chunk itself
    cost it seconds of publishing (≈ 4 ms each on a loaded machine), more than its whole computation."""
    registered_task(RENDER_EACH_TASK).delay_on_commit(list(letter_ids))
