"""Deleting a campaign (no screen offers it; a shell, a script or a future admin could): never while it
can still write, and never leaving results behind.

The results' campaign has no foreign-key constraint in the database (models.CampaignResult): a chunk
key-shares the campaign's row instead (FOR KEY SHARE, chunks.py) in the transaction that writes its
results. Django's cascade deleted the results it found, then the campaign: a chunk still running
committed its results in between, and they stayed without a campaign. Here, before anything is
deleted, the campaign's row is locked FOR UPDATE, which waits for every chunk holding it key-shared
(the results they write are then committed, and deleted with the others) and makes any later chunk
wait, then find its chunk gone (chunk_lock: DoesNotExist). A campaign that is running or paused is
refused: its chunks may be queued still; cancel it first.

What a finished campaign did stays: its letters are the people's courriers (Mon espace), its new
rights are the files' rights; an exceptional aid's payment orders protect it (PROTECT), so a campaign
that paid cannot be deleted at all. Deleting removes the campaign, its chunks and its results only.
"""

from django.db import transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils.translation import gettext as _

from benefits.campaigns.models import Campaign, CampaignStatus
from portal.journal import journal_record

DELETABLE = (CampaignStatus.DRAFT, CampaignStatus.DONE, CampaignStatus.CANCELLED)


class CampaignNotDeletable(Exception):
    pass


@receiver(pre_delete, sender=Campaign, dispatch_uid="campaign_delete_guard")
def campaign_delete_guard(sender, instance: Campaign, **kwargs) -> None:
    """Every deletion (Model.delete, QuerySet.delete, the admin) goes through here, inside the
    deletion's transaction and before its cascades run: the lock is held until the commit."""
    status = (
        Campaign.objects.select_for_update().filter(pk=instance.pk).values_list("status", flat=True).first()
    )
    if status is not None and status not in DELETABLE:
        raise CampaignNotDeletable(
            _("Une campagne en cours ou en pause ne peut pas être supprimée : annulez-la d’abord.")
        )


def campaign_delete(*, campaign: Campaign, by) -> None:
    """Deletes a draft, finished or cancelled campaign with its chunks and results, journaled."""
    with transaction.atomic():
        kind, month, pk = campaign.kind, campaign.month, campaign.pk
        campaign.delete()
        journal_record(
            action="campaign_deleted",
            target=f"campaign:{pk}",
            by=by,
            channel="agent",
            details={"kind": kind, "month": month},
        )
