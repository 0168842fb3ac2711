"""Event-driven recalculation: an import that changes a household's incomes recalculates it at once.

One recalculation per import, over exactly the files whose incomes changed (deduplicated: a household
with ten changed lines is recalculated once), with the same chunk code as the quarterly campaign. The
quarterly campaign remains the catch-all for anything an event missed.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from benefits.campaigns.models import Campaign, CampaignChunk, CampaignKind, CampaignStatus
from benefits.campaigns.services import chunks_enqueue
from benefits.rules import SUPPORTED_MONTHS
from benefits.rules.months import month_index, month_label


def right_month(feed_months: set[str]) -> str:
    """Incomes of month M are the last month of the quarter of the right for M+1 (within the core's range)."""
    following = month_label(month_index(max(feed_months)) + 1)
    return min(max(following, SUPPORTED_MONTHS[0]), SUPPORTED_MONTHS[-1])


def recalculation_on_import(*, feed, file_ids: set[int], months: set[str]) -> Campaign:
    ordered = sorted(file_ids)
    size = settings.CAMPAIGN_CHUNK_SIZE
    with transaction.atomic():
        campaign = Campaign.objects.create(
            kind=CampaignKind.RECALCULATION,
            month=right_month(months),
            feed=feed,
            status=CampaignStatus.RUNNING,
            started_at=timezone.now(),
            total=len(ordered),
            chunk_size=size,
        )
        CampaignChunk.objects.bulk_create(
            [
                CampaignChunk(
                    campaign=campaign,
                    first_pk=part[0],
                    last_pk=part[-1],
                    file_ids=part,
                )
                for part in (ordered[i : i + size] for i in range(0, len(ordered), size))
            ]
        )
        transaction.on_commit(lambda: chunks_enqueue(campaign=campaign))
    return campaign
