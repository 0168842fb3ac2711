"""Reads of the campaigns for the person's pages: the messages "actions faites pour vous" in Mon espace."""

from benefits.campaigns.models import CampaignResult, Outcome
from benefits.claims.models import AllocataireFile

MESSAGES = 5


def campaign_messages(*, file: AllocataireFile | None) -> dict:
    """The latest campaigns that wrote to the household (notified results), newest first."""
    if file is None:
        return {"campaign_messages": []}
    results = (
        CampaignResult.objects.filter(file=file, outcome=Outcome.NOTIFIED)
        .select_related("campaign")
        .order_by("-created_at")[:MESSAGES]
    )
    return {"campaign_messages": list(results)}
