"""The inline pass of the Markdown reader (markdown.py): code spans, comments, raw HTML, links and images,
footnotes, entities, escapes and emphasis, each pass skipping what an earlier one dropped.

A mixin of markdown._Scan, which holds the mask it marks: `self.s` (the source), `drop`, `dropped`,
`substitute` and `labels` (the reference definitions the line pass found).
"""
from __future__ import annotations

import bisect
import html

import regex

from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.sources.markdown_blocks import label

_BLANK_LINE = lazy_compile(r"\n[ \t\r]*+(?=\n)")
_BACKTICKS = lazy_compile(r"`++")
_AUTOLINK = lazy_compile(r"<(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}+:[^\s<>]{0,2000}+|[^\s<>@]{1,200}+@[^\s<>]{1,200}+)>")
_RAW_TEXT = lazy_compile(r"<(script|style|textarea)\b[^<>]{0,2000}+>", regex.I)
_RAW_TEXT_END = {tag: regex.compile(r"</" + tag + r"\s*+>", regex.I) for tag in ("script", "style", "textarea")}
_TAG = lazy_compile(r"</?[A-Za-z][A-Za-z0-9\-]{0,40}+(?:\s[^<>]{0,2000}+)?+/?>")
_LINK_TAIL = lazy_compile(
    r"\]\([ \t]*+\n?[ \t]*+(?:<[^<>\n]{0,2000}+>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.){0,500}+\)){0,2000}+)"
    r"(?:(?:[ \t]*+\n[ \t]*+|[ \t]++)(?:\"[^\"]{0,500}+\"|'[^']{0,500}+'|\([^()]{0,500}+\)))?+[ \t]*+\n?[ \t]*+\)")
_REF_TAIL = lazy_compile(r"\]\[[^\[\]\n]{0,999}+\]")
_SHORTCUT = lazy_compile(r"\[([^\[\]\n]{1,999}+)\](?![\[(:])")
_FOOTNOTE = lazy_compile(r"\[\^[^\[\]\s]{1,100}+\]")
_ENTITY = lazy_compile(r"&(?:\#[0-9]{1,7}+|\#[xX][0-9a-fA-F]{1,6}+|[A-Za-z][A-Za-z0-9]{1,31}+);")
_ESCAPE = lazy_compile(r"\\(?=[!-/:-@\[-`{-~])")
_EMPHASIS = lazy_compile(r"\*{1,3}+|_{1,3}+|~~")
_DIRECTIVE = lazy_compile(r"<!--[ \t]*+statlint\b", regex.I)

_LOOK_BACK = 1000  # how far a link's closing "](" looks back for its "["
_CODE_SPAN_RUNS = 64  # how many backtick runs a code span's opener looks through for its closer


class InlineScan:
    """The inline passes, in an order where each construct hides what it contains from the later ones."""

    _blank_lines: list[int] | None = None  # the blank lines' offsets, found once per document when first needed

    def inline(self) -> None:
        self._code_spans()
        self._comments()
        for m in _RAW_TEXT.finditer(self.s):
            if not self.dropped(m.start()):
                close = _RAW_TEXT_END[m.group(1).lower()].search(self.s, m.end())
                self.drop(m.start(), close.end() if close else m.end())
        self._each(_AUTOLINK, lambda m: self.drop(m.start(), m.end()))
        self._each(_TAG, lambda m: self.drop(m.start(), m.end()))
        self._each(_FOOTNOTE, lambda m: self.drop(m.start(), m.end()))
        self._each(_LINK_TAIL, self._link)
        self._each(_REF_TAIL, self._link)
        if self.labels:
            self._each(_SHORTCUT, self._shortcut)
        self._each(_ENTITY, self._entity)
        self._each(_ESCAPE, lambda m: self.drop(m.start(), m.start() + 1))
        self._each(_EMPHASIS, self._emphasis)

    def _each(self, pattern: regex.Pattern, action) -> None:
        for m in pattern.finditer(self.s):
            if not self.dropped(m.start()):
                action(m)

    def _code_spans(self) -> None:
        """A run of n backticks opens a code span closed by the next run of exactly n in the same paragraph."""
        runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(self.s) if not self.dropped(m.start())]
        i = 0
        while i < len(runs):
            start, end = runs[i]
            limit = self._paragraph_end(end)
            for j in range(i + 1, min(len(runs), i + 1 + _CODE_SPAN_RUNS)):
                if runs[j][0] >= limit:
                    break
                if runs[j][1] - runs[j][0] == end - start:
                    self.drop(start, runs[j][1])
                    i = j
                    break
            i += 1

    def _paragraph_end(self, offset: int) -> int:
        if self._blank_lines is None:  # once per document, so each lookup is a bisection
            self._blank_lines = [m.start() for m in _BLANK_LINE.finditer(self.s)]
        k = bisect.bisect_left(self._blank_lines, offset)
        return self._blank_lines[k] if k < len(self._blank_lines) else len(self.s)

    def _comments(self) -> None:
        s = self.s
        at = s.find("<!--")
        while at >= 0:
            close = s.find("-->", at + 4)
            if close < 0:
                return  # an unclosed "<!--" is text; no later one can close either
            if not self.dropped(at) and not _DIRECTIVE.match(s, at):
                self.drop(at, close + 3)
            at = s.find("<!--", close + 3)

    def _link(self, m: regex.Match) -> None:
        """`[text](target "title")` or `[text][label]`: the text stays; an image `![alt](src)` goes whole."""
        opener = self._opening_bracket(m.start())
        if opener is None:
            return
        if opener > 0 and self.s[opener - 1] == "!" and not self.dropped(opener - 1):
            self.drop(opener - 1, m.end())
        else:
            self.drop(opener, opener + 1)
            self.drop(m.start(), m.end())

    def _shortcut(self, m: regex.Match) -> None:
        if label(m.group(1)) in self.labels:
            if m.start() > 0 and self.s[m.start() - 1] == "!":
                self.drop(m.start() - 1, m.end())
            else:
                self.drop(m.start(), m.start() + 1)
                self.drop(m.end() - 1, m.end())

    def _opening_bracket(self, close: int) -> int | None:
        """The "[" that the "]" at `close` closes, nesting counted, within _LOOK_BACK characters; C-speed searches."""
        s = self.s
        low = max(0, close - _LOOK_BACK)
        depth, high = 1, close
        while True:
            j = s.rfind("[", low, high)
            if j < 0 or "\n\n" in s[j:high]:
                return None
            depth += s.count("]", j + 1, high) - 1
            if depth == 0:
                return None if self.dropped(j) else j
            high = j

    def _entity(self, m: regex.Match) -> None:
        decoded = html.unescape(m.group())
        if decoded != m.group():
            self.substitute(m.start(), m.end(), decoded)

    def _emphasis(self, m: regex.Match) -> None:
        """Drop a delimiter run unless it sits inside a word (snake_case, 3*4) or between spaces (5 * 3)."""
        s = self.s
        before = s[m.start() - 1] if m.start() > 0 else " "
        after = s[m.end()] if m.end() < len(s) else " "
        if m.group()[0] == "~":
            self.drop(m.start(), m.end())
        elif before.isalnum() and after.isalnum():
            return
        elif not (before.isspace() and after.isspace()):
            self.drop(m.start(), m.end())
