"""Reads of the letters for the inbox: only the owner's letters, newest first; under a mandate, the
mandate's file's (benefits.claims.files.file_in_scope), never the agent's own nor another file's."""

from benefits.claims.files import file_in_scope
from benefits.letters.models import Letter, LetterStatus
from portal.channels import AGENT


def letters_of_user(*, user):
    return Letter.objects.visible_to(user).order_by("-created_at", "-pk")


def letter_of_user(*, user, pk) -> Letter | None:
    """The letter if this person may read it, else None (the view answers 404, as for a missing one)."""
    return letters_of_user(user=user).filter(pk=pk).first()


def letters_in_scope(request):
    """Mes courriers of this request: the person's own letters, or for an agent the letters the holder
    of the mandate's file reads (none without a mandate)."""
    if request.channel != AGENT:
        return letters_of_user(user=request.user)
    file = file_in_scope(request)
    if file is None:
        return Letter.objects.none()
    return Letter.objects.read_by_holder_of(file).order_by("-created_at", "-pk")


def letter_in_scope(request, pk) -> Letter | None:
    return letters_in_scope(request).filter(pk=pk).first()


def receipt_of_claim(request, claim) -> Letter | None:
    """The accusé de réception of a filed claim, when this request may read it (benefits/letters/claim_letters.py)."""
    return letters_in_scope(request).filter(idempotency_key=f"receipt:claim:{claim.pk}:1").first()


def inbox_summary(*, user) -> dict:
    letters = letters_of_user(user=user)
    return {
        # A letter still being prepared is already news (under `make run` it is rendered when opened).
        "letters_unread": letters.filter(read_at__isnull=True).exclude(status=LetterStatus.FAILED).count(),
        "letters_latest": list(letters[:3]),
    }
