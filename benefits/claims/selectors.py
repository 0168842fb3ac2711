"""Reads of the claims feature for the pages (Mon espace, my claims)."""

from benefits.claims.files import allocataire_file_for_user
from benefits.claims.models import Claim, ClaimDraft, Kind


def claims_overview(*, user, channel: str) -> dict:
    """The person's file, open drafts and filed claims with their history (Mon espace, Mes démarches)."""
    file = allocataire_file_for_user(user=user, channel=channel)
    if file is None:
        return {"file": None, "drafts": [], "claims": [], "kinds": Kind.choices}
    return {
        "file": file,
        "drafts": ClaimDraft.objects.open().filter(file=file, user=user),
        "claims": Claim.objects.filter(file=file).prefetch_related("history"),
        "kinds": Kind.choices,
    }


def draft_of_user(*, user, key) -> ClaimDraft | None:
    """A draft of the person's own file, or None (somebody else's key answers as if it did not exist)."""
    return ClaimDraft.objects.select_related("file").filter(key=key, file__user=user).first()


def claim_of_user(*, user, pk) -> Claim | None:
    return Claim.objects.select_related("file", "draft").filter(pk=pk, file__user=user).first()
