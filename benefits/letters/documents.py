"""A letter's frozen context → the template variables → HTML → PDF/UA (filled in by the next commit)."""

from django.template.loader import render_to_string
from django.utils import translation

from benefits.letters.rendering import render_pdf


def letter_html(letter) -> str:
    with translation.override(letter.language):
        return render_to_string("benefits/letters/pdf.html", {"letter": letter, "ctx": letter.context})


def letter_pdf(letter) -> tuple[bytes, int]:
    return render_pdf(html=letter_html(letter))
