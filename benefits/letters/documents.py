"""A letter's frozen context → display values → HTML (the same body in the PDF and in the inbox) → PDF/UA."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from benefits.letters.presenters import letter_display
from benefits.letters.rendering import LETTER_STYLESHEET, render_pdf


def body_template(letter) -> str:
    return f"benefits/letters/body/{letter.kind}.html"


def letter_page_context(letter) -> dict:
    """What pdf.html and the inbox's letter page print (call in the letter's language)."""
    return {"letter": letter, "d": letter_display(letter), "body_template": body_template(letter)}


def pdf_metadata(letter) -> dict:
    return {
        "document_language": letter.language,
        "document_title": f"{letter.subject} — {letter.reference}",
        "document_description": _("Courrier %(reference)s, dossier allocataire %(number)s")
        % {"reference": letter.reference, "number": letter.file.number},
    }


def letter_html(letter) -> str:
    with translation.override(letter.language):
        context = {**letter_page_context(letter), **pdf_metadata(letter)}
        return render_to_string("benefits/letters/pdf.html", context)


def letter_pdf(letter) -> tuple[bytes, int]:
    """The PDF/UA bytes of the letter and its page count."""
    return render_pdf(html=letter_html(letter), stylesheets=(LETTER_STYLESHEET,))
