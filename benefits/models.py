"""Models of the benefits app, each defined in its feature package."""

from benefits.auu.models import UrgentClaim
from benefits.claims.models import AllocataireFile, Claim, ClaimDraft, StatusChange
from benefits.simulator.models import Simulation

__all__ = ["AllocataireFile", "Claim", "ClaimDraft", "Simulation", "StatusChange", "UrgentClaim"]
