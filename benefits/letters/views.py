"""Mes courriers: the list (refreshed by htmx while a letter is prepared), a letter, its print view, its PDF.

The person reads their own letters; an agent under a mandate reads the mandate's file's
(selectors.letters_in_scope), each opening journaled and the letter left unread (services.letter_open);
another file's letter is a 403 « Non couvert par le mandat », never a 404 nor the agent's own.
"""

import functools

from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from benefits.letters import selectors
from benefits.letters.documents import letter_page_context
from benefits.letters.models import Letter, LetterStatus
from benefits.letters.services import letter_open, letter_render_on_opening
from portal.agent_access import agents_under_a_mandate, is_verified_agent, refused_under_mandate
from portal.channels import AGENT, KIOSK

# Seconds between two refreshes of the list while a letter is being prepared.
POLL_SECONDS = 3


class OutsideMandate(Exception):
    pass


def letter_or_refusal(request, pk) -> Letter:
    """The letter of this request, or Http404 (none such, or the person's own path), or OutsideMandate
    (an agent under a mandate asking for a letter of another file)."""
    found = selectors.letter_in_scope(request, pk)
    if found is not None:
        return found
    if request.channel == AGENT and Letter.objects.filter(pk=pk).exists():
        raise OutsideMandate
    raise Http404


def refusing_outside_mandate(view):
    @functools.wraps(view)
    def wrapped(request, pk):
        try:
            return view(request, pk)
        except OutsideMandate:
            return refused_under_mandate(request, reason="outside")

    return agents_under_a_mandate(wrapped)


def inbox_name(request) -> str:
    """The inbox's name in its title, heading and the letter's back link: « Courriers de la personne »
    for an agent under the mandate (as the desk's header reads it, benefits.desk.context_processors)."""
    under_mandate = is_verified_agent(request) and getattr(request, "mandate", None) is not None
    return _("Courriers de la personne") if under_mandate else _("Mes courriers")


@agents_under_a_mandate
def inbox(request):
    letters = list(selectors.letters_in_scope(request))
    context = {
        "letters": letters,
        "preparing": any(letter.status == LetterStatus.QUEUED for letter in letters),
        "poll_seconds": POLL_SECONDS,
        "inbox_name": inbox_name(request),
    }
    template = "benefits/letters/inbox.html#list" if request.htmx else "benefits/letters/inbox.html"
    return render(request, template, context)


def with_body(request, context: dict, found) -> dict:
    letter_open(letter=found, by=request.user, channel=request.channel)
    # The body is printed in the letter's own language, inside the page of the person's language.
    with translation.override(found.language):
        context.update(letter_page_context(found))
    return context


@refusing_outside_mandate
def letter(request, pk):
    found = letter_render_on_opening(letter=letter_or_refusal(request, pk))
    context = {"letter": found, "poll_seconds": POLL_SECONDS, "inbox_name": inbox_name(request)}
    if found.is_ready:
        with_body(request, context, found)
    template = "benefits/letters/letter.html#status" if request.htmx else "benefits/letters/letter.html"
    return render(request, template, context)


@refusing_outside_mandate
def print_view(request, pk):
    """The letter alone, laid out for paper: where "Imprimer" leads without JavaScript (with it, the
    letter page prints itself, static/benefits/letter-print.js)."""
    found = letter_or_refusal(request, pk)
    if not found.is_ready:
        return redirect("letters:letter", pk=found.pk)
    return render(request, "benefits/letters/print.html", with_body(request, {}, found))


@refusing_outside_mandate
def download(request, pk):
    found = letter_or_refusal(request, pk)
    if not found.is_ready:
        raise Http404
    if request.channel == KIOSK:
        # A PDF, even shown inline, has its viewer's own "download" button, and a file saved to the
        # shared PC's disk is beyond Clear-Site-Data: on a kiosk a letter is printed from its print view.
        return redirect("letters:print", pk=found.pk)
    letter_open(letter=found, by=request.user, channel=request.channel)
    response = FileResponse(
        found.pdf.open("rb"),
        as_attachment=True,
        filename=found.download_name,
        content_type="application/pdf",
    )
    response["Cache-Control"] = "no-store"
    return response


download.not_a_page = True
