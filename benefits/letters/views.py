"""Mes courriers: the list (refreshed by htmx while a letter is prepared), a letter, its print view, its PDF."""

from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import translation

from benefits.letters import selectors
from benefits.letters.documents import letter_page_context
from benefits.letters.models import LetterStatus
from benefits.letters.services import letter_mark_read, letter_render_on_opening
from portal.channels import KIOSK

# Seconds between two refreshes of the list while a letter is being prepared.
POLL_SECONDS = 3


def inbox(request):
    letters = list(selectors.letters_of_user(user=request.user))
    context = {
        "letters": letters,
        "preparing": any(letter.status == LetterStatus.QUEUED for letter in letters),
        "poll_seconds": POLL_SECONDS,
    }
    template = "benefits/letters/inbox.html#list" if request.htmx else "benefits/letters/inbox.html"
    return render(request, template, context)


def with_body(context: dict, found) -> dict:
    letter_mark_read(letter=found)
    # The body is printed in the letter's own language, inside the page of the person's language.
    with translation.override(found.language):
        context.update(letter_page_context(found))
    return context


def letter(request, pk):
    found = selectors.letter_of_user(user=request.user, pk=pk)
    if found is None:
        raise Http404
    found = letter_render_on_opening(letter=found)
    context = {"letter": found, "poll_seconds": POLL_SECONDS}
    if found.is_ready:
        with_body(context, found)
    template = "benefits/letters/letter.html#status" if request.htmx else "benefits/letters/letter.html"
    return render(request, template, context)


def print_view(request, pk):
    """The letter alone, laid out for paper: where "Imprimer" leads without JavaScript (with it, the
    letter page prints itself, static/benefits/letter-print.js)."""
    found = selectors.letter_of_user(user=request.user, pk=pk)
    if found is None:
        raise Http404
    if not found.is_ready:
        return redirect("letters:letter", pk=found.pk)
    return render(request, "benefits/letters/print.html", with_body({}, found))


def download(request, pk):
    found = selectors.letter_of_user(user=request.user, pk=pk)
    if found is None or not found.is_ready:
        raise Http404
    if request.channel == KIOSK:
        # A PDF, even shown inline, has its viewer's own "download" button, and a file saved to the
        # shared PC's disk is beyond Clear-Site-Data: on a kiosk a letter is printed from its print view.
        return redirect("letters:print", pk=found.pk)
    letter_mark_read(letter=found)
    response = FileResponse(
        found.pdf.open("rb"),
        as_attachment=True,
        filename=found.download_name,
        content_type="application/pdf",
    )
    response["Cache-Control"] = "no-store"
    return response


download.not_a_page = True
