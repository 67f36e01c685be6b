"""A poll margin: the shares of the two sides of one question written as a pair, for P103 (via rules.share_splits).

"Democrats said he should leave by a 55 percent to 37 percent margin", "voters say 52 - 39 percent that he
should resign", "Republicans 61 - 32 percent": the two figures split one whole (those for, those against;
the rest have no view), so they cannot add up to more than 100 %.

The number reader reads such a pair as one range ("52 - 39 percent", kind "range"). A range runs up; a pair
written larger first is no range, and in a sentence about a poll, a vote or answers it is a margin: the
sentence names a poll or its answers (rules.share_splits' poll words, "say", "said", "margin", "divided",
"support", "favour", "oppose", "back"), or the word "margin" follows the pair. A pair written smaller first
counts only before "margin" ("by a 37-55 margin" is rare, and a range otherwise).
"""
from __future__ import annotations

import regex

from statlint.checker.document import Document
from statlint.checker.lazy_regex import lazy_compile
from statlint.checker.model import Facts, Link, Quantity, ShareSplit, Span
from statlint.checker.numbers import parse_numeral, rounding_interval

_REACH = 300  # characters around a pair its sentence's poll words are read from (a sentence may be megabytes)
_PAIR = lazy_compile(r"(?P<a>\d++(?:\.\d++)?+)(?P<a_unit>\s*+(?:%|percent|per\s+cent|pct))?+\s*+(?:-|–|—|to)\s*+"
                     r"(?P<b>\d++(?:\.\d++)?+)\s*+(?:%|percent|per\s+cent|pct)", regex.IGNORECASE)
_MARGIN_AFTER = lazy_compile(r"\s*+(?:point\s+)?margin\b", regex.IGNORECASE)
_POLL_SENTENCE = lazy_compile(
    r"\b(?:poll(?:ed|s)?|survey(?:ed|s)?|respondents|voters|ballot|referendum|margin|say|says|said|divided|split|"
    r"supports?|supported|favou?rs?|favou?red|opposes?|opposed|backs?|backed|approve[sd]?|disapprove[sd]?)\b",
    regex.IGNORECASE)


def _end(start: int, digits: str, shown: str) -> Quantity:
    """One side of the pair as a percentage, its interval by the precision model (checker.numbers)."""
    n = parse_numeral(digits)
    low, high = rounding_interval(n.value, n.decimals, n.trailing_zeros)
    return Quantity(span=Span(start, start + len(shown)), text=shown, value=n.value, low=low, high=high,
                    unit="percent", decimals=n.decimals)


def margins(doc: Document, facts: Facts) -> list[ShareSplit]:
    """ShareSplits of poll margins read as ranges (see the module docstring)."""
    text = doc.text
    out = []
    for q in facts.quantities:
        if q.kind != "range" or q.unit != "percent":
            continue
        m = _PAIR.fullmatch(q.text)
        if m is None:
            continue
        a, b = parse_numeral(m.group("a")).value, parse_numeral(m.group("b")).value
        margin_after = _MARGIN_AFTER.match(text, q.span.end, q.span.end + 20) is not None
        sentence = doc.sentence_of(q.span.start)
        around = max(sentence.start, q.span.start - _REACH), min(sentence.end, q.span.end + _REACH)
        if not (margin_after or (a > b and _POLL_SENTENCE.search(text, *around))):
            continue
        start = q.span.start
        a_end = m.end("a_unit") if m.group("a_unit") else m.end("a")
        first = _end(start + m.start("a"), m.group("a"), q.text[m.start("a"):a_end])
        second = _end(start + m.start("b"), m.group("b"), q.text[m.start("b"):])
        out.append(ShareSplit(span=q.span, shares=(first, second), whole="the two sides of a margin", link=Link.SENTENCE,
                              may_nest=False))
    return out
