"""The simulator's result as a PDF document ("Télécharger en PDF"): the same figures as the page.

The HTML is rendered from the stored result (result_page.result_context) into a template made for
paper, then turned into a tagged PDF/UA by the letters' renderer (benefits.letters.services).
"""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from benefits.letters.services import pdf_from_html

TEMPLATE = "benefits/simulator/result_pdf.html"
STYLESHEET = "benefits/result-pdf.css"


def result_pdf(*, context: dict, request=None) -> bytes:
    """The PDF of a result page's context; the stylesheet is embedded (nothing is fetched)."""
    with open(finders.find(STYLESHEET), encoding="utf-8") as css:
        html = render_to_string(TEMPLATE, dict(context, stylesheet=css.read()), request=request)
    return pdf_from_html(html=html, base_url=None)
