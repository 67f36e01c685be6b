r"""Extractor: invisible characters that break a number, and overrides that reverse one.

Text pasted from web pages, CMS exports and machine translation can carry
Unicode format characters (general category Cf) that render as nothing: zero
width space U+200B, joiners, word joiner U+2060, a stray BOM U+FEFF, the soft
hyphen U+00AD, direction marks. Inside a figure ("1\u200b000") they split it:
the reader, search, screen readers and every other tool see "1" and "000", so
statlint cannot check the figure and says so (RELIABILITY.md A.8). A
right-to-left override U+202E in front of digits makes readers see them in
reverse order while the file holds the original ("\u202e0001" shows "1000").

Nothing is normalised: offsets stay those of the text as written, and the
finding says what a reader would see. Each case is a Garble fact, kind
"invisible" or "bidi-override", with the figure as meant in `reading`; the
quantities read from its pieces are dropped and its span is recorded as not
read, so no other check reasons on "1" and "000".
"""
from __future__ import annotations

import bisect
import itertools
import unicodedata
from dataclasses import replace

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, Garble, Span

# A figure with format characters between its digits, its separators, its sign
# or its percent sign: "1\u200b000", "1,\u200b250", "$\u00ad5", "12\u2060%". Direction marks
# (LRM, RLM, ALM) before a percent sign are how right-to-left text keeps "%" in place: not flagged.
_INVISIBLE_IN_NUMBER = lazy_compile(
    r"(?<![\d.,\p{Cf}])(?:[$£€¥₹]\p{Cf}*+)?+\d[\d.,]*+"
    r"(?:\p{Cf}++[.,]*+\d[\d.,]*+|(?:(?![\u061c\u200e\u200f])\p{Cf})++[%‰])++"
    r"|[$£€¥₹]\p{Cf}++\d[\d.,]*+"
)
_FORMAT_CHAR = lazy_compile(r"\p{Cf}")
_RIGHT_TO_LEFT_OVERRIDE = "\u202e"
_OVERRIDE_SCOPE = lazy_compile(r"\u202e[^\u202c\n\r\u2029]{0,200}+\u202c?+")
_MAX_NUMBER_CHARS = 60  # beyond this a "figure" is an ID or a table row; no reading is offered


def extract(doc: Document, facts: Facts) -> Facts:
    text = doc.text
    if text.isascii() or not _FORMAT_CHAR.search(text):  # most news: no format character at all
        return facts  # (str.isascii is O(1); every format character is outside ASCII)
    found = [*_split_numbers(text), *_reversed_digits(text)]
    if not found:
        return facts
    garbles = sorted((*facts.garbles, *found), key=lambda g: (g.span.start, g.kind))
    # The pieces of a split figure ("1" and "000") are not the figure: no later claim or check may use
    # them. The figure is recorded as not read instead, so `statlint extract` shows it as `not_read`.
    spans = sorted(g.span for g in found)
    starts = [span.start for span in spans]
    reach = list(itertools.accumulate((span.end for span in spans), max))  # furthest end of spans[:i + 1]
    quantities = tuple(q for q in facts.quantities if not _overlaps(starts, reach, q.span))
    skipped = tuple(sorted((*(s for s in facts.skipped if not _inside(starts, reach, s)), *spans)))
    return replace(facts, quantities=quantities, skipped=skipped, garbles=tuple(garbles))


def _overlaps(starts: list[int], reach: list[int], span: Span) -> bool:
    """Whether `span` overlaps one of the spans whose sorted starts and running furthest ends these are.

    A bisect per quantity instead of a test against every span: a long pasted page can hold
    thousands of split figures and tens of thousands of quantities.
    """
    i = bisect.bisect_left(starts, span.end)  # the spans that start before `span` ends
    return i > 0 and reach[i - 1] > span.start


def _inside(starts: list[int], reach: list[int], span: Span) -> bool:
    """Whether `span` lies within one of the spans (same arguments as _overlaps)."""
    i = bisect.bisect_right(starts, span.start)  # the spans that start at or before it
    return i > 0 and reach[i - 1] >= span.end


def _split_numbers(text: str) -> list[Garble]:
    found = []
    for match in _INVISIBLE_IN_NUMBER.finditer(text):
        raw = match.group().rstrip(".,")  # a full stop or comma after the figure is not part of it
        meant = _FORMAT_CHAR.sub("", raw)
        hidden = sorted(set(_FORMAT_CHAR.findall(raw)))
        names = ", ".join(_describe(ch) for ch in hidden)
        shown = meant if len(meant) <= _MAX_NUMBER_CHARS else None
        found.append(Garble(
            kind="invisible", span=Span(match.start(), match.start() + len(raw)), text=raw, reading=meant,
            suggestion=shown,
            detail=f"{names} splits '{_short(meant)}' into pieces that search, screen readers and statlint "
                   f"read separately; the figure was not checked"))
    return found


def _reversed_digits(text: str) -> list[Garble]:
    if _RIGHT_TO_LEFT_OVERRIDE not in text:
        return []
    found = []
    for match in _OVERRIDE_SCOPE.finditer(text):
        scope = match.group()
        inner = _FORMAT_CHAR.sub("", scope)
        if not any(ch.isdigit() for ch in inner):
            continue
        found.append(Garble(
            kind="bidi-override", span=Span(match.start(), match.end()), text=scope, reading=inner,
            suggestion=None,  # which of the two figures was meant, only the writer knows
            detail=f"a right-to-left override ({_describe(_RIGHT_TO_LEFT_OVERRIDE)}) shows '{_short(inner[::-1])}' "
                   f"to readers where the text holds '{_short(inner)}'"))
    return found


def _short(text: str, limit: int = 40) -> str:
    """A figure or an override's scope as a message quotes it: a 5,000-digit ID makes no 5,000-character line."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _describe(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'FORMAT CHARACTER')}"
