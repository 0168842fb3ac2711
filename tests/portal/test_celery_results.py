"""No task stores a result nobody reads: the celery-task-meta-* keys would pile up in Redis.

A letter's or a campaign's task writes its outcome in the database; only the health ping's answer is
read (/healthz), and /healthz forgets it once read. The expiry bounds one left behind.
"""

import importlib

from django.conf import settings

from portal.celery import app as celery_app

READ = {"portal.health_ping"}
TASK_MODULES = ("portal.tasks", "benefits.letters.tasks", "benefits.campaigns.tasks")


def project_tasks() -> dict:
    for module in TASK_MODULES:
        importlib.import_module(module)
    return {name: task for name, task in celery_app.tasks.items() if not name.startswith("celery.")}


def test_the_settings_store_no_result_by_default_and_bound_those_stored():
    assert settings.CELERY_TASK_IGNORE_RESULT is True
    assert celery_app.conf.task_ignore_result is True
    assert (
        celery_app.conf.result_expires == settings.CELERY_RESULT_EXPIRES
        and 0 < settings.CELERY_RESULT_EXPIRES <= 3600
    )


def test_only_the_health_ping_stores_its_result():
    tasks = project_tasks()
    assert {"letters.render", "campaigns.chunk", "campaigns.dispatch", "campaigns.sweep"} <= set(tasks)
    assert {name for name, task in tasks.items() if not task.ignore_result} == READ


def test_healthz_forgets_the_pings_result_once_read(monkeypatch):
    from portal import health

    forgotten = []

    class Result:
        id = "ping"

        def get(self, timeout):
            return "pong"

        def forget(self):
            forgotten.append(self.id)

    monkeypatch.setattr(settings, "CELERY_TASK_ALWAYS_EAGER", False)
    monkeypatch.setattr(health.health_ping_task, "delay", Result)
    assert health.check_celery() == "ok" and forgotten == ["ping"]
