"""In-process tasks (no broker: `make run`, the tests) open no broker connection: Celery's eager
apply_async used to take a producer from the pool (a kombu connection to memory://) only to read its
serializer, and kombu warned "No hostname was supplied" when a campaign was launched under make run."""

import pytest

from portal.celery import app
from portal.celery_task import PortalTask
from portal.tasks import health_ping_task


@pytest.fixture
def eager_without_broker(monkeypatch):
    monkeypatch.setitem(app.conf, "task_always_eager", True)

    def no_broker(*args, **kwargs):
        raise AssertionError("an in-process task asked for a broker connection")

    monkeypatch.setattr(app, "producer_or_acquire", no_broker)
    monkeypatch.setattr(app, "connection_for_write", no_broker)


def test_every_project_task_has_the_portal_base_class():
    from tests.portal.test_celery_results import project_tasks

    tasks = project_tasks()
    assert tasks and all(isinstance(task, PortalTask) for task in tasks.values())


def test_an_in_process_task_runs_without_a_broker_connection(eager_without_broker):
    assert health_ping_task.delay().get(disable_sync_subtasks=False) == "pong"


def test_its_arguments_still_go_through_the_serializer(eager_without_broker):
    """As a message would: what JSON cannot carry fails here too, not only on a real worker."""
    with pytest.raises(Exception, match="not JSON serializable|EncodeError|serializ"):
        app.tasks[health_ping_task.name].apply_async(args=[object()])
