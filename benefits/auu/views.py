"""Pages of the aide universelle d'urgence claim: explanation, form, receipt.

Every page: never cached (Cache-Control no-store), a neutral <title>, and the quick exit (a button
and Shift pressed three times, static/benefits/quick_exit.js) that replaces the page and its history
entry with a neutral site. The claim is the victim's own: a page of someone else's claim answers 404,
and no page is ever used by an agent for the person (portal.agent_access.never_under_mandate: refused
under a mandate, the desk without one).
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from benefits.auu import selectors, services
from benefits.auu.forms import UrgentClaimForm
from benefits.auu.letters import letter_for_urgent_claim
from benefits.claims.files import allocataire_file_for_user
from portal.agent_access import never_under_mandate
from portal.posted import posted

EXIT_URL = "https://meteofrance.com/"  # a neutral, common site, as GOV.UK's "Exit this page" uses BBC weather


def page(request, template: str, **context):
    return render(request, template, {"exit_url": EXIT_URL, **context})


@never_cache
@never_under_mandate
def index(request):
    return page(request, "benefits/auu/index.html", claims=selectors.urgent_claims_of(user=request.user))


@never_cache
@never_under_mandate
def new(request):
    form = UrgentClaimForm(posted(request))
    if request.method == "POST" and form.is_valid():
        file = allocataire_file_for_user(user=request.user, channel=request.channel)
        try:
            claim = services.auu_claim_file(
                user=request.user,
                answers=form.cleaned_data,
                file_number=file.number if file else "",
                channel=request.channel,
            )
        except services.UrgentClaimNotAllowed as refusal:
            form.add_error(None, str(refusal))
        else:
            if file is not None:
                letter_for_urgent_claim(claim=claim, file=file)
            return redirect("auu:receipt", reference=claim.reference)
    return page(
        request,
        "benefits/auu/new.html",
        form=form,
        has_errors=bool(form.errors),
        forms_with_errors=[form] if form.errors else [],
        pending=selectors.pending_urgent_claim_of(user=request.user),
        renewal=selectors.renewal_date_of(user=request.user),
    )


@never_cache
@never_under_mandate
def receipt(request, reference):
    claim = selectors.urgent_claim_of_user(user=request.user, reference=reference)
    if claim is None:
        raise Http404
    return page(request, "benefits/auu/receipt.html", claim=claim, steps=claim.decision.get("steps", []))
