"""Mes courriers: the list (refreshed by htmx while a letter is prepared), a letter, its PDF."""

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils import translation

from benefits.letters import selectors
from benefits.letters.documents import letter_page_context
from benefits.letters.models import LetterStatus
from benefits.letters.services import letter_mark_read
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


def letter(request, pk):
    found = selectors.letter_of_user(user=request.user, pk=pk)
    if found is None:
        raise Http404
    context = {"letter": found, "poll_seconds": POLL_SECONDS}
    if found.is_ready:
        letter_mark_read(letter=found)
        # The body is printed in the letter's own language, inside the page of the person's language.
        with translation.override(found.language):
            context.update(letter_page_context(found))
    template = "benefits/letters/letter.html#status" if request.htmx else "benefits/letters/letter.html"
    return render(request, template, context)


def download(request, pk):
    found = selectors.letter_of_user(user=request.user, pk=pk)
    if found is None or not found.is_ready:
        raise Http404
    letter_mark_read(letter=found)
    # On a kiosk the PDF opens in the browser, to print, rather than being saved to the shared PC's disk.
    response = FileResponse(
        found.pdf.open("rb"),
        as_attachment=request.channel != KIOSK,
        filename=found.download_name,
        content_type="application/pdf",
    )
    response["Cache-Control"] = "no-store"
    return response


download.not_a_page = True
