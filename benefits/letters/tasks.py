"""Celery tasks of the letters: fetch by id, call the service (retries and failure are Celery's job).

acks_late + reject_on_worker_lost: the message is acknowledged after the render, so a worker killed
mid-render gives the letter to another worker (the service then renders it once); the broker's
visibility timeout (CELERY_BROKER_TRANSPORT_OPTIONS) is above the time limit below.
"""

from celery import shared_task
from django.conf import settings

from benefits.letters.queueing import RENDER_EACH_TASK, RENDER_TASK
from benefits.letters.services import letter_mark_failed, letter_render, letters_render_each


def backoff(retries: int) -> int:
    """10 s, 20 s, 40 s… capped at 10 minutes."""
    return min(10 * 2**retries, 600)


@shared_task(
    bind=True,
    name=RENDER_TASK,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=settings.LETTERS_MAX_ATTEMPTS - 1,
    soft_time_limit=settings.LETTERS_TASK_TIME_LIMIT - 10,
    time_limit=settings.LETTERS_TASK_TIME_LIMIT,
)
def letter_render_task(self, letter_id: int):
    try:
        letter_render(letter_id=letter_id)
    except Exception as error:
        if self.request.retries >= self.max_retries:
            letter_mark_failed(letter_id=letter_id, error=error)
            return
        retry = self.retry(exc=error, countdown=backoff(self.request.retries), throw=False)
        if self.request.is_eager:
            # In-process (make run, tests): apply() runs the returned retry at once; raising it would
            # reach the request that filed the claim.
            return retry
        raise retry from error


@shared_task(name=RENDER_EACH_TASK, acks_late=True, reject_on_worker_lost=True)
def letters_render_each_task(letter_ids: list[int]):
    letters_render_each(letter_ids=letter_ids)
