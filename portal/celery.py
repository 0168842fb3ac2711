"""Celery application. Tasks are thin: they fetch by id and call a service."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Feature packages inside the benefits app keep their own tasks modules.
app.autodiscover_tasks(["benefits.campaigns", "benefits.letters"])
