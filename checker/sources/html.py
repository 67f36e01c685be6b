"""HTML reader: the article of a web page as text, with an OffsetMap back into the page's source.

`article_text(html)` is the one entry point (the archive readers use it on
every WARC or JSONL page too). It keeps the story and leaves out what is not:

- never text: script, style, template, svg, head, forms and controls, iframes,
  figures (their captions and pull quotes repeat or sit beside the story);
- page furniture: nav, aside, footer, a header outside the article, anything
  with a landmark role (navigation, banner, contentinfo, complementary,
  search, menu, dialog), `hidden` or `aria-hidden="true"`, and elements whose
  class or id names furniture (nav, menu, breadcrumb, footer, sidebar, share,
  social, related, newsletter, cookie, banner, ad, promo, comments...);
- lists and tables that are mostly links (a "more stories" block);
- then, of what is left, the article itself: the largest
  `itemprop="articleBody"`, else the largest `<article>`, else `<main>`
  (`role="main"`), else the body. A page's `<h1>` outside that element is
  kept as the headline when the element has none of its own.

Block elements (p, h1-h6, li, div, blockquote, tr...) become paragraphs
separated by a blank line, `<br>` a line break, table cells are separated by
a space; runs of white space collapse to one space as a browser shows them;
entities and character references are decoded (each decoded character maps
to its whole reference in the source).

Why not trafilatura or selectolax: they return text or a tree without source
offsets, and every finding must quote the right characters of the page. The
tree comes from the standard library's tokenizer with offsets (html_tree.py);
the choice of the article and the text are made here in loops over an
explicit stack, so nesting ten thousand deep costs no recursion.
"""
from __future__ import annotations

import regex

from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.sources.html_tree import BLOCK, Element, Text, parse
from statlint.checker.sources.offsets import Builder, OffsetMap

__all__ = ["article_text"]

_NEVER_TEXT = frozenset("script style noscript template svg math head title form button select option "
                        "textarea iframe object embed canvas figure dialog menu video audio picture map".split())
_FURNITURE = frozenset("nav aside footer".split())
_LANDMARK_ROLES = frozenset("navigation banner contentinfo complementary search menu menubar dialog "
                            "alertdialog toolbar".split())
_FURNITURE_WORDS = frozenset(
    "nav navbar navigation menu breadcrumb breadcrumbs footer sidebar share sharing social related "
    "recommended newsletter cookie cookies consent banner advert advertisement ad ads promo comments "
    "comment subscribe paywall masthead toolbar popup modal skip byline".split())
_CELL = frozenset(("td", "th"))
_LISTS = frozenset(("ul", "ol", "table", "dl"))
_WORD_SPLIT = lazy_compile(r"[^a-z0-9]+")
_HTML_SPACE = lazy_compile(r"[^ \t\n\r\f]++")
_LINK_HEAVY = 0.7  # a list or table whose text is this much link text is navigation


def article_text(html: str) -> tuple[str, OffsetMap]:
    """The article text of an HTML page and the map from its offsets back into `html`."""
    root = parse(html)
    _measure(root)
    body = _choose(root)
    builder = _Writer(html)
    headline = _outside_headline(root, body)
    if headline is not None:
        builder.write(headline)
    builder.write(body)
    return builder.result()


def _furniture(element: Element, inside_article: bool) -> bool:
    tag, attrs = element.tag, element.attrs
    if tag in _NEVER_TEXT or tag in _FURNITURE or (tag == "header" and not inside_article):
        return True
    if "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true":
        return True
    if attrs.get("role", "").lower() in _LANDMARK_ROLES:
        return True
    style = attrs.get("style", "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    if tag in ("html", "body", "article", "main") or attrs.get("itemprop") == "articleBody":
        return False
    words = _WORD_SPLIT.split((attrs.get("class", "") + " " + attrs.get("id", "")).lower())
    return any(w in _FURNITURE_WORDS for w in words)


def _measure(root: Element) -> None:
    """Mark furniture, and count each element's visible characters, link characters and h1s (post-order)."""
    stack: list[tuple[Element, bool, bool]] = [(root, False, False)]
    while stack:
        element, inside_article, done = stack.pop()
        if done:
            for child in element.children:
                if isinstance(child, Element):
                    if child.skip:
                        continue
                    element.length += child.length
                    element.links += child.links if child.tag != "a" else child.length
                    element.h1 += child.h1 + (child.tag == "h1")
                else:
                    element.length += child.end - child.start if child.decoded is None else len(child.decoded)
            if (element.tag in _LISTS and element.length
                    and element.links >= _LINK_HEAVY * element.length):
                element.skip = True
            continue
        if element is not root and _furniture(element, inside_article):
            element.skip = True  # still measured: a headline may sit in a page header
        stack.append((element, inside_article, True))
        inside = inside_article or element.tag in ("article", "main") or element.attrs.get("role") == "main"
        stack.extend((c, inside, False) for c in element.children if isinstance(c, Element))


def _choose(root: Element) -> Element:
    """The element holding the story: articleBody, article, main, body, in that order; the largest of a kind."""
    best: dict[str, Element] = {}
    stack = [root]
    while stack:
        element = stack.pop()
        if element.skip:
            continue
        kind = ("body-prop" if element.attrs.get("itemprop") == "articleBody" else
                "main" if element.tag == "main" or element.attrs.get("role", "").lower() == "main" else
                element.tag if element.tag in ("article", "body") else None)
        if kind and (kind not in best or element.length > best[kind].length):
            best[kind] = element
        stack.extend(c for c in element.children if isinstance(c, Element))
    for kind in ("body-prop", "article", "main", "body"):
        if kind in best and best[kind].length:
            return best[kind]
    return root


def _outside_headline(root: Element, body: Element) -> Element | None:
    """The page's first h1 before the chosen element, when that element has none of its own; an h1 in the
    page's header counts (the story's title often sits there), one in other furniture does not."""
    if body is root or body.h1 or body.tag == "body":
        return None
    stack = [root]
    while stack:
        element = stack.pop()
        if (element.skip and element.tag != "header") or element is body or element.start > body.start:
            continue
        if element.tag == "h1" and element.length:
            return element
        stack.extend(reversed([c for c in element.children if isinstance(c, Element)]))
    return None


class _Writer:
    """Text out of elements: block breaks, collapsed white space, decoded references, each piece mapped."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.builder = Builder(len(source))
        self.pending: tuple[str, int] | None = None  # the separator owed before the next text, and where

    def _separate(self, kind: str, at: int) -> None:
        rank = {" ": 0, "\n": 1, "\n\n": 2}
        if self.builder.length == 0:
            return
        if self.pending is None or rank[kind] > rank[self.pending[0]]:
            self.pending = (kind, at)

    def _flush(self) -> None:
        if self.pending is not None:
            kind, at = self.pending
            self.builder.emit(kind, at, at + 1 if kind == " " else at)
            self.pending = None

    def write(self, top: Element) -> None:
        stack: list = [top]
        while stack:
            node = stack.pop()
            if isinstance(node, Text):
                self._text(node)
            elif isinstance(node, tuple):  # the end of a block or cell
                self._separate(*node)
            elif not node.skip:
                self._enter(node, stack)
        self._separate("\n\n", len(self.source))

    def _enter(self, element: Element, stack: list) -> None:
        if element.tag == "br":
            self._separate("\n", element.start)
        elif element.tag in BLOCK:
            self._separate("\n\n", element.start)
            stack.append(("\n\n", element.start))
        elif element.tag in _CELL:
            self._separate(" ", element.start)
            stack.append((" ", element.start))
        stack.extend(reversed(element.children))

    def _text(self, node: Text) -> None:
        if node.decoded is not None:
            if node.decoded.strip(" \t\n\r\f"):
                self._flush()
                self.builder.emit(node.decoded, node.start, node.end)
            else:
                self._separate(" ", node.start)
            return
        source, at = self.source, node.start
        for m in _HTML_SPACE.finditer(source, node.start, node.end):
            if m.start() > at:
                self._separate(" ", at)
            self._flush()
            self.builder.copy(source, m.start(), m.end())
            at = m.end()
        if at < node.end:
            self._separate(" ", at)

    def result(self) -> tuple[str, OffsetMap]:
        return self.builder.result()
