"""A draft, step by step: the figures to confirm or correct, then check and file.

Every POST saves first (valid or not), then validates; without JavaScript on each button, with htmx
also on each change (the form posts itself and the page shows "Brouillon enregistré à HH:MM").
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from benefits.claims import declaration, presenters, selectors, services
from benefits.rules import HouseholdInputError
from benefits.simulator.formatting import month_name
from portal.channels import mandate_required_for_agents


def own_open_draft(request, key):
    """(draft, None) for the person's draft still open, or (None, response) to return at once."""
    draft = selectors.draft_in_scope(request, key)
    if draft is None:
        raise Http404
    if hasattr(draft, "claim"):
        return None, redirect("claims:claim", pk=draft.claim.pk)
    return draft, None


def problems_of(draft) -> dict:
    return dict(declaration.problems(draft.data, draft.file.adult_ids, declaration.quarter(draft.month)))


@mandate_required_for_agents
def edit(request, key):
    draft, response = own_open_draft(request, key)
    if response:
        return response
    problems = {}
    if request.method == "POST":
        draft = services.claim_save_draft(
            draft=draft, values=request.POST.dict(), by=request.user, channel=request.channel
        )
        if request.htmx:
            return render(request, "benefits/claims/edit.html#saved", {"draft": draft})
        if request.POST.get("action") != "continue":
            messages.success(request, _("Brouillon enregistré."))
            return redirect("claims:edit", key=draft.key)
        problems = problems_of(draft)
        if not problems:
            return redirect("claims:check", key=draft.key)
    return render(request, "benefits/claims/edit.html", edit_context(draft, problems))


def edit_context(draft, problems: dict) -> dict:
    return {
        "draft": draft,
        "people": presenters.edit_people(draft, problems),
        "problems": problems,
        "month_name": month_name(draft.month),
        "quarter": [month_name(m) for m in declaration.quarter(draft.month)],
        "expires_at": presenters.session_expiry(),
        "session_seconds": settings.SESSION_COOKIE_AGE,
    }


@require_POST
@mandate_required_for_agents
def refresh_prefill(request, key):
    draft, response = own_open_draft(request, key)
    if response:
        return response
    services.claim_save_draft(
        draft=draft, values=request.POST.dict(), by=request.user, channel=request.channel
    )
    draft = services.claim_draft_refresh_prefill(draft=draft, by=request.user, channel=request.channel)
    if all(status == "ok" for status in draft.data.get("prefill", {}).values()):
        messages.success(request, _("Les salaires déclarés par vos employeurs ont été récupérés."))
    else:
        messages.warning(request, _("Les salaires sont toujours indisponibles : saisissez vos montants."))
    return redirect("claims:edit", key=draft.key)


@mandate_required_for_agents
def check(request, key):
    draft, response = own_open_draft(request, key)
    if response:
        return response
    if problems_of(draft):
        messages.error(request, _("Votre déclaration n’est pas complète : vérifiez les montants signalés."))
        return redirect("claims:edit", key=draft.key)
    if request.method == "POST":
        try:
            claim = services.claim_submit(
                draft=draft, by=request.user, channel=request.channel, mandate=getattr(request, "mandate", None)
            )
        except services.NotReadyToFile:
            return redirect("claims:edit", key=draft.key)
        except HouseholdInputError:
            messages.error(
                request, _("Votre dossier ne permet pas de calculer le droit : contactez votre CAF.")
            )
            return redirect("claims:check", key=draft.key)
        return redirect("claims:claim", pk=claim.pk)
    try:
        household, result = services.claim_estimate(draft=draft)
        estimate, unavailable = presenters.estimate_lines(result.to_dict(explain=True)), False
    except HouseholdInputError:
        estimate, unavailable = [], True
    months = declaration.quarter(draft.month)
    context = {
        "draft": draft,
        "people": [
            {"id": m["id"], "name": presenters.person_name(m), "role": m["role"]} for m in draft.file.members
        ],
        "figures": presenters.figure_lines(
            declaration.figure_rows(draft.data, draft.file.adult_ids, months), draft.file
        ),
        "estimate": estimate,
        "estimate_unavailable": unavailable,
        "month_name": month_name(draft.month),
        "expires_at": presenters.session_expiry(),
        "session_seconds": settings.SESSION_COOKIE_AGE,
    }
    return render(request, "benefits/claims/check.html", context)


refresh_prefill.not_a_page = True
