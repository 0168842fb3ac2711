"""A first claim's own page (household, home, situations, bank account), before the incomes page."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from benefits.claims import first_claim, presenters
from benefits.claims.draft_views import own_open_draft
from benefits.claims.first_claim_services import claim_save_answers
from benefits.simulator.formatting import day, month_name


def situation(request, key):
    draft, response = own_open_draft(request, key)
    if response:
        return response
    if not first_claim.is_first_claim(draft.kind):
        return redirect("claims:edit", key=draft.key)
    show_errors = False
    if request.method == "POST":
        draft = claim_save_answers(
            draft=draft, values=request.POST.dict(), by=request.user, channel=request.channel
        )
        if request.POST.get("action") != "continue":
            messages.success(request, _("Brouillon enregistré."))
            return redirect("claims:situation", key=draft.key)
        if first_claim.claim_form(draft).is_valid():
            return redirect("claims:edit", key=draft.key)
        show_errors = True
    # Every error after "continuer"; otherwise the saved answers as typed, with the errors of those typed wrong.
    if show_errors:
        form = first_claim.claim_form(draft)
        form.is_valid()
    else:
        form = first_claim.typed_answers_form(draft)
    context = {
        "draft": draft,
        "form": form,
        "show_errors": show_errors,
        "form_list": [form],
        "members": [
            {"name": presenters.person_name(m), "birth_date": day(m.get("birth_date", "")), "role": m["role"]}
            for m in draft.file.members
        ],
        "situations": [form[f"situation_{adult['id']}"] for adult in draft.file.adults],
        "month_name": month_name(draft.month),
        "expires_at": presenters.session_expiry(request),
        "session_seconds": presenters.session_seconds(request),
    }
    return render(request, "benefits/claims/situation.html", context)
