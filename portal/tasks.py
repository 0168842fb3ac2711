from celery import shared_task


@shared_task(name="portal.health_ping", ignore_result=False)
def health_ping_task() -> str:
    """Round trip used by /healthz and the integration test: a worker received and answered.
    The one task whose result is read (settings: CELERY_TASK_IGNORE_RESULT); /healthz forgets it."""
    return "pong"
