"""HTML → tagged PDF (PDF/UA-1) with WeasyPrint, fonts and styles read from the static files only.

`pdf_from_html` is the reusable part (letters, the simulator's "Télécharger en PDF"). The HTML must
carry `<html lang>`, a `<title>` and `<meta name="author">`/`<meta name="description">`: WeasyPrint
writes them into the document's metadata, and PDF/UA needs the title and the language.

What is costly and the same for every render is made once per process (a Celery worker renders
thousands of letters): the URL fetcher (building one creates an SSL context, ~15–30 ms), the font
configuration with its @font-face faces, and the print stylesheets, parsed once into `CSS` objects and
given to WeasyPrint (`stylesheets=`) instead of a `<link>` it would fetch and parse at every render.
Per render, two costs that were not the document's are avoided (docs/letters.md, "Speed"): the
cascade's pseudo-elements of WeasyPrint's user-agent stylesheet that no letter has
(`user_agent_stylesheet`) and most of the cyclic garbage collector's runs (`fewer_collections`).
"""

import gc
import mimetypes
import os
import re
import threading
from contextlib import contextmanager
from functools import cache, lru_cache

from django.contrib.staticfiles import finders
from weasyprint import CSS, HTML
from weasyprint.css.counters import CounterStyle
from weasyprint.html import UA
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

# A base URL that resolves nowhere: every resource comes from the fetcher below, so a letter never
# makes an HTTP request (no self-fetch, no SSRF through a context value).
BASE_URL = "https://pdf.invalid/"
STATIC_PREFIX = BASE_URL + "static/"


class StaticFilesFetcher(URLFetcher):
    """Serves /static/ from Django's finders (the DSFR's Marianne, the letter CSS) and data: URLs;
    refuses everything else. Stateless for static files, so one instance serves every render."""

    def fetch(self, url, headers=None):
        if url.startswith(STATIC_PREFIX):
            path = finders.find(url[len(STATIC_PREFIX) :].split("?")[0].split("#")[0])
            if path:
                body, mime_type = static_file(path, os.stat(path).st_mtime_ns)
                return URLFetcherResponse(url, body=body, headers={"Content-Type": mime_type})
        if url.startswith("data:"):
            # A fresh opener: urllib's keeps per-request state, and data: URLs are rare.
            return URLFetcher(allowed_protocols=("data",)).fetch(url, headers)
        raise ValueError(f"blocked URL in PDF: {url}")


@lru_cache(maxsize=64)
def static_file(path: str, mtime_ns: int) -> tuple[bytes, str]:
    """The bytes and type of a static file, kept while it is unchanged (fonts weigh 30–40 KB each)."""
    with open(path, "rb") as handle:
        return handle.read(), mimetypes.guess_type(path)[0] or "application/octet-stream"


# WeasyPrint's user-agent stylesheet gives `::marker` and the five note pseudo-elements
# (`::footnote-call`, `::footnote-marker`, `::note-call`, `::note-marker`, `::note-callback`) to every
# element: the cascade then computes six pseudo-element styles per element, none of them cached (≈ 85 %
# of the styles computed for a letter, ≈ 15 % of its render). Only a list item has a marker, and no
# document rendered here floats a footnote or a note (`float: footnote` / `note`), so the same sheet
# with the marker rule kept for list items and the note rules left out renders the same PDF.
UA_MARKER_RULE = re.compile(r"^::marker \{", re.MULTILINE)
UA_NOTES_RULES = re.compile(r"^::(?:footnote|note)-(?:call|marker|callback) \{[^}]*\}$", re.MULTILINE)


@cache
def user_agent_stylesheet() -> CSS:
    """WeasyPrint's user-agent stylesheet without the pseudo-elements no letter has (see above)."""
    text, markers = UA_MARKER_RULE.subn("li::marker {", UA)
    text, notes = UA_NOTES_RULES.subn("", text)
    if (markers, notes) != (1, 5):
        raise RuntimeError("WeasyPrint's user-agent stylesheet changed: review user_agent_stylesheet()")
    # Its @counter-style rules are already in the counter styles every document starts from
    # (`HTML._ua_counter_style`): they are parsed here into a throw-away set.
    return CSS(string=text, counter_style=CounterStyle())


class LetterHTML(HTML):
    """An HTML document rendered with `user_agent_stylesheet()` (WeasyPrint's own tests substitute
    their user-agent stylesheet the same way)."""

    def _ua_stylesheets(self, forms=False):
        return [user_agent_stylesheet(), *super()._ua_stylesheets(forms)[1:]]


@cache
def fetcher() -> StaticFilesFetcher:
    return StaticFilesFetcher()


@cache
def font_configuration() -> FontConfiguration:
    # Shared across renders: the @font-face faces are registered once (≈ −40 % render time, see docs).
    return FontConfiguration()


def stylesheet(name: str) -> CSS:
    """The static stylesheet `name` parsed once (again only when the file changes), its @font-face
    faces registered in the shared font configuration."""
    path = finders.find(name)
    if not path:
        raise ValueError(f"no static stylesheet {name}")
    return parsed_stylesheet(name, os.stat(path).st_mtime_ns)


@lru_cache(maxsize=16)
def parsed_stylesheet(name: str, mtime_ns: int) -> CSS:
    return CSS(url=STATIC_PREFIX + name, url_fetcher=fetcher(), font_config=font_configuration())


# A render allocates some 30 000 container objects that it keeps until the end (boxes, styles, PDF
# objects): with Python's default threshold (700) the cyclic collector runs ~10 young collections per
# letter, every tenth an older one, and a full one now and then over the whole process's heap (Django
# and WeasyPrint loaded: ~160 000 objects) — ≈ 9 % of a letter's CPU time, all of it finding almost
# nothing but the render's own live objects. During a render the young generation's threshold is
# raised: ≈ 1 collection per render (≈ 2 % of its time); the render's cycles (≈ 4 000 objects) are
# collected after it as before. Restored when the last concurrent render ends.
RENDER_GC_THRESHOLD = 10_000
_gc_lock = threading.Lock()
_gc_state = {"renders": 0, "threshold": None}


@contextmanager
def fewer_collections():
    with _gc_lock:
        if _gc_state["renders"] == 0:
            _gc_state["threshold"] = gc.get_threshold()
            gc.set_threshold(max(RENDER_GC_THRESHOLD, _gc_state["threshold"][0]), *_gc_state["threshold"][1:])
        _gc_state["renders"] += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_state["renders"] -= 1
            if _gc_state["renders"] == 0:
                gc.set_threshold(*_gc_state["threshold"])


def render_pdf(*, html: str, base_url=None, stylesheets=()) -> tuple[bytes, int]:
    """The PDF/UA-1 bytes of `html` and its page count; `stylesheets` are static names
    (e.g. "benefits/letter.css") applied to the document, parsed once per process."""
    with fewer_collections():
        document = LetterHTML(string=html, base_url=base_url or BASE_URL, url_fetcher=fetcher()).render(
            font_config=font_configuration(),
            stylesheets=[stylesheet(name) for name in stylesheets],
        )
        pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    return pdf, len(document.pages)


def pdf_from_html(*, html: str, base_url=None, stylesheets=()) -> bytes:
    """A tagged, accessible PDF (PDF/UA-1) of a complete HTML document; static URLs are
    `https://pdf.invalid/static/...`. A document extending `benefits/letters/pdf_base.html` passes
    `stylesheets=(LETTER_STYLESHEET,)` for the letters' print CSS and Marianne."""
    return render_pdf(html=html, base_url=base_url, stylesheets=stylesheets)[0]


LETTER_STYLESHEET = "benefits/letter.css"
