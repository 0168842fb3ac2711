"""Models of the benefits app, each defined in its feature package."""

from benefits.auu.models import UrgentClaim
from benefits.campaigns import deletion  # noqa: F401 - connects the campaigns' deletion guard (pre_delete)
from benefits.campaigns.models import (
    Campaign,
    CampaignChunk,
    CampaignResult,
    IncomeFeedImport,
    IncomeRecord,
    IncomeSummary,
    PaymentOrder,
    PersonNir,
)
from benefits.claims.models import AllocataireFile, Claim, ClaimDraft, StatusChange
from benefits.desk.models import DeskAgent, Mandate
from benefits.letters.models import Letter
from benefits.simulator.models import Simulation

__all__ = [
    "AllocataireFile",
    "Campaign",
    "CampaignChunk",
    "CampaignResult",
    "Claim",
    "ClaimDraft",
    "DeskAgent",
    "IncomeFeedImport",
    "IncomeRecord",
    "IncomeSummary",
    "Letter",
    "Mandate",
    "PaymentOrder",
    "PersonNir",
    "Simulation",
    "StatusChange",
    "UrgentClaim",
]
