"""What rendering.py does for speed changes nothing in the PDF: a letter renders the same pages and
tags as through WeasyPrint's own HTML class (its parser, its whole user-agent stylesheet); the tree
html_tree.py builds is tinyhtml5's for every letter, and documents needing HTML5's repairs go to
tinyhtml5; list items keep their markers; the collector's threshold is back after a render."""

import gc
import io
import xml.etree.ElementTree as ET

import pikepdf
import pytest
import tinyhtml5
from weasyprint import HTML

from benefits.letters import rendering
from benefits.letters.documents import letter_html
from benefits.letters.html_tree import letter_tree
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


def tree_dump(element: ET.Element) -> list:
    return [
        element.tag,
        sorted(element.attrib.items()),
        element.text,
        element.tail,
        [tree_dump(child) for child in element],
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("kind", LetterKind.values)
def test_letter_tree_is_tinyhtml5s_tree(kind, language):
    html = letter_html(sample_letter(kind, language=language))
    tree = letter_tree(html)
    assert tree is not None, "a letter's template needs HTML5's repairs: see html_tree.py"
    assert tree_dump(tree) == tree_dump(tinyhtml5.parse(html, namespace_html_elements=False))


HEAD = '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>T</title></head>'


@pytest.mark.parametrize(
    "body",
    [
        "<body><p>Un<div>bloc</div></p></body></html>",  # a block closes the paragraph
        "<body><table><tr><td>1</td></tr></table></body></html>",  # an implied <tbody>
        "<body><p>ouvert</body></html>",  # an end tag closing another element
        "<body><!-- note --><p>x</p></body></html>",
        "<body><pre>\nx</pre></body></html>",
        "<body><p>x</p></body></html><p>after</p>",
        "<body><table>texte<tbody></tbody></table></body></html>",  # text fostered out of the table
        "\u00a0<body><p>x</p></body></html>",  # a no-break space opens the body in HTML5
    ],
)
def test_documents_needing_html5_repairs_are_left_to_tinyhtml5(body):
    assert letter_tree(HEAD + body) is None


def test_a_tag_in_the_title_is_left_to_tinyhtml5():
    html = '<!DOCTYPE html><html lang="fr"><head><title>a <b>c</b></title></head><body></body></html>'
    assert letter_tree(html) is None


def test_letter_html_sets_what_weasyprints_html_sets():
    html = HEAD + "<body><p>x</p></body></html>"
    assert letter_tree(html) is not None
    ours = rendering.LetterHTML(string=html, base_url=rendering.BASE_URL, url_fetcher=rendering.fetcher())
    theirs = HTML(string=html, base_url=rendering.BASE_URL, url_fetcher=rendering.fetcher())
    assert vars(ours).keys() == vars(theirs).keys()
    assert {key: value for key, value in vars(ours).items() if isinstance(value, str)} == {
        key: value for key, value in vars(theirs).items() if isinstance(value, str)
    }
