"""Reads of the aide universelle d'urgence: only the claims of the account that filed them."""

from benefits.auu.models import UrgentClaim


def urgent_claims_of(*, user):
    return UrgentClaim.objects.filter(user=user).order_by("-filed_at")


def urgent_claim_of_user(*, user, reference) -> UrgentClaim | None:
    """Another person's reference answers as if it did not exist (the same household's adult too)."""
    return UrgentClaim.objects.filter(user=user, reference=reference).first()
