"""From the text statlint checks back to the file it came from.

A markup reader (Markdown, HTML, .docx) checks a text that is not the file:
markup dropped, entities decoded, paragraph breaks added. Rules work on that
text; the output contract wants offsets into the original (DESIGN, "Output
contract"). An OffsetMap records, piece by piece, where each stretch of the
checked text came from:

- a *copied* piece is the original's characters unchanged, so its offsets map
  one for one;
- a *synthetic* piece (a decoded entity, an added paragraph break) stands for
  a whole stretch of the original: every character of it maps to that stretch.

A span [start, end) of the checked text maps to [where its first character
came from, where its last character's source ends): a figure whose digits
are copied maps exactly; a span that begins with "&euro;" decoded to "€" maps
to the whole entity.

Builder makes the text and its map together, so the two cannot drift apart.
Maps are lists of piece boundaries searched by bisection: O(log pieces) per
offset, no per-character arrays (a 50 MB page stays cheap).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import Iterable

from statlint.checker.model import Finding, Span


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Pieces of the checked text, in order: where each starts in the text and which stretch of the original
    it came from. `copied[i]`: piece i is the original's characters one for one."""

    text_starts: tuple[int, ...]
    orig_starts: tuple[int, ...]
    orig_ends: tuple[int, ...]
    copied: tuple[bool, ...]
    text_length: int
    orig_length: int

    def _piece(self, offset: int) -> int:
        return bisect.bisect_right(self.text_starts, offset) - 1

    def start(self, offset: int) -> int:
        """Where the character at text `offset` starts in the original (past the text: where the last one ends)."""
        if not self.text_starts:
            return 0
        if offset >= self.text_length:
            return self.end(self.text_length)
        i = self._piece(max(offset, 0))
        if self.copied[i]:
            return self.orig_starts[i] + max(offset, 0) - self.text_starts[i]
        return self.orig_starts[i]

    def end(self, offset: int) -> int:
        """Where the character just before text `offset` ends in the original (an exclusive end)."""
        if offset <= 0 or not self.text_starts:
            return 0
        i = self._piece(min(offset, self.text_length) - 1)
        if self.copied[i]:
            return self.orig_starts[i] + min(offset, self.text_length) - self.text_starts[i]
        return self.orig_ends[i]

    def span(self, span: Span) -> Span:
        """The original stretch a span of the checked text came from."""
        if span.end <= span.start:
            at = self.start(span.start)
            return Span(at, at)
        start, end = self.start(span.start), self.end(span.end)
        return Span(start, max(start, end))

    def is_copied(self, span: Span) -> bool:
        """Whether the span's characters are the original's, unchanged and contiguous (safe to patch there)."""
        if span.end <= span.start:
            return True
        i, j = self._piece(span.start), self._piece(span.end - 1)
        if i < 0 or not all(self.copied[k] for k in range(i, j + 1)):
            return False
        return all(self.orig_starts[k + 1] == self.orig_ends[k] for k in range(i, j))

    def finding(self, finding: Finding, original: str | None = None) -> Finding:
        """The finding with its span and related spans moved into the original; with `original`, each related
        number's text is what its span quotes there (as a report quotes the finding's own span). Its place
        (text, line, column) is cleared: engine.locate fills it in again from the original's Document."""
        related = []
        for r in finding.related:
            span = self.span(r.span)
            related.append(replace(r, span=span, text=r.text if original is None else original[span.start:span.end]))
        return replace(finding, span=self.span(finding.span), related=tuple(related), text="", line=0, column=0,
                       end_line=0, end_column=0)


class Builder:
    """Append copied stretches and synthetic text; `result()` gives the text and its OffsetMap.

    Adjacent copied stretches that touch in the original merge into one piece.
    """

    def __init__(self, original_length: int) -> None:
        self._parts: list[str] = []
        self._text_starts: list[int] = []
        self._orig_starts: list[int] = []
        self._orig_ends: list[int] = []
        self._copied: list[bool] = []
        self._length = 0
        self._orig_length = original_length

    @property
    def length(self) -> int:
        return self._length

    def ends_with(self, suffix: str) -> bool:
        """Whether the text built so far ends with `suffix` (looks back over as many parts as it needs)."""
        tail = ""
        for part in reversed(self._parts):
            tail = part + tail
            if len(tail) >= len(suffix):
                break
        return tail.endswith(suffix)

    def copy(self, source: str, start: int, end: int) -> None:
        """Append source[start:end], the original's own characters."""
        if end <= start:
            return
        if (self._copied and self._copied[-1] and self._orig_ends[-1] == start):
            self._orig_ends[-1] = end
        else:
            self._add_piece(start, end, True)
        self._parts.append(source[start:end])
        self._length += end - start

    def emit(self, text: str, orig_start: int, orig_end: int | None = None) -> None:
        """Append text that stands for original[orig_start:orig_end] (a point when orig_end is None)."""
        if not text:
            return
        self._add_piece(orig_start, orig_start if orig_end is None else orig_end, False)
        self._parts.append(text)
        self._length += len(text)

    def _add_piece(self, orig_start: int, orig_end: int, copied: bool) -> None:
        self._text_starts.append(self._length)
        self._orig_starts.append(orig_start)
        self._orig_ends.append(orig_end)
        self._copied.append(copied)

    def result(self) -> tuple[str, OffsetMap]:
        text = "".join(self._parts)
        return text, OffsetMap(tuple(self._text_starts), tuple(self._orig_starts), tuple(self._orig_ends),
                               tuple(self._copied), len(text), self._orig_length)


def identity(length: int) -> OffsetMap:
    """The map of a text checked as it is."""
    return OffsetMap((0,), (0,), (length,), (True,), length, length)


def map_findings(offsets: OffsetMap | None, findings: Iterable[Finding],
                 original: str | None = None) -> tuple[Finding, ...]:
    """Findings on the checked text, moved into the original (unchanged when there is no map)."""
    if offsets is None:
        return tuple(findings)
    return tuple(offsets.finding(f, original) for f in findings)


__all__ = ["Builder", "OffsetMap", "identity", "map_findings"]
