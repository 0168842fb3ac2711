"""Models of the benefits app, each defined in its feature package."""

from benefits.claims.models import AllocataireFile, Claim, ClaimDraft, StatusChange
from benefits.desk.models import DeskAgent, Mandate
from benefits.letters.models import Letter
from benefits.simulator.models import Simulation

__all__ = [
    "AllocataireFile",
    "Claim",
    "ClaimDraft",
    "DeskAgent",
    "Letter",
    "Mandate",
    "Simulation",
    "StatusChange",
]
