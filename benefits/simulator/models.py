import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(24)


def default_expiry():
    return timezone.now() + timedelta(days=settings.SIMULATION_RETENTION_DAYS)


class SimulationQuerySet(models.QuerySet):
    def expired(self):
        return self.filter(expires_at__lte=timezone.now())

    def alive(self):
        return self.filter(expires_at__gt=timezone.now())


class Simulation(models.Model):
    """A finished simulation, kept for a limited time so that it can be resumed and replayed."""

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    month = models.CharField(max_length=7)
    answers = models.JSONField(default=dict)
    household = models.JSONField()
    result = models.JSONField()
    engine_version = models.CharField(max_length=32)
    parameters_version = models.CharField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=default_expiry, db_index=True)

    objects = SimulationQuerySet.as_manager()

    class Meta:
        verbose_name = _("simulation")
        verbose_name_plural = _("simulations")

    def __str__(self):
        return f"Simulation {self.month} ({self.created_at:%Y-%m-%d})"
