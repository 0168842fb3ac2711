"""The append-only audit journal: who did what, when, through which channel (home, kiosk, agent).

An entry is never updated nor deleted: `save()` on an existing row, `delete()` and the QuerySet's
bulk `update()`/`delete()` raise. Entries carry identifiers, never personal data.
"""

from django.conf import settings
from django.db import models


class JournalIsAppendOnly(Exception):
    pass


class JournalQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise JournalIsAppendOnly("journal entries cannot be updated")

    def delete(self):
        raise JournalIsAppendOnly("journal entries cannot be deleted")


class JournalEntry(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=16)
    action = models.CharField(max_length=64)
    target = models.CharField(max_length=128, help_text="Type and identifier of the object, e.g. claim:42")
    details = models.JSONField(default=dict, blank=True)

    objects = JournalQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = "entrée du journal"
        verbose_name_plural = "journal"

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise JournalIsAppendOnly("journal entries cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise JournalIsAppendOnly("journal entries cannot be deleted")
