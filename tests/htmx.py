"""Replays an htmx swap on a parsed page, so tests compare "page + swap" with a fresh full render."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Finder(HTMLParser):
    """Finds the character range of the element with a given id in the raw HTML."""

    def __init__(self, element_id):
        super().__init__(convert_charrefs=False)
        self.element_id = element_id
        self.start = self.end = None
        self.depth = 0
        self.text = ""

    def feed(self, data):
        self.text += data
        super().feed(data)

    def position(self) -> int:
        line, column = self.getpos()
        return sum(len(row) for row in self.text.splitlines(keepends=True)[: line - 1]) + column

    def handle_starttag(self, tag, attrs):
        if self.start is None and dict(attrs).get("id") == self.element_id:
            self.start = self.position()
            if tag in VOID:
                self.end = self.start + len(self.get_starttag_text())
            else:
                self.depth = 1
        elif self.start is not None and self.end is None and tag not in VOID:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.start is not None and self.end is None and tag not in VOID:
            self.depth -= 1
            if self.depth == 0:
                self.end = self.text.index(">", self.position()) + 1


def _bounds(html: str, element_id: str) -> tuple[int, int]:
    finder = _Finder(element_id)
    finder.feed(html)
    if finder.start is None or finder.end is None:
        raise AssertionError(f"no element with id {element_id!r}")
    return finder.start, finder.end


def outer_html(html: str, element_id: str) -> str:
    start, end = _bounds(html, element_id)
    return html[start:end]


def swap_outer_html(page: str, element_id: str, fragment: str) -> str:
    """hx-swap="outerHTML" on the element `element_id` of `page`."""
    start, end = _bounds(page, element_id)
    return page[:start] + fragment.strip() + page[end:]
