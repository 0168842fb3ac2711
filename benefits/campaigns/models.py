"""Campaigns over the whole file: the campaign, its chunks (pk ranges), one result per household,
and the payments an exceptional aid records.

Progress is read from these rows (never from Celery's state): a chunk is done when its results are
committed, in the same transaction.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from benefits.campaigns.feed_models import (
    IncomeFeedImport,
    IncomeKind,
    IncomeRecord,
    IncomeSummary,
    PersonNir,
)

__all__ = [
    "Campaign",
    "CampaignChunk",
    "CampaignResult",
    "IncomeFeedImport",
    "IncomeKind",
    "IncomeRecord",
    "IncomeSummary",
    "PaymentOrder",
    "PersonNir",
]


class CampaignKind(models.TextChoices):
    NON_RECOURS = "non_recours", _("Non-recours : « vous pourriez avoir droit »")
    RECALCULATION = "recalcul", _("Recalcul trimestriel des droits")
    EXCEPTIONAL_AID = "aide_exceptionnelle", _("Aide exceptionnelle de solidarité")


class CampaignStatus(models.TextChoices):
    DRAFT = "brouillon", _("Brouillon")
    RUNNING = "en_cours", _("En cours")
    PAUSED = "en_pause", _("En pause")
    CANCELLED = "annulee", _("Annulée")
    DONE = "terminee", _("Terminée")


class Campaign(models.Model):
    kind = models.CharField(_("type"), max_length=24, choices=CampaignKind.choices)
    month = models.CharField(_("mois"), max_length=7, help_text="Month the rights are computed for")
    threshold = models.DecimalField(_("seuil"), max_digits=8, decimal_places=2, default=0)
    status = models.CharField(max_length=12, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT)
    # Set when an income import started it (event-driven recalculation), empty for the operators'.
    feed = models.ForeignKey(IncomeFeedImport, null=True, blank=True, on_delete=models.PROTECT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Pauses do not count in the rate and the ETA: the start of the current pause, the past ones' sum.
    paused_at = models.DateTimeField(null=True, blank=True)
    paused_seconds = models.FloatField(default=0)
    total = models.PositiveIntegerField(default=0, help_text="Households in the campaign's chunks")
    chunk_size = models.PositiveIntegerField(default=1000)
    dry_run = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("campagne")
        verbose_name_plural = _("campagnes")
        ordering = ["-created_at"]
        permissions = [("operate_campaign", gettext_noop("Créer, lancer et arrêter des campagnes"))]

    def __str__(self):
        return f"{self.get_kind_display()} {self.month}"

    @property
    def is_active(self) -> bool:
        return self.status in (CampaignStatus.RUNNING, CampaignStatus.PAUSED)

    @property
    def pays(self) -> bool:
        """Whether its effects go to a payment run, so the payment calendar matters: the exceptional
        aid's payment orders, the recalculated rights (its letter gives the payment day). A non-recours
        campaign pays nothing: the person still has to claim."""
        return self.kind in (CampaignKind.EXCEPTIONAL_AID, CampaignKind.RECALCULATION)


class ChunkStatus(models.TextChoices):
    QUEUED = "queued", _("En attente")
    DONE = "done", _("Fait")
    PARKED = "parked", _("Mis de côté (erreur)")
    CANCELLED = "cancelled", _("Annulé")


class CampaignChunk(models.Model):
    """Files with first_pk <= pk <= last_pk, or exactly `file_ids` when an import names them."""

    # Not indexed alone: chunk_unique_start and the (campaign, status) index both begin with it.
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="chunks", db_index=False)
    first_pk = models.BigIntegerField()
    last_pk = models.BigIntegerField()
    file_ids = models.JSONField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=ChunkStatus.choices, default=ChunkStatus.QUEUED)
    households = models.PositiveIntegerField(default=0)
    attempts = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lot de campagne")
        verbose_name_plural = _("lots de campagne")
        constraints = [models.UniqueConstraint(fields=["campaign", "first_pk"], name="chunk_unique_start")]
        indexes = [models.Index(fields=["campaign", "status"])]

    def __str__(self):
        return f"{self.campaign_id}:{self.first_pk}-{self.last_pk}"


class Outcome(models.TextChoices):
    NOTIFIED = "notifie", _("Notifié")
    UNCHANGED = "inchange", _("Sans changement")
    NOT_CONCERNED = "non_concerne", _("Non concerné")
    INVALID = "invalide", _("Dossier incomplet")


class CampaignResult(models.Model):
    # Not indexed alone: the unique (campaign, file) begins with it (one index less per result written).
    # No foreign-key constraint in the database: its check, deferred to the commit, looked up and locked
    # the same campaign row once per result (≈ 18 ms of the server's CPU for a chunk's 1 000 results,
    # more than writing them). The chunk locks that row once instead (FOR KEY SHARE, chunks.py), in the
    # transaction that writes the results, which is what the check did; Django still cascades deletions.
    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="results", db_index=False, db_constraint=False
    )
    file = models.ForeignKey("benefits.AllocataireFile", on_delete=models.CASCADE, related_name="+")
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    departement = models.CharField(max_length=3, blank=True)
    old_amounts = models.JSONField(default=dict)
    new_amounts = models.JSONField(default=dict)
    total = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    explanation = models.JSONField(default=dict, blank=True)
    engine_version = models.CharField(max_length=32)
    parameters_version = models.CharField(max_length=32)
    letter_id = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("résultat de campagne")
        verbose_name_plural = _("résultats de campagne")
        constraints = [models.UniqueConstraint(fields=["campaign", "file"], name="campaign_result_unique")]
        indexes = [models.Index(fields=["campaign", "outcome"])]

    def __str__(self):
        return f"{self.campaign_id}/{self.file_id}: {self.outcome}"


class PaymentOrder(models.Model):
    """A one-off payment to make (exceptional aid), paid with the rights of `due_on`."""

    # Not indexed alone: payment_order_unique (campaign, file) begins with it (one index less per order).
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="payments", db_index=False)
    file = models.ForeignKey("benefits.AllocataireFile", on_delete=models.PROTECT, related_name="+")
    benefit = models.CharField(max_length=32)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    due_on = models.DateField()

    class Meta:
        verbose_name = _("ordre de paiement")
        verbose_name_plural = _("ordres de paiement")
        constraints = [models.UniqueConstraint(fields=["campaign", "file"], name="payment_order_unique")]

    def __str__(self):
        return f"{self.benefit} {self.amount} € le {self.due_on}"
