"""The portal's base Celery task: in-process runs (no broker: `make run`, the tests) touch no broker.

Celery's own eager `apply_async` (what `delay` and `delay_on_commit` call) still acquires a producer
from the connection pool only to read its serializer: a kombu connection to the `memory://` transport,
for which kombu warns "No hostname was supplied. Reverting to default 'localhost'" — the log line a
campaign launched under `make run` printed, although its tasks run in this process. Eager here, the
arguments make the same round trip through the task serializer as a message would (what a worker would
receive, so a value JSON cannot carry still fails), then `apply()` runs the task, as Celery does, with
its options (eager propagation, links). With a broker nothing changes.
"""

from celery.contrib.django.task import DjangoTask
from celery.result import denied_join_result
from kombu import serialization
from kombu.utils.uuid import uuid


class PortalTask(DjangoTask):
    def apply_async(
        self,
        args=None,
        kwargs=None,
        task_id=None,
        producer=None,
        link=None,
        link_error=None,
        shadow=None,
        **options,
    ):
        app = self._get_app()
        if not app.conf.task_always_eager:
            return super().apply_async(args, kwargs, task_id, producer, link, link_error, shadow, **options)
        options = dict(self._get_exec_options(), **options)
        options.setdefault("ignore_result", self.ignore_result)
        serializer = options.get("serializer") or self.serializer or app.conf.task_serializer
        content_type, encoding, data = serialization.dumps((args or (), kwargs or {}), serializer)
        args, kwargs = serialization.loads(data, content_type, encoding, accept=[content_type])
        with denied_join_result():
            return self.apply(
                args, kwargs, task_id=task_id or uuid(), link=link, link_error=link_error, **options
            )
