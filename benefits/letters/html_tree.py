"""The element tree of a letter's HTML, built by the standard library's tokenizer instead of WeasyPrint's
HTML5 parser (tinyhtml5, pure Python: 5–14 ms a letter, 4–7 % of its render; this takes ≈ 1.5 ms).

Only for documents whose tree needs none of HTML5's repairs, as the letters' templates write them:
`<html>` holding `<head>` then `<body>`, every element closed by its own end tag (void elements
apart), tables with their row groups and rows, no comment, no text outside the body. For such a
document the HTML5 algorithm builds exactly the nested elements written, and this builds the same
tree, whitespace included (`tests/benefits/letters/test_rendering.py` compares both on every
letter). Anything else — an end tag that closes another element, a `<p>` left open before a block,
a `<tr>` straight in a `<table>`, a comment, a `<pre>` — returns None, and the caller parses it with
tinyhtml5 as before.
"""

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
# Elements whose parsing HTML5 treats specially (raw text, implied newlines, foreign content, forms,
# the base URL): their documents go to tinyhtml5.
SPECIAL = frozenset(
    {"pre", "listing", "textarea", "script", "style", "template", "svg", "math", "noscript", "iframe"}
    | {"select", "option", "optgroup", "base", "frameset", "frame", "plaintext", "xmp", "noembed", "form"}
    | {"button", "image", "isindex", "ruby", "rb", "rp", "rt", "rtc", "nobr", "object", "applet", "marquee"}
)
# What may be opened inside a <p> without HTML5 closing the paragraph first.
PHRASING = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q"}
    | {"s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "img", "del", "ins"}
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
TABLE_PARENTS = {
    "caption": {"table"},
    "colgroup": {"table"},
    "thead": {"table"},
    "tbody": {"table"},
    "tfoot": {"table"},
    "tr": {"thead", "tbody", "tfoot"},
    "td": {"tr"},
    "th": {"tr"},
    "li": {"ul", "ol", "menu"},
    "dt": {"dl"},
    "dd": {"dl"},
}
TABLE_TEXTLESS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "colgroup"})
HEAD_CONTENT = frozenset({"meta", "title", "link"})
HTML_WHITESPACE = " \t\n\f\r"  # HTML5's, not str.strip()'s (which also strips a no-break space)


class NeedsHtml5(Exception):
    """The document needs the HTML5 algorithm's repairs: parse it with tinyhtml5."""


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = None
        self.head = self.body = None
        self.body_closed = False
        self.open = []  # the open elements, innermost last
        self.last = None  # the element whose text (still open, no child yet) or tail takes the next text
        self.last_closed = False

    def handle_starttag(self, tag, attrs):
        if tag in SPECIAL or len({name for name, _value in attrs}) != len(attrs):
            raise NeedsHtml5(tag)
        parent = self.open[-1] if self.open else None
        self.check_place(tag, parent)
        element = ET.Element(tag, {name: "" if value is None else value for name, value in attrs})
        if parent is None:
            self.root = element
        else:
            parent.append(element)
        if tag == "head":
            self.head = element
        elif tag == "body":
            self.body = element
        self.last, self.last_closed = element, tag in VOID
        if tag not in VOID:
            self.open.append(element)

    def check_place(self, tag, parent):
        if self.body_closed:
            raise NeedsHtml5("after body")
        if parent is None:
            if tag != "html" or self.root is not None:
                raise NeedsHtml5(tag)
            return
        if parent.tag == "html":
            if (tag, len(parent)) not in (("head", 0), ("body", 1)):
                raise NeedsHtml5(tag)
            return
        if parent.tag == "head":
            if tag not in HEAD_CONTENT:
                raise NeedsHtml5(tag)
            return
        if parent.tag == "title":  # its content is text in HTML5 (RCDATA), a tag included
            raise NeedsHtml5(f"{tag} in title")
        if tag in ("html", "head", "body"):
            raise NeedsHtml5(tag)
        if any(element.tag == "p" for element in self.open) and tag not in PHRASING:
            raise NeedsHtml5(f"{tag} in p")
        if tag in HEADINGS and any(element.tag in HEADINGS for element in self.open):
            raise NeedsHtml5(f"{tag} in a heading")
        if tag == "a" and any(element.tag == "a" for element in self.open):
            raise NeedsHtml5("a in a")
        placed = parent.tag in TABLE_PARENTS.get(tag, ()) or (parent.tag, tag) == ("colgroup", "col")
        if (parent.tag in TABLE_TEXTLESS or tag in TABLE_PARENTS) and not placed:
            raise NeedsHtml5(f"{tag} in {parent.tag}")

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID:  # `<div/>` is an open <div> in HTML5
            raise NeedsHtml5(tag)
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1].tag != tag:
            raise NeedsHtml5(f"/{tag}")
        element = self.open.pop()
        if tag == "body":
            self.body_closed = True
        self.last, self.last_closed = element, True

    def handle_data(self, data):
        outside = self.root is None or self.body_closed or self.open[-1].tag in ("html", "head")
        if outside or self.open[-1].tag in TABLE_TEXTLESS:
            if data.strip(HTML_WHITESPACE):
                raise NeedsHtml5("text outside the body or in a table")
            if self.root is None or self.head is None and self.open[-1].tag == "html":
                return  # before <head>: HTML5 drops it
            if self.body_closed:
                # After </body> or </html>: HTML5 appends it to the body's content.
                self.add_text(
                    self.body[-1] if len(self.body) else self.body, closed=len(self.body) > 0, data=data
                )
                return
        self.add_text(self.last, closed=self.last_closed, data=data)

    @staticmethod
    def add_text(element, *, closed, data):
        if closed:
            element.tail = (element.tail or "") + data
        else:
            element.text = (element.text or "") + data

    def handle_comment(self, data):
        raise NeedsHtml5("comment")

    def handle_pi(self, data):
        raise NeedsHtml5("processing instruction")

    def unknown_decl(self, data):
        raise NeedsHtml5("declaration")


def letter_tree(html: str) -> ET.Element | None:
    """The `<html>` element of `html` as tinyhtml5 would build it, or None when the document needs
    HTML5's repairs (then parse it with tinyhtml5)."""
    if "\r" in html or "\x00" in html:  # HTML5 normalizes newlines and replaces NUL
        return None
    builder = TreeBuilder()
    try:
        builder.feed(html)
        builder.close()
    except NeedsHtml5:
        return None
    if builder.root is None or builder.open or builder.body is None or builder.rawdata:
        return None
    return builder.root
