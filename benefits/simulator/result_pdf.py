"""The simulator's result as a PDF document ("Télécharger en PDF"): the same figures as the page.

The HTML is rendered from the stored result (result_page.result_context) into a template made for
paper, then turned into a tagged PDF/UA by the letters' renderer when it is there, else by WeasyPrint.
"""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

TEMPLATE = "benefits/simulator/result_pdf.html"
STYLESHEET = "benefits/result-pdf.css"


def pdf_renderer():
    """The letters' PDF/UA renderer (benefits.letters.services.pdf_from_html), or a local stand-in."""
    try:
        from benefits.letters.services import pdf_from_html
    except ImportError:
        return weasyprint_pdf
    return pdf_from_html


def weasyprint_pdf(*, html: str, base_url=None) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")


def result_pdf(*, context: dict, request=None) -> bytes:
    """The PDF of a result page's context; the stylesheet is embedded (nothing is fetched)."""
    with open(finders.find(STYLESHEET), encoding="utf-8") as css:
        html = render_to_string(TEMPLATE, dict(context, stylesheet=css.read()), request=request)
    return pdf_renderer()(html=html, base_url=None)
