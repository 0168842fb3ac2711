"""Mes démarches: the list, starting a declaration or a claim, and a filed claim with its history."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from benefits.claims import first_claim, presenters, selectors, services
from benefits.claims.files import file_in_scope
from benefits.claims.models import ClaimDraft, Kind
from benefits.letters.selectors import receipt_of_claim
from benefits.simulator.formatting import month_name
from portal.channels import mandate_required_for_agents


def index(request):
    return render(
        request,
        "benefits/claims/index.html",
        selectors.overview_in_scope(request),
    )


@require_POST
@mandate_required_for_agents
def start(request, kind):
    if kind not in Kind.values or (getattr(request, "mandate", None) and not request.mandate.covers(kind)):
        raise Http404
    file = file_in_scope(request)
    if file is None:
        messages.error(request, _("Aucun dossier allocataire n’est rattaché à votre compte."))
        return redirect("claims:index")
    try:
        services.claim_refuse_if_held(file=file, kind=kind)
        if ClaimDraft.objects.open().filter(file=file, kind=kind).exists():
            messages.info(
                request, _("Vous avez déjà un brouillon : vous le retrouvez tel que vous l’avez laissé.")
            )
        draft = services.claim_draft_open(file=file, by=request.user, kind=kind, channel=request.channel)
    except services.AlreadyDeclared as declared:
        messages.info(request, already_declared_message(declared.claim))
        return redirect("claims:claim", pk=declared.claim.pk)
    except services.AlreadyHeld as held:
        # Posted although Mes démarches no longer offers it (for the person or an agent under mandate):
        # its line there, or the claim in progress, says where the benefit stands.
        messages.info(request, held.standing["text"])
        return redirect(held.standing["url"] or "claims:index")
    if first_claim.is_first_claim(kind):
        return redirect("claims:situation", key=draft.key)
    return redirect("claims:edit", key=draft.key)


def already_declared_message(claim) -> str:
    from benefits.claims.selectors import period_text

    return _("Vous avez déjà déclaré vos %(period)s : une période se déclare une seule fois.") % {
        "period": period_text(claim.kind, claim.month)
    }


def claim(request, pk):
    claim = selectors.claim_in_scope(request, pk)
    if claim is None:
        raise Http404
    context = {
        "claim": claim,
        "history": claim.history.all(),
        "figures": presenters.figure_lines(claim.figures, claim.file),
        "estimate": presenters.estimate_lines(claim.estimate),
        "month_name": month_name(claim.month),
        "receipt": receipt_of_claim(request, claim),
        "first_claim": first_claim.is_first_claim(claim.kind),
    }
    return render(request, "benefits/claims/claim.html", context)


start.not_a_page = True
