"""Finding "A (B)" pairs: a figure followed by the same figure in other units, in brackets."""
from __future__ import annotations

import regex

_OPEN = regex.compile(r"\s*+\(\s*+(?:(?:about|around|approximately|approx\.?|some|roughly|nearly|almost|or|over|"
                      r"more\s+than|US|U\.S\.)\s+)?\Z", regex.IGNORECASE)
_CLOSE = regex.compile(r"\s*+(?:[;,)]|U\.S\.|US\b|at\s+current)")


def bracket_pairs(doc, quantities):
    """Yield (outer, inner) for "outer (inner ...)" where inner is the first figure inside the bracket."""
    for a, b in zip(quantities, quantities[1:]):
        between = doc.text[a.span.end:b.span.start]
        if len(between) > 24 or "(" not in between:
            continue
        if "malformed" in (a.grouping, b.grouping):
            continue  # Q101 reports it; its value is a guess
        if _OPEN.fullmatch(between) and _CLOSE.match(doc.text, b.span.end):
            yield a, b
