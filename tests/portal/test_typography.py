"""French typography of the interface (CONTRIBUTING.md, "French typography"): a no-break space (U+00A0)
before « : ; ! ? » and inside « guillemets », so a small phone never starts a line with ":" or "»".

The templates' visible text is read as the browser shows it: template comments, tags' insides, HTML
tags and their attributes, HTML comments and the contents of <pre>, <code>, <script> and <style> are
left out; the strings of {% translate %} and the text of {% blocktranslate %} are kept. The French
msgids of the catalogue cover the Python strings marked for translation."""

import re
from pathlib import Path

from django.template.base import DebugLexer, TokenType

ROOT = Path(__file__).resolve().parents[2]
# A plain space (or a line break of the source, which the browser shows as a space) where a no-break
# one belongs: before a high punctuation mark or a closing guillemet, after an opening guillemet.
PLAIN_SPACE = re.compile(r"[ \t\r\n]+[:;!?»]|«[ \t\r\n]+")
RAW_ELEMENTS = ("pre", "code", "script", "style")
TRANSLATE = re.compile(r"""(?:translate|trans)\s+(?P<quote>["'])(?P<text>.*?)(?P=quote)""", re.S)
SKIPPED_BLOCKS = {"comment": "endcomment", "verbatim": "endverbatim"}


def visible_spans(source: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the template's text a reader sees or hears: text outside HTML tags, and
    the string of each {% translate %} (wherever it is, an attribute's included: it is read out)."""
    spans, html = [], _HtmlState()
    skipped_until = None
    for token in DebugLexer(source).tokenize():
        start, end = token.position
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split(maxsplit=1)[0] if token.contents else ""
            if skipped_until:
                skipped_until = None if name == skipped_until else skipped_until
            elif name in SKIPPED_BLOCKS:
                skipped_until = SKIPPED_BLOCKS[name]
            elif (match := TRANSLATE.match(token.contents)) and html.raw is None:
                offset = source.index(token.contents, start)
                spans.append((offset + match.start("text"), offset + match.end("text")))
        elif token.token_type == TokenType.TEXT and not skipped_until:
            spans.extend(html.text_spans(source, start, end))
    return spans


class _HtmlState:
    """Where the HTML stands between two template tokens: inside a tag (and its quotes), an HTML
    comment, or a raw element whose text is code."""

    def __init__(self):
        self.in_tag = self.in_comment = False
        self.quote = None
        self.tag = ""
        self.raw = None

    def text_spans(self, source: str, start: int, end: int) -> list[tuple[int, int]]:
        spans, text_start, i = [], None, start
        while i < end:
            c = source[i]
            if self.in_comment:
                if source.startswith("-->", i):
                    self.in_comment = False
                    i += 2
            elif self.in_tag:
                if self.quote:
                    self.quote = None if c == self.quote else self.quote
                elif c in "\"'":
                    self.quote = c
                elif c == ">":
                    self.in_tag = False
                    name = self.tag.lower()
                    if self.raw is None and name in RAW_ELEMENTS:
                        self.raw = name
                    elif self.raw and name == "/" + self.raw:
                        self.raw = None
                elif not self.tag.endswith(" ") and (c.isalnum() or c == "/"):
                    self.tag += c
                else:
                    self.tag += " "
            elif c == "<" and re.match(r"<[a-zA-Z/!]", source[i : i + 2]):
                if text_start is not None:
                    spans.append((text_start, i))
                    text_start = None
                if source.startswith("<!--", i):
                    self.in_comment = True
                    i += 3
                else:
                    self.in_tag, self.tag = True, ""
            elif self.raw is None and text_start is None:
                text_start = i
            i += 1
        if text_start is not None:
            spans.append((text_start, end))
        return spans


def plain_spaces(source: str) -> list[str]:
    """Each visible plain space where a no-break one belongs, as "line N: …the text around it…"."""
    found = []
    for start, end in visible_spans(source):
        for match in PLAIN_SPACE.finditer(source, start, end):
            line = source.count("\n", 0, match.start()) + 1
            around = source[max(start, match.start() - 20) : match.end()]
            found.append(f"line {line}: {re.sub(r'[ \t\r\n]+', ' ', around)}")
    return found


def msgids() -> list[str]:
    """The catalogue's French msgids (and plurals), continuation lines included."""
    found, current = [], None
    for line in (ROOT / "locale/en/LC_MESSAGES/django.po").read_text(encoding="utf-8").splitlines():
        if line.startswith(("msgid ", "msgid_plural ")):
            current = [line.split(" ", 1)[1][1:-1]]
            found.append(current)
        elif line.startswith('"') and current is not None:
            current.append(line[1:-1])
        else:
            current = None
    return ["".join(parts).replace("\\n", "\n") for parts in found]


def test_templates_have_no_plain_space_before_high_punctuation():
    found = [
        f"{path.relative_to(ROOT)}, {where}"
        for path in sorted((ROOT / "templates").glob("**/*.html"))
        for where in plain_spaces(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_catalogue_has_no_plain_space_before_high_punctuation():
    # Outside HTML tags: a msgid of {% blocktranslate %} may hold a <strong> or an <a href>.
    found = [m for m in msgids() if PLAIN_SPACE.search(re.sub(r"<[^>]*>", "", m))]
    assert found == []


def test_the_check_sees_visible_text_and_only_it():
    """The scanner itself: a plain space is found in text and in a translated string, including one
    read out from an attribute, and not in code, attributes, comments or template tags."""
    source = (
        '<p>Montant : {{ amount }}</p>{% translate "Et maintenant ?" %}'
        "<a title=\"{% translate 'Aide ?' %}\">x</a>"
        "<span>« {{ kind }}</span>"
        '<a href="/x?y=1" data-a="b : c">{{ a }}</a>'
        "{# Note : un commentaire #}{% comment %}Note : aussi{% endcomment %}"
        "<!-- Note : HTML --><pre>a : b</pre><code>c ; d</code><style>a :hover {}</style>"
        '{% if a != b %}{% url "x" as y %}{% endif %}'
        "<p>Montant\u00a0: 3 ; « bien\u00a0»</p>"
    )
    assert plain_spaces(source) == [
        "line 1: Montant :",
        "line 1: Et maintenant ?",
        "line 1: Aide ?",
        "line 1: « ",
        "line 1: Montant\u00a0: 3 ;",
        "line 1: Montant\u00a0: 3 ; « ",
    ]
