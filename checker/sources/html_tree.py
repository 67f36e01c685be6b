"""The HTML reader's tokenizer and tree: html.parser's events as elements and text runs with source offsets.

html.parser is lenient like a browser (any input parses, nothing raises) and says where each tag and
text run starts; entities and character references are kept apart from the text around them so each
decoded character maps to its whole reference. The tree follows the HTML parsing algorithm only as far
as it changes what text belongs to which element: void elements, end tags closing the nearest open
element of their name (stray ones ignored), and the implied ends of p, li, dt/dd, tr/td/th and option.
"""
from __future__ import annotations

import html as html_entities
from html.parser import HTMLParser

import regex

from statlint.checker.lazy_regex import lazy_compile

__all__ = ["BLOCK", "Element", "Text", "parse"]

BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dir div dl dt fieldset figcaption "
    "footer h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main nav ol p pre section summary table "
    "tbody tfoot thead tr ul".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# An opening tag that implicitly closes an open element of the same family (the HTML parsing algorithm, abridged).
_CLOSES = {"li": ("li",), "dt": ("dt", "dd"), "dd": ("dt", "dd"), "tr": ("tr", "td", "th"),
           "td": ("td", "th"), "th": ("td", "th"), "option": ("option",), "p": ("p",)}
_CLOSES_P = BLOCK - {"body", "html", "li", "dd", "dt", "tr", "tbody", "thead", "tfoot", "caption"}
_SCOPE_STOP = frozenset(("ul", "ol", "table", "dl", "body", "html", "div", "article", "section", "main"))
_ENTITY_TAIL = lazy_compile(r"&(?:#[xX][0-9a-fA-F]*+|#[0-9]*+|[A-Za-z][-.A-Za-z0-9]*+);?")
_OPENER = lazy_compile(r"<[A-Za-z!/?]")


def parse(source: str) -> "Element":
    """The document's tree: a '#document' Element holding Elements and Texts in source order."""
    return _Tree(source).parse()


class Element:
    """A tag, its attributes, where it starts in the source and its children; `skip`, `length` (visible
    characters), `links` (of them inside links) and `h1` are filled in by html.py when it weighs the page."""

    __slots__ = ("tag", "attrs", "start", "children", "skip", "length", "links", "h1")

    def __init__(self, tag: str, attrs: dict[str, str], start: int) -> None:
        self.tag = tag
        self.attrs = attrs
        self.start = start
        self.children: list = []
        self.skip = False
        self.length = self.links = self.h1 = 0


class Text:
    """A run of character data: copied from source[start:end], or `decoded` from a reference there."""

    __slots__ = ("start", "end", "decoded")

    def __init__(self, start: int, end: int, decoded: str | None = None) -> None:
        self.start, self.end, self.decoded = start, end, decoded


class _Tree(HTMLParser):
    """html.parser's events, turned into a tree of Element and Text with source offsets."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0]
        at = source.find("\n")
        while at >= 0:
            self.line_starts.append(at + 1)
            at = source.find("\n", at + 1)
        self.root = Element("#document", {}, 0)
        self.stack: list[Element] = [self.root]
        self.open_count: dict[str, int] = {}

    def parse(self) -> Element:
        self.feed(self.source[:_parseable_end(self.source)])
        self.close()
        return self.root

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs) -> None:
        self._open(tag, attrs, void=tag in _VOID)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self._open(tag, attrs, void=True)

    def _open(self, tag: str, attrs, void: bool) -> None:
        closes = _CLOSES.get(tag, ("p",) if tag in _CLOSES_P else ())
        if closes:
            self._close_implied(closes)
        element = Element(tag, {k: v or "" for k, v in attrs}, self._offset())
        self.stack[-1].children.append(element)
        if not void:
            self.stack.append(element)
            self.open_count[tag] = self.open_count.get(tag, 0) + 1

    def _close_implied(self, tags: tuple[str, ...]) -> None:
        """Close the innermost open element among `tags`, unless a list, table or section boundary comes first."""
        for depth in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[depth].tag
            if tag in tags:
                self._pop_to(depth)
                return
            if tag in _SCOPE_STOP or len(self.stack) - depth > 64:
                return

    def handle_endtag(self, tag: str) -> None:
        if not self.open_count.get(tag):
            return  # a stray end tag: ignored, as browsers do
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                self._pop_to(depth)
                return

    def _pop_to(self, depth: int) -> None:
        while len(self.stack) > depth:
            element = self.stack.pop()
            self.open_count[element.tag] -= 1

    def handle_data(self, data: str) -> None:
        start = self._offset()
        self.stack[-1].children.append(Text(start, start + len(data)))

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    def _reference(self) -> None:
        start = self._offset()
        m = _ENTITY_TAIL.match(self.source, start)
        end = m.end() if m else start + 1
        raw = self.source[start:end]
        decoded = html_entities.unescape(raw if raw.endswith(";") else raw + ";")
        if decoded.endswith(";") and not raw.endswith(";"):
            decoded = html_entities.unescape(raw)
        self.stack[-1].children.append(Text(start, end, None if decoded == raw else decoded))


def _parseable_end(source: str) -> int:
    """Where the page ends for the tokenizer: before a tag, comment or marked section that opens and never closes.

    A browser shows nothing of such a construct (a comment runs to the end of the file, a tag cut off by
    the end of the file is dropped), and html.parser would rescan the rest of the file for its end at
    every "<" after it: quadratic, 80 s for 320 KB of "<!--" (measured). Cutting there is what a browser
    shows, in one linear pass.
    """
    end = len(source)
    m = _OPENER.search(source, source.rfind(">") + 1)
    if m:
        end = m.start()
    for opener, closer in (("<!--", "-->"), ("<![", "]]>")):
        last_close = source.rfind(closer)
        at = source.find(opener, last_close + len(closer) if last_close >= 0 else 0, end)
        if at >= 0:
            end = at
    return end
