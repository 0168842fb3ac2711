"""Reads of the claims feature for the pages (Mon espace, my claims)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from benefits.claims import first_claim
from benefits.claims.files import allocataire_file_for_user
from benefits.claims.models import Claim, ClaimDraft, Kind
from benefits.claims.presenters import quarter_text
from benefits.claims.standing import benefit_standing
from benefits.simulator.formatting import month_name


def claims_overview(*, user, channel: str) -> dict:
    """The person's file, open drafts and filed claims with their history (Mon espace, Mes démarches)."""
    file = allocataire_file_for_user(user=user, channel=channel)
    if file is None:
        return {
            "file": None,
            "drafts": [],
            "claims": [],
            "kinds": Kind.choices,
            "declared": None,
            "standing": [],
        }
    from benefits.claims.services import current_declaration_month, declared_claim

    claims = list(Claim.objects.filter(file=file).prefetch_related("history"))
    drafts = list(ClaimDraft.objects.open().filter(file=file, user=user))
    for item in [*claims, *drafts]:
        item.period = period_text(item.kind, item.month)
    for draft in drafts:
        draft.resume_url = resume_url(draft)
    # A quarter is declared once: once filed, its declaration is no longer offered (services.AlreadyDeclared).
    declared = declared_claim(file=file, kind=Kind.DECLARATION, month=current_declaration_month())
    if declared:
        declared.period = period_text(declared.kind, declared.month)
    # A benefit already received or claimed is not offered again: its line says where it stands.
    standing = benefit_standing(file=file, claims=claims)
    kinds = [
        (value, label)
        for value, label in Kind.choices
        if not (declared and value == Kind.DECLARATION) and value not in standing
    ]
    return {
        "file": file,
        "drafts": drafts,
        "claims": claims,
        "kinds": kinds,
        "declared": declared,
        "standing": list(standing.values()),
    }


def resume_url(draft) -> str:
    """Where "Continuer" resumes a draft: a first claim whose step 1 is not complete (left right after
    starting it) resumes there, not at step 2 ("vos revenus"), which its check page would send back from."""
    if first_claim.claim_problems(draft):
        return reverse("claims:situation", args=[draft.key])
    return reverse("claims:edit", args=[draft.key])


def period_text(kind: str, month: str) -> str:
    """What a line of the list is about: the quarter's incomes, or the month of the right."""
    if kind == Kind.DECLARATION:
        quarter = quarter_text(month)
        if quarter[:1] in "aeiouAEIOU":  # "revenus d’août à octobre 2026", "revenus d’avril à juin"
            return _("revenus d’%(quarter)s") % {"quarter": quarter}
        return _("revenus de %(quarter)s") % {"quarter": quarter}
    droits = month_name(month)
    if droits[:1] in "aeiouAEIOU":
        return _("droits d’%(month)s") % {"month": droits}
    return _("droits de %(month)s") % {"month": droits}


def overview_in_scope(request) -> dict:
    """Mes démarches for the person, or for an agent the drafts and claims of the mandate's file."""
    if getattr(request, "mandate", None) is None:
        return claims_overview(user=request.user, channel=request.channel)
    file = request.mandate.file
    claims = list(Claim.objects.filter(file=file).prefetch_related("history"))
    drafts = list(ClaimDraft.objects.open().filter(file=file, kind__in=request.mandate.kinds))
    for item in [*claims, *drafts]:
        item.period = period_text(item.kind, item.month)
    for draft in drafts:
        draft.resume_url = resume_url(draft)
    standing = benefit_standing(file=file, claims=claims)
    return {
        "file": file,
        "drafts": drafts,
        "claims": claims,
        "kinds": [
            (kind, label)
            for kind, label in Kind.choices
            if request.mandate.covers(kind) and kind not in standing
        ],
        "declared": None,
        "standing": [line for kind, line in standing.items() if request.mandate.covers(kind)],
    }


def draft_in_scope(request, key) -> ClaimDraft | None:
    """The draft if this request may work on it: the person's own, or a kind the agent's mandate covers."""
    mandate = getattr(request, "mandate", None)
    if mandate is None:
        return draft_of_user(user=request.user, key=key)
    return (
        ClaimDraft.objects.select_related("file")
        .filter(key=key, file=mandate.file, kind__in=mandate.kinds)
        .first()
    )


def claim_in_scope(request, pk) -> Claim | None:
    mandate = getattr(request, "mandate", None)
    if mandate is None:
        return claim_of_user(user=request.user, pk=pk)
    return Claim.objects.select_related("file", "draft").filter(pk=pk, file=mandate.file).first()


def draft_of_user(*, user, key) -> ClaimDraft | None:
    """A draft of the person's own file, or None (somebody else's key answers as if it did not exist)."""
    return ClaimDraft.objects.select_related("file").filter(key=key, file__user=user).first()


def claim_of_user(*, user, pk) -> Claim | None:
    return Claim.objects.select_related("file", "draft").filter(pk=pk, file__user=user).first()
