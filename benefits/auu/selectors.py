"""Reads of the aide universelle d'urgence: only the claims of the account that filed them."""

from datetime import date

from django.db.models import Max
from django.utils import timezone

from benefits.auu.models import UrgentClaim
from benefits.claims.models import Status
from benefits.rules.auu import renewal_date


def urgent_claims_of(*, user):
    return UrgentClaim.objects.filter(user=user).order_by("-filed_at")


def urgent_claim_of_user(*, user, reference) -> UrgentClaim | None:
    """Another person's reference answers as if it did not exist (the same household's adult too)."""
    return UrgentClaim.objects.filter(user=user, reference=reference).first()


def pending_urgent_claim_of(*, user) -> UrgentClaim | None:
    """The person's claim not decided yet, if any (a second one would be a duplicate)."""
    return (
        UrgentClaim.objects.filter(user=user, status__in=(Status.FILED, Status.INSTRUCTING))
        .order_by("filed_at")
        .first()
    )


def last_granted_on(*, user) -> date | None:
    """Decision date of the person's last aid granted (CASF D214-12: once in 12 months from it).

    Only the person's own claims: never the claims of the other adult of the allocataire file, who may
    be the perpetrator (and whose claim must stay invisible to this person).
    """
    granted = UrgentClaim.objects.filter(user=user, status=Status.ACCEPTED, decided_on__isnull=False)
    return granted.aggregate(last=Max("decided_on"))["last"]


def renewal_date_of(*, user) -> date | None:
    """The day from which the person may be granted the aid again, while that day is still to come."""
    granted = last_granted_on(user=user)
    again = renewal_date(granted) if granted else None
    return again if again and timezone.localdate() < again else None
