"""The append-only audit journal: who did what, when, through which channel (home, kiosk, agent).

An entry is never updated nor deleted: `save()` on an existing row, `delete()` and the QuerySet's
bulk `update()`/`delete()` raise. Entries carry identifiers, never personal data.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.journal_actions import action_label


class JournalIsAppendOnly(Exception):
    pass


class JournalQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise JournalIsAppendOnly("journal entries cannot be updated")

    def delete(self):
        raise JournalIsAppendOnly("journal entries cannot be deleted")


class Channel(models.TextChoices):
    """The channels of portal.channels, as /gestion/ names them."""

    HOME = "home", _("À domicile")
    KIOSK = "kiosk", _("Poste en libre-service")
    AGENT = "agent", _("Agent de la CAF")


class JournalEntry(models.Model):
    at = models.DateTimeField(_("date et heure"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("fait par"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    channel = models.CharField(_("canal"), max_length=16, choices=Channel.choices)
    action = models.CharField(_("action"), max_length=64)
    target = models.CharField(
        _("objet concerné"),
        max_length=128,
        help_text=_("Type et identifiant de l’objet, par exemple claim:42"),
    )
    details = models.JSONField(_("détails"), default=dict, blank=True)

    objects = JournalQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("entrée du journal")
        verbose_name_plural = _("entrées du journal")

    def __str__(self):
        # In Paris time, as /gestion/ shows `at` beside it.
        return f"{timezone.localtime(self.at):%Y-%m-%d %H:%M} {action_label(self.action)} {self.target}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise JournalIsAppendOnly("journal entries cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise JournalIsAppendOnly("journal entries cannot be deleted")
