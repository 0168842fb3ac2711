"""A draft, step by step: the figures to confirm or correct, then check and file.

Every POST saves first (valid or not), then validates; without JavaScript on each button, with htmx
also on each change (the form posts itself and the page shows "Brouillon enregistré à HH:MM").
"""

import re
import secrets

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from benefits.claims import declaration, first_claim, presenters, selectors, services
from benefits.claims.first_claim_services import claim_save_answers
from benefits.claims.save_messages import amount_messages, save_messages
from benefits.claims.views import already_declared_message
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


def amount_problems_of(draft) -> dict:
    """The typed amounts that are not amounts: shown on every render, the rest after "continuer"."""
    months = declaration.quarter(draft.month)
    return dict(declaration.amount_problems(draft.data, draft.file.adult_ids, months))


@mandate_required_for_agents
def edit(request, key):
    draft, response = own_open_draft(request, key)
    if response:
        return response
    problems = {}
    if request.method == "POST":
        draft = save(request, draft)
        not_saved = save_messages(draft)
        if request.htmx:
            # The tab keeps the revision and page id it was rendered with (revisions.py). Each amount's
            # error region is sent too, out of band: the error shows (or goes) beside its field at once.
            amounts = amount_problems_of(draft)
            shown = {**amounts, **problems_of(draft)} if request.POST.get("checked") else amounts
            context = {
                "draft": draft,
                "not_saved": not_saved,
                "not_amounts": amount_messages(draft, amounts),
                "revision": posted_revision(request.POST),
                "page": posted_page(request.POST),
                "people": presenters.edit_people(draft, shown),
            }
            return render(request, "benefits/claims/includes/autosave.html", context)
        for line in not_saved:
            messages.warning(request, line)
        if not_saved:
            messages.info(request, _("Vos autres saisies sont enregistrées."))
        if request.POST.get("action") != "continue" or not_saved:
            if not not_saved:
                messages.success(request, _("Brouillon enregistré."))
            return redirect("claims:edit", key=draft.key)
        problems = problems_of(draft)
        if not problems:
            return redirect("claims:check", key=draft.key)
    problems = {**amount_problems_of(draft), **problems}
    return render(
        request,
        "benefits/claims/edit.html",
        edit_context(request, draft, problems, checked=request.method == "POST"),
    )


PAGE_ID = re.compile(r"[A-Za-z0-9_-]{8,32}")


def posted_revision(post) -> int | None:
    """The draft revision the posted page was rendered from (absent from pages older than revisions)."""
    text = post.get("revision", "")
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else None


def posted_page(post) -> str | None:
    text = post.get("page", "")
    return text if PAGE_ID.fullmatch(text) else None


def save(request, draft):
    values = request.POST.dict()
    for control in ("revision", "page", "checked"):
        values.pop(control, None)
    return services.claim_save_draft(
        draft=draft,
        values=values,
        by=request.user,
        channel=request.channel,
        revision=posted_revision(request.POST),
        page=posted_page(request.POST),
    )


def edit_context(request, draft, problems: dict, checked: bool = False) -> dict:
    """`checked`: the page shows every answer to complete ("continuer"), and its autosaves keep doing so."""
    people = presenters.edit_people(draft, problems)
    return {
        "checked": checked,
        "not_saved": [],
        "not_amounts": [],
        "revision": draft.revision,
        "page": secrets.token_urlsafe(12),
        "draft": draft,
        "people": people,
        "summary": presenters.error_summary(people),
        "first_claim": first_claim.is_first_claim(draft.kind),
        "problems": problems,
        "month_name": month_name(draft.month),
        "quarter": [month_name(m) for m in declaration.quarter(draft.month)],
        "expires_at": presenters.session_expiry(request),
        "session_seconds": presenters.session_seconds(request),
    }


@require_POST
@mandate_required_for_agents
def refresh_prefill(request, key):
    draft, response = own_open_draft(request, key)
    if response:
        return response
    for line in save_messages(save(request, draft)):
        messages.warning(request, line)
    draft = services.claim_draft_refresh_prefill(draft=draft, by=request.user, channel=request.channel)
    if all(status == "ok" for status in draft.data.get("prefill", {}).values()):
        messages.success(request, _("Les salaires déclarés par vos employeurs ont été récupérés."))
    else:
        messages.warning(request, _("Les salaires sont toujours indisponibles : saisissez vos montants."))
    return redirect("claims:edit", key=draft.key)


# The problems the check page itself answers (its two boxes); any other sends back to the amounts.
CHECK_PAGE_FIELDS = {"id_sworn", services.NO_INCOME_FIELD}


@mandate_required_for_agents
def check(request, key):
    draft, response = own_open_draft(request, key)
    if response:
        return response
    if request.method != "POST" and (held := services.claim_held_standing(file=draft.file, kind=draft.kind)):
        # The right arrived (or another claim was filed) after this draft was opened: no filing button
        # (the service would refuse it), where the benefit stands instead; the draft is kept.
        return render(request, "benefits/claims/held.html", {"draft": draft, "held": held})
    if first_claim.claim_problems(draft):
        messages.error(request, _("Votre demande n’est pas complète : vérifiez les réponses signalées."))
        return redirect("claims:situation", key=draft.key)
    if problems_of(draft):
        if first_claim.is_first_claim(draft.kind):
            messages.error(request, _("Votre demande n’est pas complète : vérifiez les montants signalés."))
        else:
            messages.error(
                request, _("Votre déclaration n’est pas complète : vérifiez les montants signalés.")
            )
        return redirect("claims:edit", key=draft.key)
    errors = {}
    if request.method == "POST":
        if first_claim.is_first_claim(draft.kind):
            draft = claim_save_answers(
                draft=draft,
                values={"sworn": "oui" if request.POST.get("sworn") else ""},
                by=request.user,
                channel=request.channel,
            )
        try:
            claim = services.claim_submit(
                draft=draft,
                by=request.user,
                channel=request.channel,
                mandate=getattr(request, "mandate", None),
                no_income_confirmed=request.POST.get("no_income") == "oui",
            )
        except services.NotReadyToFile as not_ready:
            errors = dict(not_ready.problems)
            if not errors.keys() <= CHECK_PAGE_FIELDS:
                return redirect("claims:edit", key=draft.key)
        except services.AlreadyDeclared as declared:
            messages.info(request, already_declared_message(declared.claim))
            return redirect("claims:claim", pk=declared.claim.pk)
        except services.AlreadyHeld as held:
            # The right arrived (or another claim was filed) after this draft was opened: nothing is
            # filed, the draft stays in Mes démarches, whose line (or the claim in progress) says why.
            messages.info(request, held.standing["text"])
            return redirect(held.standing["url"] or "claims:index")
        except HouseholdInputError:
            messages.error(
                request, _("Votre dossier ne permet pas de calculer le droit : contactez votre CAF.")
            )
            return redirect("claims:check", key=draft.key)
        else:
            return redirect("claims:claim", pk=claim.pk)
    try:
        household, result = services.claim_estimate_if_covered(draft=draft)
    except HouseholdInputError:
        # Filing will be refused too (claim_submit): the file must be corrected by the CAF first.
        estimate, unavailable = [], "file"
    else:
        # None: a place the core does not cover yet (overseas); filed all the same, the CAF computes.
        estimate = presenters.estimate_lines(result.to_dict(explain=True)) if result else []
        unavailable = "" if result else "not_covered"
    months = declaration.quarter(draft.month)
    rows = declaration.figure_rows(draft.data, draft.file.adult_ids, months)
    context = {
        "draft": draft,
        "people": [
            {"id": m["id"], "name": presenters.person_name(m), "role": m["role"]} for m in draft.file.members
        ],
        "figures": presenters.figure_lines(rows, draft.file),
        "no_income": declaration.declares_no_income(rows),
        "no_income_error": errors.get(services.NO_INCOME_FIELD, ""),
        "prefill_failed": any(status != "ok" for status in draft.data.get("prefill", {}).values()),
        "quarter_text": presenters.quarter_text(draft.month),
        "estimate": estimate,
        "estimate_unavailable": unavailable,
        "first_claim": first_claim.is_first_claim(draft.kind),
        "answers": first_claim.answer_rows(draft),
        "sworn_error": errors.get("id_sworn", ""),
        "month_name": month_name(draft.month),
        "expires_at": presenters.session_expiry(request),
        "session_seconds": presenters.session_seconds(request),
    }
    return render(request, "benefits/claims/check.html", context)


refresh_prefill.not_a_page = True
