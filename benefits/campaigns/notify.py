"""The campaigns' only door to the letters feature (benefits/letters): one place to wire.

The letters service is idempotent on (file, kind, source_key, revision), so a chunk delivered twice
asks twice and gets the same letter. Until benefits.letters is installed, `campaign_letter` returns
None and the campaign still records who must be notified (the message in Mon espace reads those rows).
"""

import importlib.util

from django.urls import reverse

LETTERS_AVAILABLE = importlib.util.find_spec("benefits.letters") is not None

# Campaign kind → letter kind of benefits/letters.
LETTER_KINDS = {
    "non_recours": "eligibility",
    "recalcul": "recalculation",
    "aide_exceptionnelle": "recalculation",
}


def source_key(campaign) -> str:
    return f"campaign:{campaign.pk}"


def letter_context(*, campaign, file, evaluation) -> dict:
    from benefits.letters import services

    decision = evaluation.decision
    if campaign.kind == "non_recours":
        return services.eligibility_context(
            file=file,
            month=campaign.month,
            result={"amounts": decision.new, "explanation": evaluation.explanation},
            claim_url=reverse("claims:index"),
        )
    return services.recalculation_context(
        file=file,
        month=campaign.month,
        old_amounts=decision.old,
        new_amounts=decision.new,
        changed_incomes=[],
        explanation=evaluation.explanation,
    )


def campaign_letter(*, campaign, file, evaluation) -> int | None:
    """The letter of a notified household (its id), or None while the letters feature is absent."""
    if not LETTERS_AVAILABLE:
        return None
    from benefits.letters import services

    letter = services.letter_request(
        file=file,
        kind=LETTER_KINDS[campaign.kind],
        source_key=source_key(campaign),
        revision=1,
        context=letter_context(campaign=campaign, file=file, evaluation=evaluation),
        subject=str(campaign.get_kind_display()),
    )
    return letter.pk
