"""Reads of the letters for the inbox: only the owner's letters, newest first."""

from benefits.letters.models import Letter, LetterStatus


def letters_of_user(*, user):
    return Letter.objects.visible_to(user).order_by("-created_at", "-pk")


def letter_of_user(*, user, pk) -> Letter | None:
    """The letter if this person may read it, else None (the view answers 404, as for a missing one)."""
    return letters_of_user(user=user).filter(pk=pk).first()


def receipt_of_claim(*, user, claim) -> Letter | None:
    """The accusé de réception of a filed claim, when this person may read it (benefits/letters/claim_letters.py)."""
    return letters_of_user(user=user).filter(idempotency_key=f"receipt:claim:{claim.pk}:1").first()


def inbox_summary(*, user) -> dict:
    letters = letters_of_user(user=user)
    return {
        # A letter still being prepared is already news (under `make run` it is rendered when opened).
        "letters_unread": letters.filter(read_at__isnull=True).exclude(status=LetterStatus.FAILED).count(),
        "letters_latest": list(letters[:3]),
    }
