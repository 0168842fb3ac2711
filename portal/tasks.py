from celery import shared_task


@shared_task(name="portal.health_ping")
def health_ping_task() -> str:
    """Round trip used by /healthz and the integration test: a worker received and answered."""
    return "pong"
