"""What rendering.py does for speed changes nothing in the PDF: a letter renders the same pages and
tags as through WeasyPrint's own HTML class (its whole user-agent stylesheet); list items keep their
markers; the collector's threshold is back after a render."""

import gc
import io

import pikepdf
import pytest
from weasyprint import HTML

from benefits.letters import rendering
from benefits.letters.documents import letter_html
from benefits.letters.models import LetterKind
from benefits.letters.samples import sample_letter
from tests.benefits.letters.pdf_checks import text

pytestmark = pytest.mark.django_db


def pages_and_tags(pdf: bytes) -> tuple[list[bytes], str]:
    """Each page's decoded content stream, and the structure tree (types, languages, alternative texts)."""

    def tree(node, depth=0):
        if isinstance(node, pikepdf.Array):
            return [tree(child, depth) for child in node]
        if isinstance(node, pikepdf.Dictionary) and "/S" in node:
            own = {key: str(node[key]) for key in ("/S", "/Lang", "/Alt", "/ActualText", "/T") if key in node}
            return [own, tree(node.get("/K", pikepdf.Array()), depth + 1)]
        return str(node) if not isinstance(node, pikepdf.Dictionary) else "ref"

    with pikepdf.open(io.BytesIO(pdf)) as document:
        contents = []
        for page in document.pages:
            stream = page.obj.Contents
            parts = list(stream) if isinstance(stream, pikepdf.Array) else [stream]
            contents.append(b"".join(part.read_bytes() for part in parts))
        return contents, repr(tree(document.Root.StructTreeRoot.K))


def weasyprint_default(html: str) -> bytes:
    """The same document through WeasyPrint's own HTML class and its whole user-agent stylesheet."""
    document = HTML(string=html, base_url=rendering.BASE_URL, url_fetcher=rendering.fetcher()).render(
        font_config=rendering.font_configuration(),
        stylesheets=[rendering.stylesheet(rendering.LETTER_STYLESHEET)],
    )
    return document.write_pdf(pdf_variant="pdf/ua-1")


@pytest.mark.parametrize("kind", LetterKind.values)
def test_letter_renders_as_through_weasyprints_own_html_class(kind):
    html = letter_html(sample_letter(kind, language="en" if kind == LetterKind.RECALCULATION else "fr"))
    ours, _pages = rendering.render_pdf(html=html, stylesheets=(rendering.LETTER_STYLESHEET,))
    assert pages_and_tags(ours) == pages_and_tags(weasyprint_default(html))


def universal_pseudo_elements(stylesheet) -> set:
    """The pseudo-elements the sheet gives to any element (selectors with no id, class or tag)."""
    return {entry[3] for entry in stylesheet.matcher.other_selectors if entry[3]}


def test_user_agent_stylesheet_keeps_the_list_marker_and_drops_the_notes():
    from weasyprint.html import UA_STYLESHEET

    stylesheet = rendering.user_agent_stylesheet()  # raises if WeasyPrint's own sheet changed shape
    assert {"marker", "footnote-call", "note-callback"} <= universal_pseudo_elements(UA_STYLESHEET)
    assert not universal_pseudo_elements(stylesheet)
    li_pseudo = {entry[3] for entry in stylesheet.matcher.lower_local_name_selectors["li"]}
    assert "marker" in li_pseudo
    html = (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Liste</title></head>'
        "<body><ul><li>Premier point</li><li>Second point</li></ul></body></html>"
    )
    content = text(rendering.pdf_from_html(html=html))
    assert content.count("•") == 2 and "Premier point" in content


def test_collector_threshold_is_raised_during_renders_and_restored_after():
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        with rendering.fewer_collections():
            assert gc.get_threshold() == (rendering.RENDER_GC_THRESHOLD, 10, 10)
            with rendering.fewer_collections():  # another thread's render at the same time
                pass
            assert gc.get_threshold()[0] == rendering.RENDER_GC_THRESHOLD
        assert gc.get_threshold() == (700, 10, 10)
        with pytest.raises(ValueError), rendering.fewer_collections():
            raise ValueError("a failed render")
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*saved)
