"""HTML → tagged PDF (PDF/UA-1) with WeasyPrint, fonts and styles read from the static files only.

`pdf_from_html` is the reusable part (letters, the simulator's "Télécharger en PDF"). The HTML must
carry `<html lang>`, a `<title>` and `<meta name="author">`/`<meta name="description">`: WeasyPrint
writes them into the document's metadata, and PDF/UA needs the title and the language.
"""

import mimetypes
import os
from functools import cache, lru_cache

from django.contrib.staticfiles import finders
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

# A base URL that resolves nowhere: every resource comes from the fetcher below, so a letter never
# makes an HTTP request (no self-fetch, no SSRF through a context value).
BASE_URL = "https://pdf.invalid/"
STATIC_PREFIX = BASE_URL + "static/"


class StaticFilesFetcher(URLFetcher):
    """Serves /static/ from Django's finders (the DSFR's Marianne, the letter CSS) and data: URLs;
    refuses everything else."""

    def fetch(self, url, headers=None):
        if url.startswith(STATIC_PREFIX):
            path = finders.find(url[len(STATIC_PREFIX) :].split("?")[0].split("#")[0])
            if path:
                body, mime_type = static_file(path, os.stat(path).st_mtime_ns)
                return URLFetcherResponse(url, body=body, headers={"Content-Type": mime_type})
        if url.startswith("data:"):
            return super().fetch(url, headers)
        raise ValueError(f"blocked URL in PDF: {url}")


@lru_cache(maxsize=64)
def static_file(path: str, mtime_ns: int) -> tuple[bytes, str]:
    """The bytes and type of a static file, kept while it is unchanged (fonts weigh 30–40 KB each)."""
    with open(path, "rb") as handle:
        return handle.read(), mimetypes.guess_type(path)[0] or "application/octet-stream"


@cache
def font_configuration() -> FontConfiguration:
    # Shared across renders: the parsed @font-face faces are reused (≈ −40 % render time, see docs).
    return FontConfiguration()


def render_pdf(*, html: str, base_url=None) -> tuple[bytes, int]:
    """The PDF/UA-1 bytes of `html` and its page count."""
    document = HTML(string=html, base_url=base_url or BASE_URL, url_fetcher=StaticFilesFetcher()).render(
        font_config=font_configuration()
    )
    pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    return pdf, len(document.pages)


def pdf_from_html(*, html: str, base_url=None) -> bytes:
    """A tagged, accessible PDF (PDF/UA-1) of a complete HTML document; static URLs are
    `https://pdf.invalid/static/...` (use `{% static %}` with the `benefits/letters/pdf_base.html` layout)."""
    return render_pdf(html=html, base_url=base_url)[0]
