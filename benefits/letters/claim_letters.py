"""The letters a claim's life sends: the receipt when it is filed, the decision when it is decided.

Called by the claims services inside their transaction: the letter row commits with the claim (or
not at all), and its rendering is queued once that commit happened.
"""

from django.utils import translation
from django.utils.translation import gettext as _

from benefits.letters.contexts import decision_context, receipt_context
from benefits.letters.models import Letter, LetterKind
from benefits.letters.services import letter_request

DECIDED = ("acceptee", "refusee")


def active_language() -> str:
    return "en" if translation.get_language() == "en" else "fr"


def claim_language(claim) -> str:
    """The language the person filed in (their receipt's), for the letters that follow."""
    receipt = Letter.objects.filter(idempotency_key=f"receipt:claim:{claim.pk}:1").first()
    return receipt.language if receipt else "fr"


def letter_for_claim_filed(*, claim, language: str | None = None, helper: dict | None = None) -> Letter:
    """The accusé de réception of a filed claim or quarterly declaration (one per claim).

    `helper` ({"name": ..., "organisation": ...}) says who helped, when an agent filed with the person."""
    language = language or active_language()
    context = receipt_context(claim=claim)
    if helper:
        context["helper"] = helper
    with translation.override(language):
        subject = _("Accusé de réception : %(kind)s") % {"kind": claim.get_kind_display()}
    return letter_request(
        file=claim.file,
        kind=LetterKind.RECEIPT,
        source_key=f"claim:{claim.pk}",
        revision=1,
        context=context,
        subject=subject,
        language=language,
    )


def letter_for_claim_decided(*, claim) -> Letter | None:
    """The notification de décision once the claim is accepted or refused (a decision is final here)."""
    if claim.status not in DECIDED:
        return None
    language = claim_language(claim)
    with translation.override(language):
        if claim.status == "acceptee":
            subject = _("Décision : %(kind)s acceptée") % {"kind": claim.get_kind_display()}
        else:
            subject = _("Décision : %(kind)s refusée") % {"kind": claim.get_kind_display()}
    return letter_request(
        file=claim.file,
        kind=LetterKind.DECISION,
        source_key=f"claim:{claim.pk}",
        revision=claim.status,
        context=decision_context(claim=claim),
        subject=subject,
        language=language,
    )
