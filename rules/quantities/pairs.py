"""Two quantities that make one: "420 ± 30 K", "between 2 and 3 percent", "9.9%–16.2%".

Run after every single figure is read, over neighbours only (linear), and only
where one of the marks these forms need is in the text at all.
"""
from __future__ import annotations

import regex

from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Quantity, Span, replace
from statlint.checker.numbers import SCALES
from statlint.rules import _patterns as P


def may_have_pairs(text: str, lowered: str) -> bool:
    """Whether merge_pairs could merge anything: each of its forms needs one of these marks,
    "±"/"+/-"/"+-", an en dash, or "between", "rang(e)", "var(y)" or " to " (in any case; none of their
    letters has a non-ASCII case partner, so lower() finds every spelling). A new form must add its mark here.
    " to " first: most texts that have a mark have that one, and a search that finds it ends there."""
    return (" to " in lowered or "±" in text or "+" in text or "–" in text or "between" in lowered
            or "rang" in lowered or "var" in lowered)


def _shared_scale(low_end: Quantity, high_end: Quantity) -> float:
    """The scale word of a range's high end, which its bare low end shares: "between 437 and 450 mln
    dlrs" runs from 437 mln, not from 437. 1 when the low end has its own scale or would pass the high end."""
    if any(word in SCALES for word in low_end.text.lower().split()):
        return 1.0
    factor = next((SCALES[word] for word in high_end.text.lower().split() if word in SCALES), 1.0)
    return factor if low_end.value * factor <= high_end.value else 1.0


def merge_pairs(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """ "420 ± 30 K" is one quantity (390..450 K); so are "between 2 and 3 percent" and "9.9%–16.2%".

    Called only where may_have_pairs finds the marks these forms need.
    """
    out: list[Quantity] = []
    i = 0
    while i < len(quantities):
        q = quantities[i]
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        if nxt is not None and nxt.span.start - q.span.end <= 12:
            # a figure right after the high end ("two to 25 100 million dlrs", a garbled 亿) makes the
            # high end part of something else: the garble rules read the neighbours as they stand
            stacked = i + 2 < len(quantities) and quantities[i + 2].span.start - nxt.span.end <= 1
            merged = _merge(text, q, nxt, stacked)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(q)
        i += 1
    return out


# What is left of the text between two figures that _merge joins once the spaces round it are stripped:
# the mark of each of its forms (P.PLUS_MINUS, "–", P.AND_BETWEEN, _TO), spaces (\s) on either side only
_PAIR_MARKS = frozenset(("±", "+/-", "+-", "–", "and", "to", "-"))


def _merge(text: str, q: Quantity, nxt: Quantity, stacked: bool = False) -> Quantity | None:
    between = text[q.span.end:nxt.span.start]
    if between.strip() not in _PAIR_MARKS:
        # Why: most neighbours are joined by " from ", " vs ", " or ", ", " (half of the 5,600 pairs over the news
        # corpus), and each form's pattern was tried on them. Exact: every form's pattern matches its mark with
        # only \s around it, and strip() takes off every character \s matches (isspace() holds them all)
        return None
    unit = nxt.unit if q.unit == "count" else q.unit
    span = Span(q.span.start, nxt.span.end)
    if P.PLUS_MINUS.fullmatch(between) and nxt.value >= 0 and q.unit in ("count", nxt.unit):
        return replace(q, span=span, text=text[span.start:span.end], low=q.value - nxt.value,
                       high=q.value + nxt.value, unit=unit, kind="range", bound="~")
    if between == "–" and q.unit == nxt.unit and q.unit != "count" and 0 <= q.value <= nxt.value:
        # "9.9%–16.2%", "2 km–5 km": a range written with its unit twice
        return replace(q, span=span, text=text[span.start:span.end], value=(q.value + nxt.value) / 2,
                       low=q.low, high=nxt.high, kind="range")
    if q.unit in ("count", nxt.unit) and P.AND_BETWEEN.fullmatch(between):
        before = P.BETWEEN_BEFORE.search(text, max(0, q.span.start - 24), q.span.start)
        # "between" runs low to high, or in size for negatives ("between −2 and −7‰");
        # "ranging from 11.4% to 2.4%" may run either way
        if before and (q.value <= nxt.value or (nxt.value < 0 and abs(q.value) <= abs(nxt.value))
                       or not before.group().lower().startswith("between")):
            return _range(text, q, nxt, span, unit)
    if not stacked and _TO.fullmatch(between) and _plain_range(text, q, nxt):
        return _range(text, q, nxt, span, unit)
    return None


def _range(text: str, q: Quantity, nxt: Quantity, span: Span, unit: str) -> Quantity:
    """The range from q to nxt, a bare low end taking the high end's scale word and unit."""
    factor = _shared_scale(q, nxt)
    return replace(q, span=span, text=text[span.start:span.end], value=(q.value * factor + nxt.value) / 2,
                   low=min(q.low * factor, nxt.low), high=max(q.high * factor, nxt.high), unit=unit, kind="range")


_TO = lazy_compile(r"\s++to\s++")
_WORD_BEFORE = lazy_compile(r"(?P<word>[A-Za-z]++)[\s~∼≈]*+\Z", regex.REVERSE)


# Words after which "X to Y" is a change, not a range: "rose 0.25 to 7.25 pct" (by 0.25, to 7.25),
# "from 5 to 7", "cut 10 to 5 pct", and a chain "from 0.06 to 0.42 to 0.74" (the word before is "to").
_CHANGE_WORDS = frozenset((
    "from", "to", "by", "up", "down", "rose", "rise", "rises", "risen", "rising", "fell", "fall", "falls", "fallen",
    "falling", "gained", "gain", "gains", "lost", "lose", "loses", "dropped", "drop", "drops", "climbed", "climb",
    "climbs", "increased", "increase", "increases", "decreased", "decrease", "decreases", "declined", "decline",
    "declines", "cut", "cuts", "raised", "raise", "raises", "lowered", "lower", "lowers", "added", "add", "adds",
    "shed", "sheds", "jumped", "jump", "jumps", "slipped", "slip", "slips", "eased", "ease", "eases", "grew",
    "grow", "grows", "grown", "slid", "slide", "slides", "soared", "plunged", "surged", "tumbled", "advanced",
    "widened", "narrowed", "boosted", "reduced", "trimmed", "revised", "changed", "moved", "went",
))


def _plain_range(text: str, q: Quantity, nxt: Quantity) -> bool:
    """ "0 to 4", "−100 °C to 200 °C", "1 to 2 mg": a range written with "to" and no "from" before it.

    Both ends are single figures in one unit (or a bare low end that takes the high end's unit), and
    the word before the low end does not make the pair a change ("rose 0.25 to 7.25 pct", "from 5 to
    7", the middle of "from 0.06 to 0.42 to 0.74"). Either order: "−25.9 to −26.5‰".
    """
    if q.kind != "level" or nxt.kind != "level" or q.unit not in ("count", nxt.unit):
        return False
    return not after_change_word(text, q)


def after_change_word(text: str, q: Quantity) -> bool:
    """Whether the word before `q` makes "q to X" a change ("rose 0.25 to 7.25 pct", "from 5 to 7", "raised 50
    cts to 19.35 dlrs") rather than a range of two figures ("0 to 4", "holding 50 cts to one dlr below")."""
    word = _WORD_BEFORE.search(text, max(0, q.span.start - 30), q.span.start)
    return word is not None and word.group("word").lower() in _CHANGE_WORDS
