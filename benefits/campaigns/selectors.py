"""Reads of the campaigns for the person's pages: the messages "actions faites pour vous" in Mon espace.

A non-recours message says what its letter says (benefits/letters/presenters.py, `eligibility`): the
claims the portal prefills are FIRST_CLAIMS (prime d'activité, RSA); any other right it estimates
(housing aid) is claimed elsewhere, with the simulator's next step (caf.fr).
"""

from benefits.campaigns.models import CampaignResult, Outcome
from benefits.claims.first_claim import FIRST_CLAIMS
from benefits.claims.models import AllocataireFile
from benefits.labels import benefit_label
from benefits.simulator.result_page import next_step

MESSAGES = 5


def claim_steps(amounts: dict) -> dict:
    """The prefilled claims (labels, joined) and the other rights' next steps, for estimated amounts."""
    names = [name for name in amounts if name in FIRST_CLAIMS]
    others = [name for name in amounts if name not in FIRST_CLAIMS]
    return {
        "prefilled": ", ".join(benefit_label(name) for name in names),
        "elsewhere": [
            {"label": benefit_label(name), **step} for name in others if (step := next_step(name)) is not None
        ],
    }


def campaign_messages(*, file: AllocataireFile | None) -> dict:
    """The latest campaigns that wrote to the household (notified results), newest first."""
    if file is None:
        return {"campaign_messages": []}
    results = list(
        CampaignResult.objects.filter(file=file, outcome=Outcome.NOTIFIED)
        .select_related("campaign")
        .order_by("-created_at")[:MESSAGES]
    )
    for result in results:
        result.steps = claim_steps(result.new_amounts) if result.campaign.kind == "non_recours" else {}
    return {"campaign_messages": results}
