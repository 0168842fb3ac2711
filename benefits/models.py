"""Models of the benefits app, each defined in its feature package."""

from benefits.campaigns.models import (
    Campaign,
    CampaignChunk,
    CampaignResult,
    IncomeFeedImport,
    IncomeRecord,
    PaymentOrder,
    PersonNir,
)
from benefits.claims.models import AllocataireFile, Claim, ClaimDraft, StatusChange
from benefits.simulator.models import Simulation

__all__ = [
    "Campaign",
    "CampaignChunk",
    "CampaignResult",
    "IncomeFeedImport",
    "IncomeRecord",
    "PaymentOrder",
    "PersonNir",
    "AllocataireFile",
    "Claim",
    "ClaimDraft",
    "Simulation",
    "StatusChange",
]
